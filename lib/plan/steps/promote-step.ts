import { bashText } from '../bash-text';
import { PlanStep } from '../plan-step';
import { declareRetention } from '../retention';
import { ROLE_RECORD } from '../role-record';
import { BEFORE_LOAD_DIR } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * Promotion, second step (on the primary of the code, after every
 * secondary's demote step, before the savefile): when this host was a
 * secondary of the landscape (its role record says `secondary <Q>`), make it
 * the primary with precedence P, as KB 49550 does once the old primary is
 * stopped:
 * - "change the secondary's precedence to P": Broadcom documents this only
 *   in OneClick (Loaded Landscapes). Modelled with the closest documented
 *   command (docs/promotion.md, assumptions): the SS stopped, its own
 *   database saved aside (`SSdbsave`), loaded back with `SSdbload -ilq
 *   -replace P` (`-add P` when the map has no P), which puts this server in
 *   P's place in its map;
 * - `MapUpdate -remove <LH> -precedence Q` on the new primary, as KB 49550
 *   says, so its map keeps no entry of its old precedence;
 * - the SS started again.
 * Every run ends by recording `primary P`. On a host that was already the
 * primary, or is new, it changes nothing else.
 */
export function promoteStep(primary: ServerPlanInput, retain?: number): PlanStep {
  return declareRetention(new StepScript('promote'), retain)
    .input('SPECROOT', primary.install.installDir, checks.path)
    .input('OWNER', primary.install.owner, checks.owner)
    .input('LH', literal(primary.handle), checks.handle)
    .input('PRECEDENCE', literal(String(primary.precedence)), checks.precedence)
    .constant('ROLE_RECORD', ROLE_RECORD)
    .constant('BEFORE_LOAD_DIR', BEFORE_LOAD_DIR)
    .body(bashText(String.raw`require_specroot
cd "$SPECROOT/SS"
owner_dir "$(dirname "$ROLE_RECORD")"
record_primary() { printf 'primary %s\n' "$PRECEDENCE" > "$ROLE_RECORD.new" && mv -f -- "$ROLE_RECORD.new" "$ROLE_RECORD"; }
role='' was=''
if [ -f "$ROLE_RECORD" ]; then read -r role was < "$ROLE_RECORD" || true; fi
if [ "$role" != secondary ] || [ "$was" = "$PRECEDENCE" ]; then
  record_primary
  note "this SpectroSERVER is the primary with precedence $PRECEDENCE (role record was: $\{role:-none} $was); nothing to promote"
  exit 0
fi
is_precedence "$was" || die "the role record $SPECROOT/SS/$ROLE_RECORD holds '$was', not a precedence; fix or remove it"
owner_dir "$(dirname "$BEFORE_LOAD_DIR")" "$BEFORE_LOAD_DIR"
UNFINISHED="$BEFORE_LOAD_DIR/unfinished-load"
# promote_database: stop, save its own database aside, reload it with the
# primary's precedence, remove the old precedence from the map, start; run by
# critical (script prelude), so an interrupted deploy neither leaves it
# stopped nor starts it while SSdbload runs.
promote_database() {
  local aside status output
  note "promoting this SpectroSERVER from secondary (precedence $was) to primary (precedence $PRECEDENCE), KB 49550"
  ss_stop || { ss_start || true; die "stopSS.pl failed; nothing changed"; }
  aside="$BEFORE_LOAD_DIR/before-load-$(date -u +%Y%m%dT%H%M%SZ)"
  status=0
  output=$(as_owner "$SPECROOT/SS-Tools/SSdbsave" -cmq "$aside" 2>&1) || status=$?
  if [ "$status" -ne 0 ]; then
    ss_start || note "startSS.pl failed too"
    die "could not save the database aside (SSdbsave exit $status: $output); nothing changed"
  fi
  printf '%s\n' "$aside" > "$UNFINISHED.new" && mv -f -- "$UNFINISHED.new" "$UNFINISHED"
  status=0
  output=$(as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq -replace "$PRECEDENCE" "$aside.SSdb" 2>&1) || status=$?
  if [ "$status" -ne 0 ] && grep -qi -- '-add' <<<"$output"; then
    note "the landscape map holds no precedence $PRECEDENCE; loading with -add"
    status=0
    output=$(as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq -add "$PRECEDENCE" "$aside.SSdb" 2>&1) || status=$?
  fi
  printf '%s\n' "$output"
  if [ "$status" -ne 0 ]; then
    if ! as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq "$aside.SSdb"; then
      die "SSdbload failed giving this server precedence $PRECEDENCE (exit $status) and restoring $SPECROOT/SS/$aside.SSdb failed too: the SpectroSERVER stays stopped. Load that file with SSdbload -ilq, then start it"
    fi
    rm -f -- "$UNFINISHED"
    ss_start || note "startSS.pl failed too"
    die "SSdbload failed giving this server precedence $PRECEDENCE (exit $status); output above. Its database was restored; it is still a secondary"
  fi
  rm -f -- "$UNFINISHED"
  status=0
  output=$(as_owner "$SPECROOT/SS-Tools/MapUpdate" -remove "$LH" -precedence "$was" 2>&1 </dev/null) || status=$?
  printf '%s\n' "$output"
  if [ "$status" -ne 0 ]; then
    ss_start || note "startSS.pl failed too"
    die "MapUpdate -remove $LH -precedence $was failed (exit $status); output above"
  fi
  ss_start || die "promoted, but startSS.pl failed; start the SpectroSERVER by hand"
  note "promoted: precedence $PRECEDENCE, the map entry of precedence $was removed; the SpectroSERVER runs"
}
critical promote_database || die "the promotion did not complete; see the lines above"
record_primary`))
    .body(String.raw`[ -f "$UNFINISHED" ] || prune_old "$RETAIN" "$BEFORE_LOAD_DIR" before-load- .SSdb`)
    .remote(primary.target);
}
