import { PlanStep } from '../plan-step';
import { SAVEFILE_DIR } from '../savefile-paths';
import { SCRIPT_PRELUDE } from '../script-prelude';
import { ServerPlanInput } from '../server-plan-input';
import { assign, heredoc, literal } from '../shell';
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
  const script = [
    assign('STEP', literal('deregister')),
    assign('SPECROOT', primary.install.installDir, checks.path),
    assign('OWNER', primary.install.owner, checks.owner),
    assign('RECORD', literal(REGISTERED_SECONDARIES)),
    SCRIPT_PRELUDE,
    String.raw`require_specroot
cd "$SPECROOT/SS"
owner_dir "$(dirname "$RECORD")"
WANTED=$(mktemp)
trap 'rm -f -- "$WANTED"' EXIT`,
    heredoc('cat > "$WANTED"', 'CDKTF_SPECTRUM_SECONDARIES', wanted),
    String.raw`if [ -f "$RECORD" ]; then
  while read -r lh precedence; do
    [ -n "$lh" ] || continue
    if grep -qxF -- "$lh $precedence" "$WANTED"; then continue; fi
    status=0
    output=$(as_owner "$SPECROOT/SS-Tools/MapUpdate" -remove "$lh" -precedence "$precedence" 2>&1) || status=$?
    printf '%s\n' "$output"
    [ "$status" -eq 0 ] || die "MapUpdate -remove $lh -precedence $precedence failed (exit $status); output above"
    note "removed precedence $precedence of landscape $lh from the primary's landscape map"
  done < "$RECORD"
fi
cp -- "$WANTED" "$RECORD.new" && mv -f -- "$RECORD.new" "$RECORD"
note "the primary's map now holds the plan's secondaries: $(tr '\n' ' ' < "$RECORD")"`,
  ].join('\n');
  return {
    kind: 'deregister',
    runsOn: 'remote',
    target: primary.target,
    script,
    inputs: {
      host: primary.host,
      installDir: primary.install.installDir,
      owner: primary.install.owner,
      secondaries: literal(wanted.join(',')),
    },
  };
}
