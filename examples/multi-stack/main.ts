import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-spectrum';
import { loadInventory } from './inventory';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, StandbyMode } from '../../lib';
import { EstateVariables, planResourceFromEnvironment } from '../shared/estate-variables';

/**
 * One distributed estate split across stacks: the master landscape and the
 * OneClick server in one stack, each group of distributed landscapes in a
 * stack of its own. Terraform state and locking are sharded per stack, so
 * HCP Terraform, Terraform Enterprise or Atlantis plan and apply the groups
 * in parallel once the master stack is up (cdktf deploys dependent stacks
 * after the stacks they depend on: `cdktf deploy '*'`). Handles stay unique
 * across all stacks (SPX101 checks the whole app).
 *
 * Hosts here are literal names from the site's inventory (./inventory.ts),
 * because the master stack lists every host of the estate in its .hostrc;
 * host keys, the SSH user, port and key file and the owner password are
 * each stack's Terraform variables (../shared/estate-variables.ts).
 * Adding a group to the inventory adds a stack: the existing stacks then
 * re-run only their servers' hostrc steps (the estate's host list grew).
 */
const inventory = loadInventory();

/** A server of the inventory, reached with the stack's connection variables. */
function server(vars: EstateVariables, name: string) {
  return { host: inventory.host(name), connection: vars.connection(name) };
}

class MasterStack extends TerraformStack {
  public readonly estate: DistributedLandscape;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars', { literalHosts: true });
    this.estate = new DistributedLandscape(this, 'estate', {
      master: {
        handle: LandscapeHandle.of(0x100000),
        primary: server(vars, 'mls-1'),
        secondaries: [server(vars, 'mls-2')],
      },
      standbyMode: StandbyMode.HOT,
      install: vars.install(),
      planResource: planResourceFromEnvironment(),
    });
    this.estate.addOneClickServer('oneclick', server(vars, 'oneclick-1'));
  }
}

class LandscapeGroupStack extends TerraformStack {
  constructor(scope: Construct, id: string, estate: DistributedLandscape, sites: readonly string[], firstHandle: number) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars', { literalHosts: true });
    sites.forEach((site, index) => new FaultTolerantLandscape(this, site, {
      distributedLandscape: estate,
      handle: LandscapeHandle.of(firstHandle + index * 0x100000),
      primary: server(vars, `${site}-1`),
      secondaries: [server(vars, `${site}-2`)],
      install: vars.install(),
    }));
  }
}

const app = new App();
const master = new MasterStack(app, 'spectrum-master');
let handle = 0x200000;
for (const [stack, sites] of Object.entries(inventory.groups)) {
  new LandscapeGroupStack(app, stack, master.estate, sites, handle);
  handle += sites.length * 0x100000;
}
app.synth();
