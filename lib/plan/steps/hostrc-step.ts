import { PlanStep, SshTarget } from '../plan-step';
import { SCRIPT_PRELUDE } from '../script-prelude';
import { InstallInput } from '../server-plan-input';
import { assign, heredoc, literal, refusal, ShellValue } from '../shell';
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
 */
export function hostrcStep(target: SshTarget, install: InstallInput, hosts: readonly ShellValue[], hostsDigest: ShellValue): PlanStep {
  const script = [
    assign('STEP', literal('hostrc')),
    assign('SPECROOT', install.installDir, checks.path),
    assign('OWNER', install.owner, checks.owner),
    assign('BEGIN_MARK', literal(HOSTRC_BEGIN)),
    assign('END_MARK', literal(HOSTRC_END)),
    SCRIPT_PRELUDE,
    String.raw`require_specroot
WANTED=$(mktemp)
trap 'rm -f -- "$WANTED"' EXIT`,
    hosts.every(host => host.isToken || checks.host(host.text))
      ? heredoc('cat > "$WANTED"', 'CDKTF_SPECTRUM_HOSTS', hosts.map(host => host.text))
      : refusal('.hostrc host', 'not a valid host name'),
    String.raw`while IFS= read -r peer; do
  [ -n "$peer" ] || continue
  require_host "$peer" ".hostrc"
done < "$WANTED"
HOSTRC="$SPECROOT/.hostrc"
NEW="$HOSTRC.cdktf-spectrum-new"
{
  if [ -f "$HOSTRC" ]; then
    awk -v b="$BEGIN_MARK" -v e="$END_MARK" '$0 == b { skip = 1; next } $0 == e { skip = 0; next } !skip' "$HOSTRC"
  fi
  printf '%s\n' "$BEGIN_MARK"
  awk 'NF && !seen[$0]++' "$WANTED"
  printf '%s\n' "$END_MARK"
} > "$NEW"
[ -f "$HOSTRC" ] || chown "$OWNER" -- "$NEW"
if replace_file "$HOSTRC" "$NEW"; then note "updated $HOSTRC"; else note "$HOSTRC already lists every host; unchanged"; fi`,
  ].join('\n');
  return {
    kind: 'hostrc',
    runsOn: 'remote',
    target,
    script,
    inputs: { installDir: install.installDir, owner: install.owner, hosts: hostsDigest },
  };
}
