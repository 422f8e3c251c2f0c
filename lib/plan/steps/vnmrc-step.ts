import { PlanStep, SshTarget } from '../plan-step';
import { declareRetention } from '../retention';
import { RESTART_PENDING_FILE } from '../savefile-paths';
import { InstallInput } from '../server-plan-input';
import { ShellValue } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * Step 3: upsert the managed keys of `$SPECROOT/SS/.vnmrc`. Other lines and
 * comments are kept; keys this step managed before and no longer wants are
 * removed (the list lives next to the file); the file is replaced atomically
 * with a backup. The step ends with the SpectroSERVER running on the new file,
 * or fails: it restarts the server when the file changed (`.vnmrc` is read at
 * start) or when an earlier run changed it and did not get to restart (a
 * marker says so), and starts it when it is not running.
 *
 * On a secondary, one exception (docs/promotion.md): a former primary that
 * the demote step stopped (`ss_demoted`, script prelude) is not started, as
 * it would run as a second primary; the file is written and its load step,
 * which re-seeds it from the new primary, starts it with that file. Where
 * demote runs before this step (a DSS: demote cannot wait for the vnmrc step
 * there), this keeps it stopped; the decision is taken under the lock demote
 * holds, so the two steps may run in either order.
 *
 * @param keys the wanted `key=value` pairs (validated by SPX160; a value may be a token)
 * @param retain how many `.bak` copies of `.vnmrc` to keep
 * @param secondary whether the server is a secondary of the code (seeded and started by its load step)
 */
export function vnmrcStep(
  target: SshTarget, install: InstallInput, keys: { readonly [key: string]: ShellValue }, retain?: number, secondary = false,
): PlanStep {
  const names = Object.keys(keys).sort();
  const script = declareRetention(new StepScript('vnmrc'), retain)
    .input('SPECROOT', install.installDir, checks.path)
    .input('OWNER', install.owner, checks.owner)
    .constant('RESTART_PENDING', RESTART_PENDING_FILE);
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
PENDING="$SPECROOT/SS/$RESTART_PENDING"
MANAGED="$SPECROOT/SS/.vnmrc.cdktf-spectrum-keys"
WANTED=$(mktemp)
trap 'rm -f -- "$WANTED"' EXIT
${writeWanted}
[ -e "$VNMRC" ] || [ ! -L "$VNMRC" ] || die "$VNMRC is a symbolic link to $(readlink -- "$VNMRC"), which does not exist; create that file or remove the link"
[ -e "$VNMRC" ] || { touch -- "$VNMRC"; chown "$OWNER" -- "$VNMRC"; }
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
if [ -f "$VNMRC" ] && cmp -s "$VNMRC" "$NEW"; then
  rm -f -- "$NEW"
else
  # The marker goes first: whatever stops this run from here on, the next
  # run sees that the server has not been restarted with the new file.
  owner_dir "$(dirname "$PENDING")"
  date -u +%Y-%m-%dT%H:%M:%SZ > "$PENDING"
  replace_file "$VNMRC" "$NEW" || true
  note "updated $VNMRC"
fi
cut -d= -f1 "$WANTED" > "$MANAGED.new" && mv -f -- "$MANAGED.new" "$MANAGED"
# settle: the end state is what counts, not what this run changed: the file
# right and the SpectroSERVER running with it. Run by critical, so that the
# decision to start the server and the start are not split by a step that
# stops it for good (demote) or by a hang-up.
settle() {${secondary ? String.raw`
  if ss_demoted && ! ss_running; then
    rm -f -- "$PENDING"
    note "this SpectroSERVER was the primary and the demote step stopped it (role record: demoted): not starting it, since it would run as a second primary; its load step re-seeds it from the new primary and starts it, with $VNMRC as it is now"
    return 0
  fi` : ''}
  if [ -f "$PENDING" ]; then
    note "restarting the SpectroSERVER so it reads $VNMRC (changed $(cat -- "$PENDING"), not restarted since)"
    ss_stop || note "stopSS.pl failed (the SpectroSERVER may not have been running)"
    ss_start || die "startSS.pl failed after updating $VNMRC (backup kept next to it); the next deploy restarts the SpectroSERVER again"
    rm -f -- "$PENDING"
  elif ! ss_running; then
    note "$VNMRC already has the managed keys, but the SpectroSERVER is not running; starting it"
    ss_start || die "startSS.pl failed; the SpectroSERVER is not running (the next deploy tries again)"
  else
    note "$VNMRC already has the managed keys and the SpectroSERVER runs; unchanged, no restart"
  fi
}
critical settle || die "the SpectroSERVER is not running with $VNMRC; see the lines above"`).body(String.raw`prune_backups "$RETAIN" "$SPECROOT/SS/.vnmrc"`).remote(target);
}
