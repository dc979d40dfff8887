#!/usr/bin/env bash
# Installs Quill's Debian 12 build and test dependencies. Idempotent: packages that are
# already present are skipped, so a second run costs a few seconds and no network.
#
# Notes:
# - QtKeychain (qtkeychain-qt6) loads libsecret-1.so.0 at run time without declaring it,
#   so libsecret-1-0 is listed explicitly (and in the .deb's Depends).
# - A bare Debian 12 lacks `file` and `dpkg-dev`, which CPack's DEB generator needs;
#   lintian, desktop-file-utils and appstream check the package (packaging/check-package.sh).
# - clang + libclang-rt-14-dev give libFuzzer for tests/fuzz.
# - python3-pip/-setuptools/-wheel build and install the Python client's wheel offline
#   (`pip wheel --no-build-isolation --no-deps`; PyPI is not needed).
# - qt6-tools-dev (CMake's Qt6LinguistTools) and qt6-l10n-tools (lupdate, lrelease) build the
#   translations; qt6-translations-l10n has Qt's own (qtbase_de.qm …), loaded at run time.
# - chromium runs the JS client's browser build headless (clients/js/test/browser.test.mjs;
#   skipped if absent). It is the largest package here (about 350 MB installed).
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-svg-dev qt6-websockets-dev qtkeychain-qt6-dev libsecp256k1-dev libssl-dev libsecret-1-0
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  nlohmann-json3-dev libsimdjson-dev libsodium-dev libbenchmark-dev clang libclang-rt-14-dev
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-dejavu-core
  file dpkg-dev lintian desktop-file-utils appstream
  python3 python3-pip python3-setuptools python3-wheel
  chromium
)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
