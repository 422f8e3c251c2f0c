#!/usr/bin/env bash
# install-deps.sh: installs what the test suite needs on a Debian machine
# (run as root): OpenSSH server and client for the end-to-end sandbox,
# shellcheck for the test that lints every generated script, and sudo
# (visudo) for the host-preparation suite. Idempotent and quiet: does nothing
# when everything is there, prints only on failure.
#
# Services are never started by the install (the sandbox runs its own sshd per
# host on loopback): a temporary policy-rc.d refuses service starts when the
# machine has none of its own.
set -euo pipefail

missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v unshare >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
# Host preparation (test/e2e/prepare.test.ts) writes a sudoers drop-in checked by visudo.
command -v visudo >/dev/null 2>&1 || missing+=(sudo)
((${#missing[@]})) || exit 0

if [ "$(id -u)" != 0 ]; then
  echo "install-deps.sh: must run as root to install ${missing[*]}" >&2
  exit 1
fi

policy=/usr/sbin/policy-rc.d
made_policy=''
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 0755 "$policy"
  made_policy=yes
fi
cleanup() { if [ -n "$made_policy" ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "install-deps.sh: could not install ${missing[*]}" >&2
  exit 1
fi
rm -f "$log"
