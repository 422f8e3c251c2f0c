#!/usr/bin/env bash
# startSS.pl: SIMULATOR of the SpectroSERVER start script (bash under the
# real name). SIMULATOR modelled on Broadcom documentation, never shipped, for
# tests only. The run state lives in $SPECROOT/SS/.sim/state.
SPECROOT=$(cd -P -- "$(dirname -- "$0")/.." && pwd)
SIM_TOOL=startSS.pl
# shellcheck source=SCRIPTDIR/../simlib.sh
. "$SPECROOT/Install-Tools/sim/simlib.sh"
sim_tool_init "$@"
(($# == 0)) || sim_fail "takes no arguments"
sim_set_run_state running
