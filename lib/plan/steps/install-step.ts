import { declareUpdates, INSTALLER_FUNCTIONS, InstalledProduct, installerScript } from '../installer-runs';
import { PlanStep } from '../plan-step';
import { ServerPlanInput } from '../server-plan-input';
import { safeName } from '../shell';
import { checks } from '../value-checks';

export type { InstalledProduct } from '../installer-runs';

/** Why the install step does not re-run when media, version or updates change. */
const UPGRADE_OWNS_IT = 'a change of media, version or updates is an upgrade, applied by the upgrade step in the rolling order';

/**
 * Step 1: the first install of a product on a host (docs/upgrades.md; the
 * Spectrum_playbooks playbook's silent install). Does nothing when the
 * product is already installed there, whatever its version: bringing an
 * installed product to the code's version is the upgrade step's job, in the
 * rolling order. Otherwise installs the base release, then every update in
 * order, so a first deploy installs every server in parallel, fully.
 *
 * Its trigger covers what makes it a different installation (host, handle,
 * install dir, owner, product, main location server, excluded parts), not
 * media, version or updates: a change of those replaces only the upgrade
 * steps, never this one (replacing it would re-run the configuration and
 * the seeding chained to it).
 */
export function installStep(server: ServerPlanInput, product: InstalledProduct): PlanStep | undefined {
  const { install } = server;
  if (!install.mediaPath) return undefined;
  const stage = `/tmp/cdktf-spectrum-install-${safeName(server.path)}`;
  const script = installerScript('install', server, product)
    .untriggered('MEDIA', install.mediaPath, checks.path, UPGRADE_OWNS_IT);
  const updates = declareUpdates(script, install, 'all', UPGRADE_OWNS_IT);
  return script
    .constant('STAGE', stage)
    .body(INSTALLER_FUNCTIONS)
    .body(String.raw`lock_installation
if product_installed; then
  note "the $PRODUCT is already installed in $SPECROOT; bringing it to the version of the code is the upgrade step's job"
  exit 0
fi
run_installer "$MEDIA" "the base release"`)
    .body(updates)
    .remote(server.target, { secret: install.ownerPassword, stage });
}
