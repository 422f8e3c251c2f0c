import { PlanStep } from '../plan-step';
import { SAVEFILE_DIR } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/** Where the primary remembers the secondaries the plan registered, relative to `$SPECROOT/SS`. */
export const REGISTERED_SECONDARIES = `${SAVEFILE_DIR}/registered-secondaries`;

/**
 * Step 7 (on the primary, after the loads): `MapUpdate -remove <LH>
 * -precedence <P>` for every secondary the plan registered before and no
 * longer has (removed, or moved to another precedence): since 9.2.2 map
 * entries never time out (KB 51112).
 *
 * Why not a destroy-time provisioner on the secondary: Terraform runs a
 * destroy-time provisioner only while its resource block is still in the
 * configuration, so removing a secondary from the code would skip it, and on
 * a replacement it would run with the new values. Reconciling on the primary
 * against a record of what the plan registered runs in both cases, and only
 * ever removes entries the plan itself made.
 */
export function deregisterStep(primary: ServerPlanInput, secondaryPrecedences: readonly number[]): PlanStep {
  const wanted = [...secondaryPrecedences].sort((a, b) => a - b).map(precedence => `${primary.handle} ${precedence}`);
  return new StepScript('deregister')
    .input('SPECROOT', primary.install.installDir, checks.path)
    .input('OWNER', primary.install.owner, checks.owner)
    .lines('SECONDARIES', wanted.map(entry => literal(entry)), checks.mapEntry, { trigger: literal(wanted.join(',')) })
    .constant('RECORD', REGISTERED_SECONDARIES)
    .body(String.raw`require_specroot
cd "$SPECROOT/SS"
owner_dir "$(dirname "$RECORD")"
WANTED=$(mktemp)
trap 'rm -f -- "$WANTED"' EXIT
printf '%s' "$SECONDARIES" > "$WANTED"
if [ -f "$RECORD" ]; then
  # The loop reads the record on fd 3: a tool in the loop that reads its
  # stdin (MapUpdate, runuser, sudo) cannot swallow the entries after its own.
  while read -r lh precedence <&3; do
    [ -n "$lh" ] || continue
    if grep -qxF -- "$lh $precedence" "$WANTED"; then continue; fi
    status=0
    output=$(as_owner "$SPECROOT/SS-Tools/MapUpdate" -remove "$lh" -precedence "$precedence" 2>&1 </dev/null) || status=$?
    printf '%s\n' "$output"
    [ "$status" -eq 0 ] || die "MapUpdate -remove $lh -precedence $precedence failed (exit $status); output above"
    note "removed precedence $precedence of landscape $lh from the primary's landscape map"
  done 3< "$RECORD"
fi
cp -- "$WANTED" "$RECORD.new" && mv -f -- "$RECORD.new" "$RECORD"
note "the primary's map now holds the plan's secondaries: $(tr '\n' ' ' < "$RECORD")"`)
    .remote(primary.target);
}
