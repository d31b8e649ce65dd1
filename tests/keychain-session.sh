#!/bin/sh
# Runs a test on a private D-Bus session bus, so it never touches the user's keyring:
#   keychain-session.sh keyring TEST [ARGS]  a fresh gnome-keyring-daemon (secrets only) unlocked with a password
#                                            from stdin, its keyrings under a private HOME / XDG_DATA_HOME
#   keychain-session.sh none TEST [ARGS]     a bus that cannot start any service: no keychain at all
# The test reads SWITCHBOARD_KEYCHAIN_TEST (the mode, set only on the private bus) and skips with
# SWITCHBOARD_KEYCHAIN_SKIP (why the bus or the keyring could not be had).
set -eu

mode=$1
shift

if [ "${SWITCHBOARD_KEYCHAIN_INNER:-}" = 1 ]; then
  # Inside dbus-run-session.
  export SWITCHBOARD_KEYCHAIN_TEST="$mode"
  if [ "$mode" = keyring ]; then
    if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
      export SWITCHBOARD_KEYCHAIN_SKIP="gnome-keyring-daemon is not installed (Debian package gnome-keyring)"
    # Prints the variables of the daemon it started; the secrets component is all the keychain needs.
    elif ! printf '%s' switchboard-test | gnome-keyring-daemon --unlock --components=secrets >"$SWITCHBOARD_KEYCHAIN_ROOT/daemon.out" 2>&1; then
      export SWITCHBOARD_KEYCHAIN_SKIP="gnome-keyring-daemon --unlock failed: $(tr '\n' ' ' <"$SWITCHBOARD_KEYCHAIN_ROOT/daemon.out")"
    fi
  fi
  exec "$@"
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-keychain.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/home" "$root/data" "$root/config" "$root/cache" "$root/run"
chmod 700 "$root/run"
export SWITCHBOARD_KEYCHAIN_ROOT="$root" HOME="$root/home" XDG_DATA_HOME="$root/data" XDG_CONFIG_HOME="$root/config" \
  XDG_CACHE_HOME="$root/cache" XDG_RUNTIME_DIR="$root/run"
# The user's bus must never be reached, even when this one cannot be had.
unset DBUS_SESSION_BUS_ADDRESS SWITCHBOARD_NO_KEYCHAIN

if ! command -v dbus-run-session >/dev/null 2>&1; then
  export SWITCHBOARD_KEYCHAIN_SKIP="dbus-run-session is not installed (Debian package dbus-bin)"
  "$@"
  exit $?
fi

config=
if [ "$mode" = none ]; then
  # No service directories: nothing (gnome-keyring included) can be started by activation.
  config="$root/session.conf"
  cat >"$config" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$root/run</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
fi

status=0
if [ -n "$config" ]; then
  SWITCHBOARD_KEYCHAIN_INNER=1 dbus-run-session --config-file="$config" -- sh "$0" "$mode" "$@" || status=$?
else
  SWITCHBOARD_KEYCHAIN_INNER=1 dbus-run-session -- sh "$0" "$mode" "$@" || status=$?
fi
exit $status
