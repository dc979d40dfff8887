#!/usr/bin/env bash
# Builds the Debian package from a configured, built tree (CPack) and checks it as a
# distribution would (issue 11). Any error or warning fails:
#   - lintian -i --pedantic: errors and warnings fail (the package's documented overrides
#     in packaging/debian/lintian-overrides apply); info and pedantic tags are printed;
#   - desktop-file-validate on the installed .desktop entry (hints are printed);
#   - appstreamcli validate --pedantic --no-net on the installed metainfo (errors and
#     warnings fail; --no-net: the screenshot URLs are not fetched in CI);
#   - both binaries' --version is the package's upstream version, as are the metainfo's
#     newest release, the man pages' .TH lines and the changelog's first entry (a version
#     bump in project() must update them); `quill --help` works without a display;
#     quill-cli.1 names every command that `quill-cli --help` lists; the installed quill-cli
#     reads a keystore (its OpenSSL module is found in <libexecdir>/quill).
#   check-package.sh [BUILD_DIR]     (default build/dev; registered in CTest as package_lint)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build/dev}" && pwd)
for tool in cpack lintian desktop-file-validate appstreamcli dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "check-package: $tool is missing (bash packaging/install-deps.sh)"; exit 1; }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# What the package installs must be current: CPack itself does not build (in CI the tree is
# already built, and this is a no-op).
cmake --build "$build" --target quill quill-cli quill-cli-full quill-openssl quill_docs >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KB)"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# 1. lintian. Its exit code with --fail-on covers errors and warnings; print everything.
if ! lintian -i --pedantic --fail-on error,warning --color never "$deb" >"$out/lintian.log" 2>&1; then
  fail "lintian reports errors or warnings"
fi
sed 's/^/  lintian: /' "$out/lintian.log"
grep -qE '^[EW]: ' "$out/lintian.log" && fail "lintian: $(grep -cE '^[EW]: ' "$out/lintian.log") error/warning tag(s)"

# 2. The installed files.
root="$out/root"
dpkg-deb -x "$deb" "$root"
desktop=$root/usr/share/applications/io.github.quill.Quill.desktop
metainfo=$root/usr/share/metainfo/io.github.quill.Quill.metainfo.xml
desktop-file-validate "$desktop" || fail "desktop-file-validate"
if ! appstreamcli validate --pedantic --no-net "$metainfo" >"$out/appstream.log" 2>&1; then
  fail "appstreamcli validate"
fi
sed 's/^/  appstream: /' "$out/appstream.log"
grep -qE '^[EW]: ' "$out/appstream.log" && fail "appstreamcli: errors or warnings"

# 3. One version everywhere.
version=$(dpkg-deb -f "$deb" Version)
upstream=${version%-*}
cli_version=$("$root/usr/bin/quill-cli" --version)
[[ "$cli_version" == "quill-cli $upstream" ]] || fail "quill-cli --version says '$cli_version', package is $version"
gui_version=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/quill" --version)
[[ "$gui_version" == "quill $upstream" ]] || fail "quill --version says '$gui_version', package is $version"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/quill" --help | grep -- '--demo' >/dev/null ||
  fail "quill --help without a display"
release=$(grep -o '<release version="[^"]*"' "$metainfo" | sed -n 1p | cut -d'"' -f2)
[[ "$release" == "$upstream" ]] || fail "metainfo's newest release is $release, package is $upstream"
for page in quill quill-cli; do
  zcat "$root/usr/share/man/man1/$page.1.gz" | grep "^\.TH .*\"Quill $upstream\"" >/dev/null ||
    fail "$page.1 does not say Quill $upstream in its .TH line"
done
zcat "$root/usr/share/doc/quill/changelog.Debian.gz" | sed -n 1p | grep -F "quill ($version)" >/dev/null ||
  fail "changelog.Debian's first entry is not $version"

# The installed lean quill-cli finds its OpenSSL module in <libexecdir>/quill (keystores).
printf testpassword >"$out/pw"
ks_address=$("$root/usr/bin/quill-cli" address --keystore "$here/../tests/data/keystore/valid_crafted_pbkdf2.json" \
  --password-file "$out/pw" 2>&1) || true
[[ "$ks_address" == 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23 ]] ||
  fail "the installed quill-cli cannot read a keystore: $ks_address"

# 4. The manual page covers every command of quill-cli --help.
man_cli=$(zcat "$root/usr/share/man/man1/quill-cli.1.gz" | sed 's/\\-/-/g')
for command in $("$root/usr/bin/quill-cli" --help | sed -n 's/^quill-cli \([a-z-]*\).*/\1/p' | sort -u); do
  grep -qE "^\\\\fB$command( |\\\\)" <<<"$man_cli" || grep -qE "^\\.B $command\$" <<<"$man_cli" ||
    fail "quill-cli.1 does not describe '$command'"
done

if ((failed)); then
  echo "check-package: FAILED"
  exit 1
fi
echo "check-package: $(basename "$deb") is lintian-, desktop-file- and AppStream-clean"
