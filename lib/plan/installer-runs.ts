import { bashText } from './bash-text';
import { InstallInput, ServerPlanInput } from './server-plan-input';
import { literal, ShellValue } from './shell';
import { StepScript } from './step-script';
import { checks, ValueKind } from './value-checks';

/** What the silent installer puts on the host (hostargs `ss_install` / `oc_install`). */
export type InstalledProduct = 'spectroserver' | 'oneclick';

/**
 * The step script of an installer run (`install` or `upgrade`) with the
 * inputs that make it this installation: host, handle, install dir, owner,
 * excluded parts and product. The main location server is passed to the
 * installer but does not re-run it: an installer only uses it for a product
 * it adds, and a promotion that changes it must not replace every install
 * step of an estate (and through them re-seed every landscape); OneClick's
 * `mainlocation` step carries the change to installed servers
 * (docs/promotion.md).
 */
export function installerScript(kind: 'install' | 'upgrade', server: ServerPlanInput, product: InstalledProduct): StepScript {
  return new StepScript(kind)
    .input('HOST', server.host, checks.host)
    .input('LH', literal(server.handle), checks.handle)
    .input('SPECROOT', server.install.installDir, checks.path)
    .input('OWNER', server.install.owner, checks.owner)
    .untriggered('MLS', server.mainLocationServer, checks.host, "OneClick's mainlocation step applies a new main location server to an installed server")
    .input('EXCLUDE_PARTS', literal(server.install.excludeParts.join(',')), checks.excludeParts)
    .input('PRODUCT', literal(product), checks.product);
}

/**
 * Declares UPDATE_<n>_MEDIA / UPDATE_<n>_VERSION (n from 1) for the update
 * media of `install`, in order, and returns the script lines that apply them
 * (`apply_update MEDIA VERSION [all]`). `untriggered`: the variables do not
 * re-run the step (the install step: the upgrade step owns updates).
 */
export function declareUpdates(script: StepScript, install: InstallInput, mode: 'missing' | 'all', untriggered?: string): string {
  const declare = (name: string, value: ShellValue, kind: ValueKind) =>
    (untriggered === undefined ? script.input(name, value, kind) : script.untriggered(name, value, kind, untriggered));
  return install.updates.map((update, index) => {
    const n = index + 1;
    declare(`UPDATE_${n}_MEDIA`, update.mediaPath, checks.path);
    declare(`UPDATE_${n}_VERSION`, literal(update.version), checks.version);
    return `apply_update "$UPDATE_${n}_MEDIA" "$UPDATE_${n}_VERSION"${mode === 'all' ? ' all' : ''}`;
  }).join('\n');
}

/**
 * Bash functions of the steps that run the silent installer (install and
 * upgrade), after the remote prelude. They expect HOST, LH, SPECROOT, OWNER,
 * MLS, EXCLUDE_PARTS, STAGE and PRODUCT (`spectroserver` or `oneclick`).
 *
 * - One installer at a time per installation, and none during a load, save
 *   or restart: the lock of `critical` (script prelude), so a OneClick server
 *   on a SpectroSERVER's host and that SpectroSERVER never run installers
 *   into one directory together (issue: whichever came second skipped, and
 *   one product was never installed).
 * - What is installed is read from the host: the SpectroSERVER by
 *   `$SPECROOT/SS/.vnmrc` (its configuration, written by its install),
 *   OneClick by its web application `$SPECROOT/tomcat/webapps/spectrum`;
 *   versions by whole words of `Install-Tools/.history` (`10.4.1` is not
 *   `10.4.10`).
 * - Every installer run passes `ss_install`/`oc_install` = yes for this
 *   step's product and for every product already installed there, so the
 *   installer never leaves a product of the host behind.
 * - The SpectroSERVER is stopped before an installer runs over it (installers
 *   refuse a running one; the Spectrum_playbooks playbook runs `stopSS.pl`
 *   first) and started again when the step ends, whatever the outcome; but
 *   not a former primary that the demote step stopped (`ss_demoted`, script
 *   prelude, read under the lock the demote step takes too): its load step
 *   starts it once it holds the new primary's database (docs/promotion.md).
 * - Success and failure as the playbook reads them: `Installation
 *   successful`; `Installation failure` or `Failed to copy` anywhere in the
 *   output is a failure; the step then fails with the installer's output.
 */
export const INSTALLER_FUNCTIONS = bashText(String.raw`HISTORY="$SPECROOT/Install-Tools/.history"
SS_STOPPED=no
PWFILE=''
# history_lists VERSION: .history holds VERSION as a whole word of a line.
history_lists() {
  [ -f "$HISTORY" ] && awk -v v="$1" '{ for (i = 1; i <= NF; i++) if ($i == v) found = 1 } END { exit !found }' "$HISTORY"
}
ss_installed() { [ -f "$SPECROOT/SS/.vnmrc" ]; }
oc_installed() { [ -d "$SPECROOT/tomcat/webapps/spectrum" ]; }
product_installed() {
  if [ "$PRODUCT" = spectroserver ]; then ss_installed; else oc_installed; fi
}
# finish: on every exit: the staged secret goes, a SpectroSERVER this step
# stopped runs again (or the step fails saying so), unless it was demoted.
finish() {
  local status=$?
  rm -rf -- "$STAGE"
  if [ "$SS_STOPPED" = yes ]; then
    if ss_demoted; then
      note "the SpectroSERVER stays stopped: the demote step stopped it as the former primary (role record: demoted); its load step starts it once it holds the new primary's database"
    elif as_owner "$SPECROOT/bin/startSS.pl" </dev/null 9<&-; then
      note "started the SpectroSERVER again"
    else
      printf 'cdktf-spectrum %s on %s: ERROR: %s\n' "$STEP" "$(hostname)" "the SpectroSERVER in $SPECROOT did not start again; start it with $SPECROOT/bin/startSS.pl" >&2
      status=1
    fi
  fi
  exit "$status"
}
trap finish EXIT
# A hang-up or interrupt ends the script after the installer it waits for, then finish runs.
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
# lock_installation: one installer at a time in $SPECROOT, and never during a
# load, save or restart of its SpectroSERVER: the lock of critical (the
# script prelude), held until exit.
lock_installation() {
  local lock="$SPECROOT/SS/$CDKTF_DIR/ss.lock"
  mkdir -p -- "$SPECROOT/SS/$CDKTF_DIR"
  [ -e "$lock" ] || : >> "$lock"
  exec 9< "$lock"
  flock -w 7200 9 || die "another run has held $lock for two hours; refused"
}
# stage_password: the password file, '<host> <owner> <password>', 0600 before
# the password is written; the password never reaches a command line.
stage_password() {
  [ -z "$PWFILE" ] || return 0
  [ -f "$STAGE/secret" ] || die "the owner password was not staged in $STAGE"
  id -u "$OWNER" >/dev/null 2>&1 || die "install owner '$OWNER' is not a user on this host; create it first"
  PWFILE="$STAGE/$HOST.pw"
  install -m 0600 /dev/null "$PWFILE"
  { printf '%s %s ' "$HOST" "$OWNER"; cat -- "$STAGE/secret"; printf '\n'; } > "$PWFILE"
  rm -f -- "$STAGE/secret"
}
# stop_ss_for_installer: an installer never runs over a running SpectroSERVER.
stop_ss_for_installer() {
  ss_installed || return 0
  [ "$SS_STOPPED" = no ] || return 0
  note "stopping the SpectroSERVER for the installer"
  SS_STOPPED=yes
  as_owner "$SPECROOT/bin/stopSS.pl" </dev/null 9<&- || die "stopSS.pl failed; the installer did not run"
}
# run_installer MEDIA WHAT: runs the silent installer of MEDIA for this step's
# product and every product already installed here.
run_installer() {
  local media=$1 what=$2 ss=no oc=no hostargs output status=0
  [ -x "$media/sdic/sdiclinux.exe" ] || die "no installer at $media/sdic/sdiclinux.exe ($what); check the media path"
  stage_password
  if [ "$PRODUCT" = spectroserver ] || ss_installed; then ss=yes; fi
  if [ "$PRODUCT" = oneclick ] || oc_installed; then oc=yes; fi
  stop_ss_for_installer
  hostargs="$STAGE/$HOST.hostargs"
  {
    printf 'remote_host=%s\n' "$HOST"
    printf 'l_handle=%s\n' "$LH"
    printf 'install_dir=%s\n' "$SPECROOT"
    printf 'install_owner=%s\n' "$OWNER"
    printf 'vcd_path=%s\n' "$media"
    printf 'main_loc_serv=%s\n' "$MLS"
    printf 'ss_install=%s\n' "$ss"
    printf 'oc_install=%s\n' "$oc"
    printf 'ignore_disk_space=yes\n'
    printf 'locale=en_US\n'
    if [ -n "$EXCLUDE_PARTS" ]; then printf 'exclude_parts=%s\n' "$EXCLUDE_PARTS"; fi
  } > "$hostargs"
  note "installing $what into $SPECROOT from $media (ss_install=$ss, oc_install=$oc)"
  output=$("$media/sdic/sdiclinux.exe" -h "$hostargs" -p "$PWFILE" -accept </dev/null 2>&1 9<&-) || status=$?
  printf '%s\n' "$output"
  if [ "$status" -ne 0 ] || ! grep -q 'Installation successful' <<<"$output" || grep -qE 'Installation failure|Failed to copy' <<<"$output"; then
    die "the Spectrum installer failed for $what (exit $status); its output is above"
  fi
  note "installed $what"
}
# apply_update MEDIA VERSION [all]: the update, unless .history lists it (all:
# in any case, for a product that was just added and has none of them).
apply_update() {
  if [ "$\{3:-}" != all ] && history_lists "$2"; then
    note "update $2 is already installed ($HISTORY)"
    return 0
  fi
  run_installer "$1" "update $2"
}`);
