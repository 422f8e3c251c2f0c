#!/usr/bin/env bash
# stopWebTomcat.sh: SIMULATOR of OneClick's web server stop script
# ($SPECROOT/webtomcat/bin/stopWebTomcat.sh). SIMULATOR modelled on Broadcom
# documentation, never shipped, for tests only. See startWebTomcat.sh.
SPECROOT=$(cd -P -- "$(dirname -- "$0")/../.." && pwd)
SIM_TOOL=stopWebTomcat.sh
# shellcheck source=SCRIPTDIR/../../simlib.sh
. "$SPECROOT/Install-Tools/sim/simlib.sh"
sim_webtomcat stopped "$@"
