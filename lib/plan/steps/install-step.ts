import { PlanStep } from '../plan-step';
import { ServerPlanInput } from '../server-plan-input';
import { literal, safeName } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/** What the silent installer puts on the host (hostargs `ss_install` / `oc_install`). */
export type InstalledProduct = 'spectroserver' | 'oneclick';

/**
 * Step 1: the silent install (docs/ARCHITECTURE.md, "Silent install"; the
 * Spectrum_playbooks playbook). Writes hostargs and a 0600 password file into
 * a private staging directory that is removed on exit whatever happens;
 * skipped when `Install-Tools/.history` already shows the version.
 */
export function installStep(server: ServerPlanInput, product: InstalledProduct): PlanStep | undefined {
  const { install } = server;
  if (!install.mediaPath) return undefined;
  const stage = `/tmp/cdktf-spectrum-install-${safeName(server.path)}`;
  const excludeParts = install.excludeParts.join(',');
  return new StepScript('install')
    .input('HOST', server.host, checks.host)
    .input('LH', literal(server.handle), checks.handle)
    .input('SPECROOT', install.installDir, checks.path)
    .input('OWNER', install.owner, checks.owner)
    .input('MEDIA', install.mediaPath, checks.path)
    .input('MLS', server.mainLocationServer, checks.host)
    .input('VERSION', literal(install.version ?? ''), checks.version)
    .input('EXCLUDE_PARTS', literal(excludeParts), checks.excludeParts)
    .input('SS_INSTALL', literal(product === 'spectroserver' ? 'yes' : 'no'), checks.yesNo)
    .input('OC_INSTALL', literal(product === 'oneclick' ? 'yes' : 'no'), checks.yesNo)
    .constant('STAGE', stage)
    .body(String.raw`trap 'rm -rf -- "$STAGE"' EXIT
HISTORY="$SPECROOT/Install-Tools/.history"
if [ -s "$HISTORY" ] && { [ -z "$VERSION" ] || grep -qF -- "$VERSION" "$HISTORY"; }; then
  note "Spectrum $VERSION is already installed in $SPECROOT ($HISTORY); nothing to do"
  exit 0
fi
[ -x "$MEDIA/sdic/sdiclinux.exe" ] || die "no installer at $MEDIA/sdic/sdiclinux.exe; check install.mediaPath"
[ -f "$STAGE/secret" ] || die "the owner password was not staged in $STAGE"
id -u "$OWNER" >/dev/null 2>&1 || die "install owner '$OWNER' is not a user on this host; create it first"
HOSTARGS="$STAGE/$HOST.hostargs"
PWFILE="$STAGE/$HOST.pw"
{
  printf 'remote_host=%s\n' "$HOST"
  printf 'l_handle=%s\n' "$LH"
  printf 'install_dir=%s\n' "$SPECROOT"
  printf 'install_owner=%s\n' "$OWNER"
  printf 'vcd_path=%s\n' "$MEDIA"
  printf 'main_loc_serv=%s\n' "$MLS"
  printf 'ss_install=%s\n' "$SS_INSTALL"
  printf 'oc_install=%s\n' "$OC_INSTALL"
  printf 'ignore_disk_space=yes\n'
  printf 'locale=en_US\n'
  if [ -n "$EXCLUDE_PARTS" ]; then printf 'exclude_parts=%s\n' "$EXCLUDE_PARTS"; fi
} > "$HOSTARGS"
# The password file: one line '<host> <owner> <password>', mode 0600 before
# the password is written; the password never appears on a command line.
install -m 0600 /dev/null "$PWFILE"
{ printf '%s %s ' "$HOST" "$OWNER"; cat -- "$STAGE/secret"; printf '\n'; } > "$PWFILE"
rm -f -- "$STAGE/secret"
note "installing Spectrum (LH $LH) into $SPECROOT from $MEDIA"
status=0
output=$("$MEDIA/sdic/sdiclinux.exe" -h "$HOSTARGS" -p "$PWFILE" -accept 2>&1) || status=$?
printf '%s\n' "$output"
if [ "$status" -ne 0 ] || ! grep -q 'Installation successful' <<<"$output"; then
  die "the Spectrum installer failed (exit $status); its output is above"
fi
note "installed"`)
    .remote(server.target, { secret: install.ownerPassword, stage });
}
