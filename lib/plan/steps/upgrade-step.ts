import { declareUpdates, INSTALLER_FUNCTIONS, InstalledProduct, installerScript } from '../installer-runs';
import { PlanStep } from '../plan-step';
import { ServerPlanInput } from '../server-plan-input';
import { literal, safeName } from '../shell';
import { checks } from '../value-checks';

/**
 * The upgrade step (docs/upgrades.md): brings an installed product to the
 * release and updates of the code. Runs the base release's installer when
 * `Install-Tools/.history` does not list `install.version` (a whole version),
 * then each update the history does not list, in order; does nothing when
 * everything is there (as on a first deploy, after the install step). The
 * SpectroSERVER is stopped before the first installer run and started again
 * at the end, also when an installer fails.
 *
 * Its trigger covers the version, the base media and the update list (and
 * where it runs), so a change of those replaces only the upgrade steps; the
 * constructs order them as Broadcom's upgrade order asks (KB 144472).
 *
 * A OneClick server whose host also has a SpectroSERVER leaves the upgrade to
 * that SpectroSERVER's step (it runs the installer for both products there),
 * so the SpectroSERVER is not stopped out of its landscape's rolling order.
 *
 * Undefined without media and without updates: nothing to upgrade with.
 */
export function upgradeStep(server: ServerPlanInput, product: InstalledProduct): PlanStep | undefined {
  const { install } = server;
  if (!install.mediaPath && install.updates.length === 0) return undefined;
  const stage = `/tmp/cdktf-spectrum-upgrade-${safeName(server.path)}`;
  const script = installerScript('upgrade', server, product)
    .input('MEDIA', install.mediaPath ?? literal(''), checks.pathOrEmpty)
    .input('VERSION', literal(install.version ?? ''), checks.version);
  const updates = declareUpdates(script, install, 'missing');
  return script
    .constant('STAGE', stage)
    .body(INSTALLER_FUNCTIONS)
    .body(String.raw`lock_installation
product_installed || die "the $PRODUCT is not installed in $SPECROOT; set install.mediaPath so that the install step installs it"
if [ "$PRODUCT" = oneclick ] && ss_installed; then
  note "a SpectroSERVER shares this host: its own upgrade step upgrades OneClick with it, in its landscape's rolling order"
  exit 0
fi
if [ -n "$MEDIA" ] && [ -n "$VERSION" ] && ! history_lists "$VERSION"; then
  run_installer "$MEDIA" "Spectrum $VERSION"
elif [ -n "$VERSION" ]; then
  note "Spectrum $VERSION is installed ($HISTORY)"
fi`)
    .body(updates)
    .body('note "the $PRODUCT in $SPECROOT is up to date"')
    .remote(server.target, { secret: install.ownerPassword, stage });
}
