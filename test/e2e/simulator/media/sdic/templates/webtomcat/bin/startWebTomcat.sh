#!/usr/bin/env bash
# startWebTomcat.sh: SIMULATOR of OneClick's web server start script
# ($SPECROOT/webtomcat/bin/startWebTomcat.sh, as the public Spectrum_playbooks
# playbook runs it after the install). SIMULATOR modelled on Broadcom
# documentation, never shipped, for tests only. The run state lives in
# $SPECROOT/webtomcat/.sim/state; every call is logged in
# $SPECROOT/webtomcat/.sim/events.log.
SPECROOT=$(cd -P -- "$(dirname -- "$0")/../.." && pwd)
SIM_TOOL=startWebTomcat.sh
# shellcheck source=SCRIPTDIR/../../simlib.sh
. "$SPECROOT/Install-Tools/sim/simlib.sh"
sim_webtomcat running "$@"
