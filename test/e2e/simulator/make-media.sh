#!/usr/bin/env bash
# make-media.sh <dir> [version [requires]]: lays out installation media of the
# Spectrum SIMULATOR in <dir> (<dir>/sdic/sdiclinux.exe, its tool templates,
# <dir>/sdic/VERSION and <dir>/version.dat). With <requires> the media are
# update media (<dir>/requires.dat: the release the update applies to), as the
# Spectrum_playbooks playbook reads them (version.dat, requires.dat).
# SIMULATOR modelled on Broadcom documentation, never shipped, for tests only.
# See README.md beside this script.
set -euo pipefail
(($# >= 1 && $# <= 3)) || { echo 'usage: make-media.sh <dir> [version [requires]]' >&2; exit 2; }
dir=$1 version=${2:-10.4.1} requires=${3:-}
[[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "make-media.sh: version '$version' is not like 10.4.1" >&2; exit 2; }
[[ -z $requires || $requires =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "make-media.sh: requires '$requires' is not like 10.4.1" >&2; exit 2; }
here=$(cd -P -- "$(dirname -- "$0")" && pwd)
mkdir -p -- "$dir"
cp -R -- "$here/media/." "$dir/"
printf '%s\n' "$version" >"$dir/sdic/VERSION"
printf '%s\n' "$version" >"$dir/version.dat"
rm -f -- "$dir/requires.dat"
if [ -n "$requires" ]; then printf '%s\n' "$requires" >"$dir/requires.dat"; fi
# Readable by all; the installer and tools executable by all (whatever modes
# the checkout gave the sources), so the install owner can run them.
chmod -R a+rX -- "$dir"
chmod 0755 -- "$dir/sdic/sdiclinux.exe" "$dir"/sdic/templates/SS-Tools/* "$dir"/sdic/templates/bin/*
chmod 0755 -- "$dir"/sdic/templates/webtomcat/bin/* "$dir"/sdic/linux/*
chmod 0755 -- "$dir/sim/online-backup"
