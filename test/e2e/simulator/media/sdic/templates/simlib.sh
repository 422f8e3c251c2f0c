# shellcheck shell=bash
# simlib.sh: code shared by the tools of the Spectrum SIMULATOR.
# SIMULATOR modelled on Broadcom documentation, never shipped, for tests only.
#
# Sourced (never run) by sdiclinux.exe from the media and, once installed, by
# every tool from $SPECROOT/Install-Tools/sim/simlib.sh. The caller sets
# SIM_TOOL (its name) and, once known, SPECROOT. See ../../../README.md.

set -euo pipefail

SIM_FAIL_PREFIX=${SIM_FAIL_PREFIX:-"$SIM_TOOL: error:"}
SIM_OWNER=${SIM_OWNER:-}

sim_now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }

# sim_state_dir: where the simulator keeps its state ($SPECROOT/SS/.sim).
sim_state_dir() { printf '%s/SS/.sim' "${SPECROOT:?}"; }

# sim_event MESSAGE...: appends one timestamped line to events.log (a no-op
# before the installer has created it).
sim_event() {
  local dir
  [ -n "${SPECROOT:-}" ] || return 0
  dir=$(sim_state_dir)
  [ -d "$dir" ] || return 0
  # Best effort: a user refused for not being the owner cannot write here.
  printf '%s %s pid=%s user=%s %s\n' "$(sim_now)" "$SIM_TOOL" "$$" "$(id -un)" "$*" 2>/dev/null >>"$dir/events.log" || true
}

# sim_timeline EVENT [DETAIL...]: appends one line to the host's timeline,
# `<UTC time with microseconds> <host> <event> [detail]`, the events tests
# order across hosts: install-start/-end/-failed, update-start/-end/-failed,
# ss-start, ss-stop, save, load. SIM_HOST names the host (remote_host).
sim_timeline() {
  local dir
  [ -n "${SPECROOT:-}" ] || return 0
  dir=$(sim_state_dir)
  [ -d "$dir" ] || return 0
  printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)" "${SIM_HOST:-unknown}" "$*" 2>/dev/null >>"$dir/timeline.log" || true
}

# sim_fail REASON...: the one way every tool fails: stderr, events.log, exit 1.
# SIM_ON_FAIL, when set, is called first (the installer logs its failure in
# the timeline).
sim_fail() {
  printf '%s %s\n' "$SIM_FAIL_PREFIX" "$*" >&2
  sim_event "FAILED: $*"
  if [ -n "${SIM_ON_FAIL:-}" ]; then "$SIM_ON_FAIL" "$*"; fi
  exit 1
}

# sim_say MESSAGE...: progress output, silenced by -quiet.
sim_say() { [ -n "${SIM_OPT[quiet]:-}" ] || printf '%s\n' "$*"; }

# sim_fault_check: fault injection. $SPECROOT/.sim-fault whose first line
# names this tool makes this run fail: `<tool>` once (the file is removed),
# `<tool> always` on every run until a test removes the file. SPECTRUM_SIM_FAULT
# naming the tool makes every run in that environment fail.
sim_fault_check() {
  local file="${SPECROOT:?}/.sim-fault" named='' mode=''
  if [ "${SPECTRUM_SIM_FAULT:-}" = "$SIM_TOOL" ]; then
    sim_fail "simulated fault (SPECTRUM_SIM_FAULT=$SIM_TOOL)"
  fi
  if [ -f "$file" ]; then
    read -r named mode <"$file" || true
    if [ "$named" = "$SIM_TOOL" ]; then
      [ "$mode" = always ] || rm -f -- "$file"
      sim_fail "simulated fault (injected by $file)"
    fi
  fi
}

# sim_kv_get KEY FILE: the value of the first KEY=... line of FILE.
sim_kv_get() {
  local key=$1 file=$2 line
  while IFS= read -r line || [ -n "$line" ]; do
    if [ "${line%%=*}" = "$key" ] && [ "$line" != "$key" ]; then
      printf '%s' "${line#*=}"
      return 0
    fi
  done <"$file"
  return 1
}

# sim_is_legacy_lh VALUE: a legacy landscape handle, 0x-prefixed hex, a
# multiple of 0x100000 in 0x100000..0xFFE00000 (KB 49367, KB 9905; docs/spectrum-facts.md).
sim_is_legacy_lh() {
  [[ $1 =~ ^0[xX][0-9A-Fa-f]{1,8}$ ]] || return 1
  local v=$(($1))
  ((v % 0x100000 == 0 && v >= 0x100000 && v <= 0xFFE00000))
}

# sim_norm_lh VALUE: the canonical spelling (lower-case hex) of a valid LH.
sim_norm_lh() { printf '0x%x' "$(($1))"; }

sim_is_precedence() { [[ $1 =~ ^[1-9][0-9]{0,8}$ ]]; }

sim_is_host() { [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$ ]]; }

# sim_own PATH...: files a tool creates belong to the install owner, also when
# root ran the tool, so that the owner can use them afterwards.
sim_own() {
  if [ "$(id -u)" = 0 ] && [ -n "$SIM_OWNER" ]; then chown "$SIM_OWNER" -- "$@"; fi
}

# sim_write FILE: writes stdin to FILE atomically (temporary file + rename).
sim_write() {
  local file=$1 tmp
  tmp=$(mktemp "$file.XXXXXX")
  cat >"$tmp"
  chmod 0644 -- "$tmp"
  sim_own "$tmp"
  mv -f -- "$tmp" "$file"
}

# sim_parse_opts SPEC ARGS...: Spectrum-style options. SPEC lists long names,
# `name:` for one taking a value. An option may be a long name or any unique
# prefix of one (-q, -quiet), or a run of one-letter flags (-ilq), each letter
# the first letter of exactly one flag without a value. Sets SIM_OPT[name]
# (1 or the value) and SIM_ARGS (the operands); anything else is refused.
declare -A SIM_OPT=()
SIM_ARGS=()
sim_parse_opts() {
  local -a names=()
  local -A takes_value=()
  local spec word name found
  for spec in $1; do
    name=${spec%:}
    names+=("$name")
    [ "$name" = "$spec" ] || takes_value[$name]=1
  done
  shift
  while (($#)); do
    if [ "$1" = -- ]; then
      shift
      SIM_ARGS+=("$@")
      break
    fi
    if [[ $1 != -?* ]]; then
      SIM_ARGS+=("$1")
      shift
      continue
    fi
    word=${1#-}
    found=$(sim_match_option "$word" "${names[@]}") || true
    if [ -n "$found" ]; then
      if [ -n "${takes_value[$found]:-}" ]; then
        (($# >= 2)) || sim_fail "option -$found needs a value"
        SIM_OPT[$found]=$2
        shift 2
      else
        SIM_OPT[$found]=1
        shift
      fi
      continue
    fi
    # A run of one-letter flags, e.g. -ilq.
    local i letter
    for ((i = 0; i < ${#word}; i++)); do
      letter=${word:i:1}
      found=$(sim_match_option "$letter" "${names[@]}") || sim_fail "unknown or ambiguous option -$word"
      [ -z "${takes_value[$found]:-}" ] || sim_fail "option -$found takes a value and cannot be combined in -$word"
      SIM_OPT[$found]=1
    done
    shift
  done
}

# sim_match_option WORD NAMES...: the only name that WORD is a prefix of.
sim_match_option() {
  local word=$1 name match='' count=0
  shift
  for name in "$@"; do
    if [ "$name" = "$word" ]; then
      printf '%s' "$name"
      return 0
    fi
    if [ "${name#"$word"}" != "$name" ]; then
      match=$name
      count=$((count + 1))
    fi
  done
  ((count == 1)) || return 1
  printf '%s' "$match"
}

# sim_tool_init ARGS...: the common start of every installed tool: find
# $SPECROOT, read the install record, check the user, consume an injected
# fault, log the start.
sim_tool_init() {
  local conf
  conf="$(sim_state_dir)/install.conf"
  [ -f "$conf" ] || sim_fail "no Spectrum installation record in $conf"
  # SIM_HOST and SIM_LH are for the tools: this host's name and handle.
  # shellcheck disable=SC2034
  if ! { SIM_OWNER=$(sim_kv_get install_owner "$conf") && SIM_HOST=$(sim_kv_get remote_host "$conf") &&
    SIM_LH=$(sim_kv_get l_handle "$conf"); }; then
    sim_fail "incomplete installation record $conf"
  fi
  local me
  me=$(id -un)
  if [ "$(id -u)" != 0 ] && [ "$me" != "$SIM_OWNER" ]; then
    sim_fail "must be run as root or as the install owner '$SIM_OWNER', not as '$me'"
  fi
  sim_event "start${*:+ $*}"
  sim_fault_check
}

# When this tool started, in microseconds (bash's clock, no fork; the locale
# may write a comma for the point): sim_step_delay counts from here.
SIM_STARTED_US=${EPOCHREALTIME//[!0-9]/}

# sim_step_delay: makes the tool take the seconds in $SPECROOT/.sim-step-seconds
# in all, its own work included (it sleeps what is left; a tool whose work took
# longer does not sleep), so that a benchmark measures the plan's shape and
# Terraform's scheduling rather than how many simulated hosts share this
# machine's cores: on a real estate every installer, SSdbsave and SSdbload
# runs on its own host (bench/deploy.ts; installer, SSdbsave, SSdbload).
sim_step_delay() {
  local seconds='' whole fraction target_us left_us
  { read -r seconds <"${SPECROOT:?}/.sim-step-seconds"; } 2>/dev/null || true
  [[ $seconds =~ ^([0-9]+)(\.([0-9]{1,6}))?$ ]] || return 0
  whole=${BASH_REMATCH[1]} fraction=${BASH_REMATCH[3]}000000
  target_us=$((10#$whole * 1000000 + 10#${fraction:0:6}))
  left_us=$((SIM_STARTED_US + target_us - 10#${EPOCHREALTIME//[!0-9]/}))
  ((left_us > 0)) || return 0
  sleep "$((left_us / 1000000)).$(printf '%06d' $((left_us % 1000000)))"
}

sim_db_file() { printf '%s/db' "$(sim_state_dir)"; }
sim_run_state_file() { printf '%s/state' "$(sim_state_dir)"; }

# The SpectroSERVER process: $SPECROOT/SS/SpectroSERVER, started from there
# and named SpectroSERVER like the real server ("the SpectroSERVER process",
# KB 51727). Here it is a copy of sleep(1) that the installer lays down.
sim_ss_program() { printf '%s/SS/SpectroSERVER' "${SPECROOT:?}"; }

# sim_ss_pids: the live processes running this installation's SpectroSERVER.
sim_ss_pids() {
  local program pid
  program=$(readlink -e -- "$(sim_ss_program)") || return 0
  for pid in $(pgrep -x SpectroSERVER || true); do
    if [ "$(readlink -- "/proc/$pid/exe" 2>/dev/null)" = "$program" ]; then printf '%s\n' "$pid"; fi
  done
}

sim_is_running() { [ -n "$(sim_ss_pids)" ]; }

# sim_ss_launch: starts the SpectroSERVER process as the install owner, in its
# own session (it outlives the tool and the SSH session that started it).
sim_ss_launch() {
  local program
  program=$(sim_ss_program)
  [ -x "$program" ] || sim_fail "no SpectroSERVER program at $program"
  if [ "$(id -u)" = 0 ] && [ -n "$SIM_OWNER" ]; then
    runuser -u "$SIM_OWNER" -- setsid -f "$program" infinity </dev/null >/dev/null 2>&1
  else
    setsid -f "$program" infinity </dev/null >/dev/null 2>&1
  fi
  local tries=0
  until sim_is_running; do
    tries=$((tries + 1))
    ((tries < 100)) || sim_fail "the SpectroSERVER process did not start"
    sleep 0.05
  done
}

# The database soft lock (KB 51727): the SpectroSERVER database tools hold
# $SPECROOT/SS/.VNMDB.LOCK while they run, so that no other program (another
# tool, the SpectroSERVER) uses the database at the same time. A lock left by
# a tool that was killed stays until removed by hand, as on a real server.
sim_db_lock_file() { printf '%s/SS/.VNMDB.LOCK' "${SPECROOT:?}"; }
sim_require_db_unlocked() {
  local lock
  lock=$(sim_db_lock_file)
  if [ -e "$lock" ]; then
    sim_fail "the SpectroSERVER database is in use ($lock: $(cat -- "$lock" 2>/dev/null)); wait for that tool, or remove the lock after an abnormal end (KB 51727)"
  fi
}
sim_db_lock() {
  sim_require_db_unlocked
  printf '%s pid=%s\n' "$SIM_TOOL" "$$" >"$(sim_db_lock_file)"
  trap 'rm -f -- "$(sim_db_lock_file)"' EXIT
}

# sim_hold: a test-made pause inside a database tool, after it has begun
# changing things (SSdbload has wiped the database, SSdbsave has written half
# of its file). While $SPECROOT/.sim-hold names this tool, the tool logs
# "held" and waits; it goes on when the file is removed (600 s at most).
sim_hold() {
  local file="${SPECROOT:?}/.sim-hold" named='' waited=0
  [ -f "$file" ] || return 0
  IFS= read -r named <"$file" || true
  [ "$named" = "$SIM_TOOL" ] || return 0
  sim_event "held until $file is removed"
  while [ -f "$file" ]; do
    waited=$((waited + 1))
    ((waited < 6000)) || sim_fail "held for 600 s by $file; giving up"
    sleep 0.1
  done
  sim_event "released"
}

sim_require_stopped() {
  if sim_is_running; then
    sim_fail "the SpectroSERVER is running; stop it first with \$SPECROOT/bin/stopSS.pl"
  fi
}

sim_require_db() {
  [ -f "$(sim_db_file)" ] || sim_fail "no SpectroSERVER database in $(sim_db_file) (ss_install=no?)"
}

# sim_new_id: a random identity for a database generation.
sim_new_id() { od -An -N8 -tx1 /dev/urandom | tr -d ' \n'; }

# sim_savefile_body FILE: prints the body of a savefile (all but the checksum
# line) after checking its header, completeness and checksum.
sim_savefile_body() {
  local file=$1 last body_sum want
  [ -f "$file" ] || sim_fail "savefile $file not found"
  [ -r "$file" ] || sim_fail "savefile $file is not readable by $(id -un)"
  [ "$(head -n 1 -- "$file")" = 'SIMSSDB 1' ] || sim_fail "$file is not a SpectroSERVER savefile (corrupt header)"
  last=$(tail -n 1 -- "$file")
  [ "${last%%=*}" = checksum ] || sim_fail "savefile $file is corrupt or truncated (no checksum trailer)"
  want=${last#checksum=}
  body_sum=$(head -n -1 -- "$file" | sha256sum | cut -d' ' -f1)
  [ "$body_sum" = "$want" ] || sim_fail "savefile $file is corrupt or truncated (checksum mismatch)"
  head -n -1 -- "$file"
}

# sim_set_run_state running|stopped: what startSS.pl and stopSS.pl do. The
# process is the truth; $SPECROOT/SS/.sim/state follows it for the tests.
sim_set_run_state() {
  local want=$1 file pid tries=0
  file=$(sim_run_state_file)
  sim_require_db
  if [ "$want" = running ] && sim_is_running; then
    printf 'running\n' | sim_write "$file"
    sim_event "ok already running"
    echo "SpectroSERVER is already running"
    return 0
  fi
  if [ "$want" = stopped ] && ! sim_is_running; then
    printf 'stopped\n' | sim_write "$file"
    sim_event "ok already stopped"
    echo "SpectroSERVER is already stopped"
    return 0
  fi
  if [ "$want" = running ]; then
    sim_require_db_unlocked
    sim_ss_launch
  else
    # KILL: the process may have been started with TERM ignored.
    for pid in $(sim_ss_pids); do kill -KILL "$pid" 2>/dev/null || true; done
    while sim_is_running; do
      tries=$((tries + 1))
      ((tries < 100)) || sim_fail "the SpectroSERVER process did not stop"
      sleep 0.05
    done
  fi
  printf '%s\n' "$want" | sim_write "$file"
  sim_event "ok now $want"
  if [ "$want" = running ]; then sim_timeline ss-start; else sim_timeline ss-stop; fi
  echo "SpectroSERVER is now $want"
}

# sim_webtomcat running|stopped ARGS...: what startWebTomcat.sh and
# stopWebTomcat.sh do on a OneClick host (oc_install=yes): set the web
# server's run state in $SPECROOT/webtomcat/.sim/state, `running mls=<host>`
# or `stopped`. Starting a running web server (or stopping a stopped one)
# succeeds and says so; a running one keeps the main location server it
# started with. A start reads the main location server from
# $SPECROOT/LS/.locrc, key MAIN_LOCATION_HOST_NAME (techdocs 21.2
# "Establish Fault Tolerance"), and refuses when the file, the key or its
# value is missing. Each change is a line of the web server's own timeline,
# $SPECROOT/webtomcat/.sim/timeline.log (the host's timeline.log format):
# `webtomcat-running mls=<host>` or `webtomcat-stopped`. Not the host's
# timeline, whose events order installers and SpectroSERVERs across hosts.
sim_webtomcat() {
  local want=$1 conf file current mls locrc
  shift
  sim_tool_init "$@"
  (($# == 0)) || sim_fail "takes no arguments"
  conf="$(sim_state_dir)/install.conf"
  [ "$(sim_kv_get oc_install "$conf" || true)" = yes ] || sim_fail "OneClick is not installed in $SPECROOT (oc_install=no)"
  file=$SPECROOT/webtomcat/.sim/state
  current=$(head -n 1 -- "$file" 2>/dev/null || true)
  if [ "${current%% *}" = "$want" ]; then
    sim_event "ok already $want"
    echo "OneClick web server is already $want"
    return 0
  fi
  if [ "$want" = running ]; then
    locrc=$SPECROOT/LS/.locrc
    [ -f "$locrc" ] || sim_fail "$locrc does not exist: OneClick has no main location server (MAIN_LOCATION_HOST_NAME); the web server did not start"
    mls=$(sed -n 's/^[[:space:]]*MAIN_LOCATION_HOST_NAME[[:space:]]*=[[:space:]]*//p' -- "$locrc" | head -n 1)
    [ -n "$mls" ] || sim_fail "$locrc has no MAIN_LOCATION_HOST_NAME (or an empty one): OneClick has no main location server; the web server did not start"
    sim_is_host "$mls" || sim_fail "$locrc: MAIN_LOCATION_HOST_NAME '$mls' is not a valid host name; the web server did not start"
    want="running mls=$mls"
  fi
  mkdir -p -- "$SPECROOT/webtomcat/.sim"
  sim_own "$SPECROOT/webtomcat/.sim"
  printf '%s\n' "$want" | sim_write "$file"
  printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)" "${SIM_HOST:-unknown}" \
    "$([ "$want" = stopped ] && echo webtomcat-stopped || echo "webtomcat-running mls=$mls")" >>"$SPECROOT/webtomcat/.sim/timeline.log"
  sim_own "$SPECROOT/webtomcat/.sim/timeline.log"
  sim_event "ok now ${want%% *}"
  echo "OneClick web server is now ${want%% *}"
}
