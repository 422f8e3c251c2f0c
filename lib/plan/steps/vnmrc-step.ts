import { PlanStep, SshTarget } from '../plan-step';
import { SCRIPT_PRELUDE } from '../script-prelude';
import { InstallInput } from '../server-plan-input';
import { assign, heredoc, literal, refusal } from '../shell';
import { checks } from '../value-checks';

/**
 * Step 3: upsert the managed keys of `$SPECROOT/SS/.vnmrc`. Other lines and
 * comments are kept; keys this step managed before and no longer wants are
 * removed (the list lives next to the file); the file is replaced atomically
 * with a backup, and the SpectroSERVER restarted only when it changed
 * (`.vnmrc` is read at start).
 *
 * @param keys the wanted `key=value` pairs (already validated by SPX160)
 */
export function vnmrcStep(target: SshTarget, install: InstallInput, keys: { readonly [key: string]: string }): PlanStep {
  const names = Object.keys(keys).sort();
  const valid = names.every(name => checks.vnmrcKey(name) && checks.vnmrcValue(keys[name]));
  const script = [
    assign('STEP', literal('vnmrc')),
    assign('SPECROOT', install.installDir, checks.path),
    assign('OWNER', install.owner, checks.owner),
    SCRIPT_PRELUDE,
    String.raw`require_specroot
VNMRC="$SPECROOT/SS/.vnmrc"
MANAGED="$SPECROOT/SS/.vnmrc.cdktf-spectrum-keys"
WANTED=$(mktemp)
trap 'rm -f -- "$WANTED"' EXIT`,
    valid
      ? heredoc('cat > "$WANTED"', 'CDKTF_SPECTRUM_VNMRC', names.map(name => `${name}=${keys[name]}`))
      : refusal('.vnmrc entry', 'keys must be identifiers and values single-line (SPX160)'),
    String.raw`[ -f "$VNMRC" ] || { touch -- "$VNMRC"; chown "$OWNER" -- "$VNMRC"; }
[ -f "$MANAGED" ] || : > "$MANAGED"
NEW="$VNMRC.cdktf-spectrum-new"
# First file: wanted key=value; second: keys managed before; third: the
# current .vnmrc. Wanted keys replace their first occurrence (later
# duplicates dropped); formerly managed keys no longer wanted are removed;
# every other line is kept as it is; new keys are appended.
awk '
  FILENAME == ARGV[1] { k = $0; sub(/=.*/, "", k); want[k] = substr($0, length(k) + 2); order[++n] = k; next }
  FILENAME == ARGV[2] { if ($0 != "") before[$0] = 1; next }
  {
    k = $0; sub(/^[ \t]+/, "", k); sub(/[ \t]*=.*/, "", k)
    if (k in want) { if (!(k in done)) { print k "=" want[k]; done[k] = 1 } ; next }
    if (k in before) next
    print
  }
  END { for (i = 1; i <= n; i++) if (!(order[i] in done)) print order[i] "=" want[order[i]] }
' "$WANTED" "$MANAGED" "$VNMRC" > "$NEW"
changed=0
if replace_file "$VNMRC" "$NEW"; then changed=1; fi
cut -d= -f1 "$WANTED" > "$MANAGED.new" && mv -f -- "$MANAGED.new" "$MANAGED"
if [ "$changed" = 1 ]; then
  note "updated $VNMRC; restarting the SpectroSERVER so it reads the new settings"
  as_owner "$SPECROOT/bin/stopSS.pl" || note "stopSS.pl failed (the SpectroSERVER may not have been running)"
  as_owner "$SPECROOT/bin/startSS.pl" || die "startSS.pl failed after updating $VNMRC (backup kept next to it)"
else
  note "$VNMRC already has the managed keys; unchanged, no restart"
fi`,
  ].join('\n');
  return {
    kind: 'vnmrc',
    runsOn: 'remote',
    target,
    script,
    inputs: {
      installDir: install.installDir,
      owner: install.owner,
      keys: literal(names.map(name => `${name}=${keys[name]}`).join('\n')),
    },
  };
}
