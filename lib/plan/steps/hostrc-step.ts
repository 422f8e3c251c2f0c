import { PlanStep, SshTarget } from '../plan-step';
import { declareRetention } from '../retention';
import { InstallInput } from '../server-plan-input';
import { ShellValue } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/** Marker lines of the block the plan owns in `.hostrc`; lines outside it are kept. */
export const HOSTRC_BEGIN = '# BEGIN cdktf-spectrum managed hosts (edits inside this block are overwritten)';
export const HOSTRC_END = '# END cdktf-spectrum managed hosts';

/**
 * Step 2: the managed block of `$SPECROOT/.hostrc` lists every SpectroSERVER
 * and OneClick host of the landscape (of the whole DSS in a DSS), KB 7270.
 *
 * @param hosts one line per host, or a token that Terraform expands to such lines
 * @param hostsDigest a value that changes exactly when the host list does
 * @param retain how many `.bak` copies of `.hostrc` to keep
 */
export function hostrcStep(
  target: SshTarget, install: InstallInput, hosts: readonly ShellValue[], hostsDigest: ShellValue, retain?: number,
): PlanStep {
  return declareRetention(new StepScript('hostrc'), retain)
    .input('SPECROOT', install.installDir, checks.path)
    .input('OWNER', install.owner, checks.owner)
    .lines('HOSTS', hosts, checks.host, { trigger: hostsDigest })
    .constant('BEGIN_MARK', HOSTRC_BEGIN)
    .constant('END_MARK', HOSTRC_END)
    .body(String.raw`require_specroot
HOSTRC="$SPECROOT/.hostrc"
NEW="$HOSTRC.cdktf-spectrum-new"
# Every line from a BEGIN marker to its END is the plan's: with a marker
# missing, user lines would be taken for managed ones and dropped.
if [ -f "$HOSTRC" ]; then
  problem=$(awk -v b="$BEGIN_MARK" -v e="$END_MARK" '
    $0 == b { if (open) { print "a second BEGIN marker at line " NR " while the one at line " open " has no END marker"; found = 1; exit } open = NR; next }
    $0 == e { if (!open) { print "an END marker at line " NR " without a BEGIN marker before it"; found = 1; exit } open = 0 }
    END { if (!found && open) print "the BEGIN marker at line " open " has no END marker after it" }' "$HOSTRC")
  [ -z "$problem" ] || die "$HOSTRC has $problem; refused so that no line of yours is dropped: fix or remove the markers by hand, then deploy again"
fi
{
  if [ -f "$HOSTRC" ]; then
    awk -v b="$BEGIN_MARK" -v e="$END_MARK" '$0 == b { skip = 1; next } $0 == e { skip = 0; next } !skip' "$HOSTRC"
  fi
  printf '%s\n' "$BEGIN_MARK"
  printf '%s' "$HOSTS" | awk 'NF && !seen[$0]++'
  printf '%s\n' "$END_MARK"
} > "$NEW"
[ -f "$HOSTRC" ] || chown "$OWNER" -- "$NEW"
if replace_file "$HOSTRC" "$NEW"; then note "updated $HOSTRC"; else note "$HOSTRC already lists every host; unchanged"; fi`)
    .body(String.raw`prune_backups "$RETAIN" "$SPECROOT/.hostrc"`)
    .remote(target);
}
