/**
 * Bash functions shared by every generated remote script. Written without
 * `${` so that Terraform's template syntax never needs escaping here (the
 * emitter escapes anyway).
 */
export const SCRIPT_PRELUDE = String.raw`set -euo pipefail
die() { printf 'cdktf-spectrum %s on %s: ERROR: %s\n' "$STEP" "$(hostname)" "$*" >&2; exit 1; }
note() { printf 'cdktf-spectrum %s: %s\n' "$STEP" "$*"; }
is_host() {
  [[ "$1" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$ ]] || [[ "$1" =~ ^[0-9A-Fa-f:.]{2,45}$ && "$1" == *[:.]* ]]
}
require_host() { is_host "$1" || die "invalid host name '$1' for $2 (rule SPX120)"; }
as_owner() {
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
require_specroot() { [ -d "$SPECROOT/SS" ] || die "Spectrum is not installed in $SPECROOT (no SS directory); set install.mediaPath to install it"; }
`;
