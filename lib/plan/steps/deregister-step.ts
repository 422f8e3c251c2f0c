import { PlanStep, SshTarget } from '../plan-step';
import { SCRIPT_PRELUDE } from '../script-prelude';
import { InstallInput } from '../server-plan-input';
import { assign, literal } from '../shell';
import { checks } from '../value-checks';

/**
 * Step 7 (destroy time, on the primary): `MapUpdate -remove <LH> -precedence
 * <P>` when a secondary leaves the landscape (or its precedence changes):
 * since 9.2.2 map entries never time out (KB 51112).
 *
 * `primaryTarget` must only reference the resource itself (Terraform allows
 * nothing else in destroy-time provisioners); the emitter sees to that.
 */
export function deregisterStep(primaryTarget: SshTarget, primaryInstall: InstallInput, handle: string, precedence: number): PlanStep {
  const script = [
    assign('STEP', literal('deregister')),
    assign('SPECROOT', primaryInstall.installDir, checks.path),
    assign('OWNER', primaryInstall.owner, checks.owner),
    assign('LH', literal(handle), checks.handle),
    assign('PRECEDENCE', literal(String(precedence)), checks.precedence),
    SCRIPT_PRELUDE,
    String.raw`require_specroot
cd "$SPECROOT/SS"
status=0
output=$(as_owner "$SPECROOT/SS-Tools/MapUpdate" -remove "$LH" -precedence "$PRECEDENCE" 2>&1) || status=$?
printf '%s\n' "$output"
[ "$status" -eq 0 ] || die "MapUpdate -remove $LH -precedence $PRECEDENCE failed (exit $status); output above"
note "removed precedence $PRECEDENCE of landscape $LH from the primary's landscape map"`,
  ].join('\n');
  return {
    kind: 'deregister',
    runsOn: 'remote',
    target: primaryTarget,
    script,
    inputs: {
      host: primaryTarget.host,
      handle: literal(handle),
      precedence: literal(String(precedence)),
      installDir: primaryInstall.installDir,
      owner: primaryInstall.owner,
    },
    when: 'destroy',
  };
}
