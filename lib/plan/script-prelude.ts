import { bashText } from './bash-text';
import { ROLE_RECORD } from './role-record';
import { SAVEFILE_DIR } from './savefile-paths';

/**
 * What every generated script starts with, local or remote: strict mode and
 * messages. `STEP` is set before it.
 */
export const SCRIPT_PRELUDE_BASE = String.raw`set -euo pipefail
die() { printf 'cdktf-spectrum %s on %s: ERROR: %s\n' "$STEP" "$(hostname)" "$*" >&2; exit 1; }
note() { printf 'cdktf-spectrum %s: %s\n' "$STEP" "$*"; }`;

/**
 * Decoding and re-checking of token values (lib/plan/shell.ts): only in
 * scripts that receive a token.
 */
export const SCRIPT_TOKEN_HELPERS = bashText(String.raw`# decode_value NAME BASE64: NAME gets the decoded bytes, trailing newlines
# included; base64 that does not decode, or a NUL byte, fails the script.
decode_value() {
  local bytes decoded
  bytes=$(printf '%s' "$2" | base64 -d | wc -c) || die "the value of $1 is not valid base64"
  decoded=$(printf '%s' "$2" | base64 -d | tr -d '\000'; printf x)
  decoded=$\{decoded%x}
  [ "$(printf '%s' "$decoded" | LC_ALL=C wc -c)" -eq "$bytes" ] || die "the value of $1 holds a NUL byte; refused"
  printf -v "$1" '%s' "$decoded"
}
# require_value NAME PREDICATE DESCRIPTION: the run-time twin of the synth-time rule.
require_value() {
  "$2" "$\{!1}" || die "$1 is $(printf '%q' "$\{!1}"), which is not $3; refused before anything ran"
}
# require_lines NAME PREDICATE DESCRIPTION SHOWN_NAME: every non-empty line of
# NAME passes PREDICATE; messages call the value SHOWN_NAME.
require_lines() {
  local line
  while IFS= read -r line <&3; do
    [ -z "$line" ] || "$2" "$line" || die "$4 holds the line $(printf '%q' "$line"), which is not $3; refused before anything ran"
  done 3<<<"$\{!1}"
}`);

/**
 * Bash functions shared by every generated remote script, after the base
 * prelude and the script's variables (which are validated by then).
 */
export const SCRIPT_PRELUDE_REMOTE = String.raw`CDKTF_DIR='${SAVEFILE_DIR}'
as_owner() {
  if [ "$(id -un)" = "$OWNER" ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"
  else sudo -n -u "$OWNER" -- "$@"; fi
}
# replace_file TARGET NEW: atomically puts NEW in place of TARGET, keeping a
# timestamped backup of what it replaces; returns 1 (and drops NEW) when
# nothing would change, so callers can skip restarts. A TARGET that is a
# symbolic link (e.g. to a file kept by configuration management) is written
# through: the file it points to is replaced and the link stays; a link to
# nothing is refused, since the file it should name is unknown.
replace_file() {
  local target=$1 new=$2 real
  if [ -L "$target" ]; then
    real=$(readlink -e -- "$target") || { rm -f -- "$new"; die "$target is a symbolic link to $(readlink -- "$target"), which does not exist; create that file or remove the link"; }
    [ -f "$real" ] || { rm -f -- "$new"; die "$target is a symbolic link to $real, which is not a regular file; refused"; }
    if ! cmp -s "$real" "$new"; then
      # The new content must be renamed within the target's file system to be atomic.
      cp -- "$new" "$real.cdktf-spectrum-new" || die "could not write next to $real (the target of $target)"
      rm -f -- "$new"
      new="$real.cdktf-spectrum-new"
    fi
    target=$real
  fi
  if [ -f "$target" ] && cmp -s "$target" "$new"; then rm -f -- "$new"; return 1; fi
  if [ -f "$target" ]; then
    cp -p -- "$target" "$target.cdktf-spectrum-$(date -u +%Y%m%dT%H%M%SZ).bak"
    chown --reference="$target" -- "$new"
    chmod --reference="$target" -- "$new"
  fi
  mv -f -- "$new" "$target"
}
# owner_dir DIR...: directories the install owner's tools write into, owned
# by the owner even when an SSH session as root created their parents.
owner_dir() {
  mkdir -p -- "$@"
  if [ "$(id -u)" = 0 ]; then chown -- "$OWNER" "$@"; fi
}
# ss_running: whether this host's SpectroSERVER runs. The one place that
# decides it (docs/fault-matrix.md, "Assumptions"): Broadcom documents no
# status command, so it looks for a process named SpectroSERVER whose program
# is $SPECROOT/SS/SpectroSERVER (KB 51727 speaks of "the SpectroSERVER
# process", stopped by bin/stopSS.pl).
ss_running() {
  local program pid
  program=$(readlink -e -- "$SPECROOT/SS/SpectroSERVER") || return 1
  for pid in $(pgrep -x SpectroSERVER || true); do
    if [ "$(readlink -- "/proc/$pid/exe" 2>/dev/null)" = "$program" ]; then return 0; fi
  done
  return 1
}
# ss_stop, ss_start: the SpectroSERVER's own scripts, never fed the caller's
# stdin; ss_start fails unless the SpectroSERVER then runs. The server must
# not inherit the lock of critical (fd 9): it would hold it while it runs.
ss_stop() { as_owner "$SPECROOT/bin/stopSS.pl" </dev/null 9<&-; }
ss_start() {
  as_owner "$SPECROOT/bin/startSS.pl" </dev/null 9<&- || return 1
  ss_running || { printf 'startSS.pl succeeded but no SpectroSERVER process runs from %s\n' "$SPECROOT/SS/SpectroSERVER" >&2; return 1; }
}
# ss_demoted: whether this host's role record says that the demote step
# stopped it as a former primary and no load has re-seeded it since
# (docs/promotion.md). Such a server must not run before its load: its
# database still maps it at the primary's precedence, so it would run as a
# second primary. Steps that would start it to reach their end state leave it
# stopped; its load step starts it. Read under the lock of critical (or of
# the installers), as the demote step writes it under that lock.
ss_demoted() {
  local record="$SPECROOT/SS/${ROLE_RECORD}" role=''
  [ -f "$record" ] || return 1
  read -r role _ < "$record" || true
  [ "$role" = demoted ]
}
# critical FUNCTION: runs FUNCTION (which stops the SpectroSERVER, uses its
# database and starts it again) to its end whatever happens to this script.
# When Terraform is interrupted it closes its SSH session: the session's
# processes get SIGHUP and their terminal is gone. FUNCTION therefore runs in
# a subshell that ignores HUP, INT and TERM (and so do the tools it runs),
# writes to a log file instead of the terminal, and holds the lock that makes
# a later run wait until it is done. Prints the log; returns FUNCTION's status.
critical() {
  local dir="$SPECROOT/SS/$CDKTF_DIR" status=0 log
  owner_dir "$dir"
  log="$dir/$STEP.log"
  [ -e "$dir/ss.lock" ] || : >> "$dir/ss.lock"
  exec 9< "$dir/ss.lock"
  if ! flock -n 9; then
    note "waiting for an earlier run that still uses the SpectroSERVER database (lock $dir/ss.lock)"
    flock -w 3600 9 || die "an earlier run still holds $dir/ss.lock after an hour; nothing done"
  fi
  note "$1 runs to its end even if this session ends; log: $log"
  ( trap '' HUP INT TERM; "$1" ) < /dev/null > "$log" 2>&1 &
  wait "$!" || status=$?
  cat -- "$log"
  return "$status"
}
# prune_old KEEP DIR PREFIX SUFFIX: retention (docs/reseed.md). Of the files
# directly in DIR named PREFIX...SUFFIX, keeps the KEEP newest and removes the
# others, oldest first. Their names carry a UTC timestamp (YYYYmmddTHHMMSSZ),
# so name order is age order (modification times are not: cp -p keeps the
# original's). KEEP is at least 1, so the newest copy is never removed.
prune_old() {
  local keep=$1 dir=$2 prefix=$3 suffix=$4 file
  [[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "prune_old: keep '$keep' is not a positive number"
  [ -d "$dir" ] || return 0
  find "$dir" -mindepth 1 -maxdepth 1 -type f -name "$prefix*$suffix" -print0 | LC_ALL=C sort -z | head -z -n "-$keep" |
    while IFS= read -r -d '' file; do
      rm -f -- "$file"
      note "retention (keep $keep): removed $file"
    done
}
# prune_backups KEEP FILE: the newest KEEP of replace_file's backups of FILE,
# which sit next to the file a symbolic link FILE points to.
prune_backups() {
  local real
  real=$(readlink -e -- "$2") || real=$2
  prune_old "$1" "$(dirname -- "$real")" "$(basename -- "$real").cdktf-spectrum-" .bak
}
require_specroot() { [ -d "$SPECROOT/SS" ] || die "Spectrum is not installed in $SPECROOT (no SS directory); set install.mediaPath to install it"; }`;
