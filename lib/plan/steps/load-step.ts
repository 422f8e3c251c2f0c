import { PlanStep } from '../plan-step';
import { declareRetention } from '../retention';
import { ROLE_RECORD } from '../role-record';
import { BEFORE_LOAD_DIR, INCOMING_DIR, savefileBase } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * Step 6 (on a secondary): verify the transferred savefile's checksum before
 * anything else; stop the SS; save the current database aside; `SSdbload
 * -ilq -add <P>` (`-replace <P>` when the map already holds P), restoring
 * the copy saved aside when the load fails (`-i` wipes the database first);
 * start the SS again. Stop to start runs to its end even when the deploy is
 * interrupted (see `critical` in the script prelude).
 */
export function loadStep(secondary: ServerPlanInput, retain?: number): PlanStep {
  return declareRetention(new StepScript('load'), retain)
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
# Names the database saved aside while a load is under way: SSdbload -i wipes
# the database first, so until the load succeeds that copy is the database.
UNFINISHED="$BEFORE_LOAD_DIR/unfinished-load"
# load_database: stop, save aside, load, (restore), start; run by critical,
# so an interrupted deploy neither leaves the server stopped nor starts it
# while SSdbload runs.
load_database() {
  local aside status output
  note "stopping the SpectroSERVER to load the primary's database with precedence $PRECEDENCE"
  ss_stop || { ss_start || true; die "stopSS.pl failed; nothing loaded"; }
  if [ -f "$UNFINISHED" ]; then
    aside=$(cat -- "$UNFINISHED")
    note "an earlier load did not finish; the database from before it, $SPECROOT/SS/$aside.SSdb, is kept as the one to restore"
  else
    aside="$BEFORE_LOAD_DIR/before-load-$(date -u +%Y%m%dT%H%M%SZ)"
    status=0
    output=$(as_owner "$SPECROOT/SS-Tools/SSdbsave" -cmq "$aside" 2>&1) || status=$?
    if [ "$status" -ne 0 ]; then
      ss_start || note "startSS.pl failed too"
      die "could not save the current database aside (SSdbsave exit $status: $output); SSdbload was not run"
    fi
    printf '%s\n' "$aside" > "$UNFINISHED.new" && mv -f -- "$UNFINISHED.new" "$UNFINISHED"
    note "current database saved aside as $SPECROOT/SS/$aside.SSdb"
  fi
  status=0
  output=$(as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq -add "$PRECEDENCE" "$INCOMING" 2>&1) || status=$?
  if [ "$status" -ne 0 ] && grep -qi 'already' <<<"$output"; then
    note "the landscape map already holds precedence $PRECEDENCE; loading with -replace"
    status=0
    output=$(as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq -replace "$PRECEDENCE" "$INCOMING" 2>&1) || status=$?
  fi
  printf '%s\n' "$output"
  if [ "$status" -ne 0 ]; then
    note "SSdbload failed (exit $status); restoring the database saved aside before the load"
    if ! as_owner "$SPECROOT/SS-Tools/SSdbload" -ilq "$aside.SSdb"; then
      die "SSdbload failed (exit $status) and restoring $SPECROOT/SS/$aside.SSdb failed too: the SpectroSERVER stays stopped, since its database may be half loaded. Load that file with SSdbload -ilq, then start it; the next deploy restores it too"
    fi
    rm -f -- "$UNFINISHED"
    ss_start || die "SSdbload failed (exit $status; output above), the previous database was restored, but startSS.pl failed"
    die "SSdbload failed (exit $status); output above. The previous database was restored and the SpectroSERVER started again"
  fi
  rm -f -- "$UNFINISHED"
  ss_start || die "loaded the primary's database, but startSS.pl failed; the next deploy loads and starts it again"
  note "loaded the primary's database with precedence $PRECEDENCE; the SpectroSERVER runs"
}
critical load_database || die "the load did not complete; see the lines above"`)
    // Retention (docs/reseed.md): after a good load, the newest databases
    // saved aside; never while an unfinished load still needs its copy.
    .body(String.raw`[ -f "$UNFINISHED" ] || prune_old "$RETAIN" "$BEFORE_LOAD_DIR" before-load- .SSdb`)
    // Promotion (docs/promotion.md) tells a former secondary by this record.
    .constant('ROLE_RECORD', ROLE_RECORD)
    .body(String.raw`printf 'secondary %s\n' "$PRECEDENCE" > "$ROLE_RECORD.new" && mv -f -- "$ROLE_RECORD.new" "$ROLE_RECORD"`)
    .remote(secondary.target);
}
