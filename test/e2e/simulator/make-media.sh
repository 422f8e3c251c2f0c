#!/usr/bin/env bash
# make-media.sh <dir> [version]: lays out installation media of the Spectrum
# SIMULATOR in <dir> (<dir>/sdic/sdiclinux.exe, its tool templates and
# <dir>/sdic/VERSION). SIMULATOR modelled on Broadcom documentation, never
# shipped, for tests only. See README.md beside this script.
set -euo pipefail
(($# >= 1 && $# <= 2)) || { echo 'usage: make-media.sh <dir> [version]' >&2; exit 2; }
dir=$1 version=${2:-10.4.1}
[[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "make-media.sh: version '$version' is not like 10.4.1" >&2; exit 2; }
here=$(cd -P -- "$(dirname -- "$0")" && pwd)
mkdir -p -- "$dir"
cp -R -- "$here/media/." "$dir/"
printf '%s\n' "$version" >"$dir/sdic/VERSION"
# Readable by all; the installer and tools executable by all (whatever modes
# the checkout gave the sources), so the install owner can run them.
chmod -R a+rX -- "$dir"
chmod 0755 -- "$dir/sdic/sdiclinux.exe" "$dir"/sdic/templates/SS-Tools/* "$dir"/sdic/templates/bin/*
chmod 0755 -- "$dir"/sdic/templates/webtomcat/bin/* "$dir"/sdic/linux/*
