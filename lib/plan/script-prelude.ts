import { bashText } from './bash-text';

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
  while IFS= read -r line; do
    [ -z "$line" ] || "$2" "$line" || die "$4 holds the line $(printf '%q' "$line"), which is not $3; refused before anything ran"
  done <<<"$\{!1}"
}`);

/**
 * Bash functions shared by every generated remote script, after the base
 * prelude and the script's variables (which are validated by then).
 */
export const SCRIPT_PRELUDE_REMOTE = String.raw`as_owner() {
  if [ "$(id -un)" = "$OWNER" ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"
  else sudo -n -u "$OWNER" -- "$@"; fi
}
# replace_file TARGET NEW: atomically puts NEW in place of TARGET, keeping a
# timestamped backup of what it replaces; returns 1 (and drops NEW) when
# nothing would change, so callers can skip restarts.
replace_file() {
  local target=$1 new=$2
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
require_specroot() { [ -d "$SPECROOT/SS" ] || die "Spectrum is not installed in $SPECROOT (no SS directory); set install.mediaPath to install it"; }`;
