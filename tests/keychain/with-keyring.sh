#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (Secret
# Service), away from any real home directory, and stops both daemons by pid afterwards.
#   tests/keychain/with-keyring.sh COMMAND [ARGS...]
#   tests/keychain/with-keyring.sh --no-keychain COMMAND [ARGS...]   (no session bus at all)
set -euo pipefail

no_keychain=0
if [[ "${1:-}" == "--no-keychain" ]]; then
  no_keychain=1
  shift
fi
[[ $# -ge 1 ]] || { echo "usage: $0 [--no-keychain] COMMAND [ARGS...]" >&2; exit 2; }

T=$(mktemp -d)
chmod 700 "$T"
mkdir -m 700 -p "$T/home" "$T/run" "$T/data" "$T/config"
bus_pid=""
cleanup() {
  [[ -n "$bus_pid" ]] && kill "$bus_pid" 2>/dev/null || true
  pkill -u "$(id -u)" -f "gnome-keyring-daemon.*$T" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT

export HOME="$T/home" XDG_RUNTIME_DIR="$T/run" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
if [[ $no_keychain -eq 1 ]]; then
  export QUILL_EXPECT_NO_KEYCHAIN=1
  "$@"
  exit $?
fi

# A private session bus; its pid lets us stop it whatever happens to the test.
read -r address bus_pid < <(dbus-daemon --session --fork --print-address=1 --print-pid=1 | tr '\n' ' '; echo)
export DBUS_SESSION_BUS_ADDRESS="$address"
# gnome-keyring creates and unlocks a "login" collection with this password.
eval "$(printf '%s' test-pass | gnome-keyring-daemon --unlock --components=secrets --control-directory="$T/run/keyring")" >/dev/null
export GNOME_KEYRING_CONTROL="$T/run/keyring"
"$@"
