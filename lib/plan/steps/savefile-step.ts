import { PlanStep } from '../plan-step';
import { savefileBase, SAVEFILE_DIR } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * Step 4 (on the primary): a savefile of the primary's database plus its
 * SHA-256, by `SSdbsave -cmq` (the SS is stopped for it and started again,
 * whatever happens) or by the user's backup command. The previous savefile is
 * kept as `.previous`.
 */
export function savefileStep(primary: ServerPlanInput, backupCommand: string | undefined): PlanStep {
  return new StepScript('savefile')
    .input('SPECROOT', primary.install.installDir, checks.path)
    .input('OWNER', primary.install.owner, checks.owner)
    .input('BACKUP_COMMAND', literal(backupCommand ?? ''), checks.singleLine)
    .input('SAVE_BASE', literal(savefileBase(primary.handle)), checks.relativePath)
    .constant('SAVE_DIR', SAVEFILE_DIR)
    .body(String.raw`require_specroot
cd "$SPECROOT/SS"
owner_dir "$SAVE_DIR"
SAVE="$SAVE_DIR/$SAVE_BASE"
PARTIAL="$SAVE_DIR/partial-$SAVE_BASE"
rm -f -- "$PARTIAL.SSdb"
if [ -z "$BACKUP_COMMAND" ]; then
  note "stopping the primary for SSdbsave (it is started again afterwards)"
  as_owner "$SPECROOT/bin/stopSS.pl" || die "stopSS.pl failed; no savefile made"
  trap 'as_owner "$SPECROOT/bin/startSS.pl" || printf "cdktf-spectrum savefile: ERROR: startSS.pl failed; start the primary by hand\n" >&2' EXIT
  status=0
  output=$(as_owner "$SPECROOT/SS-Tools/SSdbsave" -cmq "$PARTIAL" 2>&1) || status=$?
  printf '%s\n' "$output"
  [ "$status" -eq 0 ] || die "SSdbsave failed (exit $status); output above"
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
    .remote(primary.target);
}
