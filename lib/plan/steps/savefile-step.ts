import { PlanStep } from '../plan-step';
import { declareRetention } from '../retention';
import { savefileBase, SAVEFILE_DIR } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal, refusal, ShellValue } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/** What the seeding steps take from the landscape besides its servers. */
export interface SeedingOptions {
  /** `LandscapeOptions.reseed`: any new value re-runs savefile, transfer and load. */
  readonly reseed?: ShellValue;
  /** `LandscapeOptions.retain` (default DEFAULT_RETAIN). */
  readonly retain?: number;
}

/**
 * Step 4 (on the primary): a savefile of the primary's database plus its
 * SHA-256, by `SSdbsave -cmq` (the SS is stopped for it and started again,
 * whatever happens, also when the deploy is interrupted: see `critical` in
 * the script prelude) or by the user's backup command. The previous savefile is
 * kept as `.previous` (removed when `retain` is 1).
 */
export function savefileStep(primary: ServerPlanInput, backupCommand: ShellValue | undefined, seeding: SeedingOptions = {}): PlanStep {
  // The command runs as code on the primary: only a literal in the code, reviewed like code, may (SPX142).
  // A token one (a variable) is never decoded into the script; the step refuses to run instead.
  const viaToken = backupCommand?.isToken === true;
  const script = new StepScript('savefile');
  // Re-seed on demand (docs/reseed.md): a new value is a new trigger input,
  // so this step and the transfer/load steps chained after it run again.
  // Declared only when given, so code without it keeps its triggers.
  if (seeding.reseed !== undefined) script.input('RESEED', seeding.reseed, checks.reseedLabel);
  declareRetention(script, seeding.retain)
    .input('SPECROOT', primary.install.installDir, checks.path)
    .input('OWNER', primary.install.owner, checks.owner)
    .input('BACKUP_COMMAND', viaToken ? literal('') : backupCommand ?? literal(''), checks.backupCommandOrEmpty)
    .input('SAVE_BASE', literal(savefileBase(primary.handle)), checks.relativePath)
    .constant('SAVE_DIR', SAVEFILE_DIR);
  if (viaToken) script.body(refusal('BACKUP_COMMAND', 'a backup command must be a literal string in the code (SPX142)'));
  return script.body(String.raw`require_specroot
cd "$SPECROOT/SS"
owner_dir "$SAVE_DIR"
SAVE="$SAVE_DIR/$SAVE_BASE"
PARTIAL="$SAVE_DIR/partial-$SAVE_BASE"
rm -f -- "$PARTIAL.SSdb"
# save_database: stop, SSdbsave, start; run by critical, so an interrupted
# deploy neither leaves the primary stopped nor starts it while SSdbsave runs.
save_database() {
  local status=0
  note "stopping the primary for SSdbsave (it is started again afterwards)"
  ss_stop || { ss_start || true; die "stopSS.pl failed; no savefile made"; }
  as_owner "$SPECROOT/SS-Tools/SSdbsave" -cmq "$PARTIAL" || status=$?
  ss_start || die "startSS.pl failed after SSdbsave (exit $status); the next deploy starts the primary again"
  [ "$status" -eq 0 ] || die "SSdbsave failed (exit $status); output above. The primary runs again"
}
if [ -z "$BACKUP_COMMAND" ]; then
  critical save_database || die "no savefile made; see the lines above"
else
  note "running the backup command"
  as_owner env SPECTRUM_SAVEFILE="$SPECROOT/SS/$PARTIAL.SSdb" bash -c "$BACKUP_COMMAND" || die "the backup command failed"
fi
[ -s "$PARTIAL.SSdb" ] || die "no savefile was written at $SPECROOT/SS/$PARTIAL.SSdb"
if [ -f "$SAVE.SSdb" ]; then
  mv -f -- "$SAVE.SSdb" "$SAVE.SSdb.previous"
  if [ -f "$SAVE.SSdb.sha256" ]; then mv -f -- "$SAVE.SSdb.sha256" "$SAVE.SSdb.sha256.previous"; fi
fi
sha256sum < "$PARTIAL.SSdb" | cut -d' ' -f1 > "$PARTIAL.SSdb.sha256"
mv -f -- "$PARTIAL.SSdb" "$SAVE.SSdb"
mv -f -- "$PARTIAL.SSdb.sha256" "$SAVE.SSdb.sha256"
note "saved $SPECROOT/SS/$SAVE.SSdb (sha256 $(cat -- "$SAVE.SSdb.sha256"))"`)
    // Retention: the current savefile and its .previous are two copies.
    .body(String.raw`if [ "$RETAIN" -lt 2 ]; then rm -f -- "$SAVE.SSdb.previous" "$SAVE.SSdb.sha256.previous"; fi`)
    .body(seeding.reseed === undefined ? '' : String.raw`note "re-seed $(printf '%q' "$RESEED"): the secondaries load this savefile next"`)
    .remote(primary.target);
}
