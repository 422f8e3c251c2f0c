import { PlanStep, SshTarget } from '../plan-step';
import { InstallInput } from '../server-plan-input';
import { ShellValue } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * Step 3: upsert the managed keys of `$SPECROOT/SS/.vnmrc`. Other lines and
 * comments are kept; keys this step managed before and no longer wants are
 * removed (the list lives next to the file); the file is replaced atomically
 * with a backup, and the SpectroSERVER restarted only when it changed
 * (`.vnmrc` is read at start).
 *
 * @param keys the wanted `key=value` pairs (validated by SPX160; a value may be a token)
 */
export function vnmrcStep(target: SshTarget, install: InstallInput, keys: { readonly [key: string]: ShellValue }): PlanStep {
  const names = Object.keys(keys).sort();
  const script = new StepScript('vnmrc')
    .input('SPECROOT', install.installDir, checks.path)
    .input('OWNER', install.owner, checks.owner);
  // One variable per entry: keys are literal names of the code, values may be tokens.
  names.forEach((name, index) => {
    script.input(`KEY_${index}`, { text: name, isToken: false }, checks.vnmrcKey);
    script.input(`VALUE_${index}`, keys[name], checks.vnmrcValue);
  });
  const writeWanted = names.length === 0
    ? ': > "$WANTED"'
    : names.map((_, index) => `printf '%s=%s\\n' "$KEY_${index}" "$VALUE_${index}" >> "$WANTED"`).join('\n');
  return script.body(String.raw`require_specroot
VNMRC="$SPECROOT/SS/.vnmrc"
MANAGED="$SPECROOT/SS/.vnmrc.cdktf-spectrum-keys"
WANTED=$(mktemp)
trap 'rm -f -- "$WANTED"' EXIT
${writeWanted}
[ -f "$VNMRC" ] || { touch -- "$VNMRC"; chown "$OWNER" -- "$VNMRC"; }
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
fi`).remote(target);
}
