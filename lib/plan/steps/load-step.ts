import { PlanStep } from '../plan-step';
import { BEFORE_LOAD_DIR, INCOMING_DIR, savefileBase } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * Step 6 (on a secondary): verify the transferred savefile's checksum before
 * anything else; stop the SS; save the current database aside; `SSdbload
 * -ilq -add <P>` (`-replace <P>` when the map already holds P); start the SS
 * again, also when a step fails, so the secondary keeps running.
 */
export function loadStep(secondary: ServerPlanInput): PlanStep {
  return new StepScript('load')
    .input('SPECROOT', secondary.install.installDir, checks.path)
    .input('OWNER', secondary.install.owner, checks.owner)
    .input('PRECEDENCE', literal(String(secondary.precedence)), checks.precedence)
    .input('INCOMING', literal(`${INCOMING_DIR}/${savefileBase(secondary.handle)}.SSdb`), checks.relativePath)
    .constant('BEFORE_LOAD_DIR', BEFORE_LOAD_DIR)
    .body(String.raw`require_specroot
cd "$SPECROOT/SS"
[ -f "$INCOMING" ] && [ -f "$INCOMING.sha256" ] || die "no transferred savefile at $SPECROOT/SS/$INCOMING; the transfer step has not run"
expected=$(cat -- "$INCOMING.sha256")
actual=$(sha256sum < "$INCOMING" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
  die "the savefile $SPECROOT/SS/$INCOMING does not match its checksum (expected $expected, got $actual): it was corrupted in transit. SSdbload was not run and this server's database is unchanged; run the transfer again (terraform apply -replace on this server's transfer step)"
fi
chown "$OWNER" -- "$INCOMING"
owner_dir "$(dirname "$BEFORE_LOAD_DIR")" "$BEFORE_LOAD_DIR"
note "stopping the SpectroSERVER to load the primary's database with precedence $PRECEDENCE"
as_owner "$SPECROOT/bin/stopSS.pl" || die "stopSS.pl failed; nothing loaded"
trap 'as_owner "$SPECROOT/bin/startSS.pl" || printf "cdktf-spectrum load: ERROR: startSS.pl failed; start the SpectroSERVER by hand\n" >&2' EXIT
ASIDE="$BEFORE_LOAD_DIR/before-load-$(date -u +%Y%m%dT%H%M%SZ)"
status=0
output=$(as_owner "$SPECROOT/SS-Tools/SSdbsave" -cmq "$ASIDE" 2>&1) || status=$?
[ "$status" -eq 0 ] || die "could not save the current database aside (SSdbsave exit $status: $output); SSdbload was not run"
note "current database saved aside as $SPECROOT/SS/$ASIDE.SSdb"
status=0
output=$(as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq -add "$PRECEDENCE" "$INCOMING" 2>&1) || status=$?
if [ "$status" -ne 0 ] && grep -qi 'already' <<<"$output"; then
  note "the landscape map already holds precedence $PRECEDENCE; loading with -replace"
  status=0
  output=$(as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq -replace "$PRECEDENCE" "$INCOMING" 2>&1) || status=$?
fi
printf '%s\n' "$output"
[ "$status" -eq 0 ] || die "SSdbload failed (exit $status); output above. The database from before the load is in $SPECROOT/SS/$ASIDE.SSdb"
note "loaded the primary's database with precedence $PRECEDENCE"`)
    .remote(secondary.target);
}
