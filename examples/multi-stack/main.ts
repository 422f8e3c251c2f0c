import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-spectrum';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, StandbyMode } from '../../lib';
import { EstateVariables, planResourceFromEnvironment } from '../shared/estate-variables';

/**
 * One distributed estate split across stacks: the master landscape and the
 * OneClick server in one stack, each group of distributed landscapes in a
 * stack of its own. Terraform state and locking are sharded per stack, so
 * HCP Terraform, Terraform Enterprise or Atlantis plan and apply the groups
 * in parallel once the master stack is up (cdktf deploys dependent stacks
 * after the stacks they depend on). Handles stay unique across all stacks
 * (SPX101 checks the whole app).
 *
 * Hosts here are literal names (as in a site's inventory), because the
 * master stack lists every host of the estate in its .hostrc.
 */
const GROUPS: { [stack: string]: string[] } = {
  'spectrum-emea': ['paris', 'berlin'],
  'spectrum-apac': ['tokyo', 'sydney'],
};

class MasterStack extends TerraformStack {
  public readonly estate: DistributedLandscape;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars');
    this.estate = new DistributedLandscape(this, 'estate', {
      master: {
        handle: LandscapeHandle.of(0x100000),
        primary: { host: 'mls-1.example.net' },
        secondaries: [{ host: 'mls-2.example.net' }],
      },
      standbyMode: StandbyMode.HOT,
      install: vars.install(),
      connection: { user: vars.sshUser.stringValue, privateKeyFile: vars.sshPrivateKeyFile.stringValue },
      planResource: planResourceFromEnvironment(),
    });
    this.estate.addOneClickServer('oneclick', { host: 'oneclick-1.example.net' });
  }
}

class LandscapeGroupStack extends TerraformStack {
  constructor(scope: Construct, id: string, estate: DistributedLandscape, sites: string[], firstHandle: number) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars');
    sites.forEach((site, index) => new FaultTolerantLandscape(this, site, {
      distributedLandscape: estate,
      handle: LandscapeHandle.of(firstHandle + index * 0x100000),
      primary: { host: `${site}-1.example.net` },
      secondaries: [{ host: `${site}-2.example.net` }],
      install: vars.install(),
      connection: { user: vars.sshUser.stringValue, privateKeyFile: vars.sshPrivateKeyFile.stringValue },
    }));
  }
}

const app = new App();
const master = new MasterStack(app, 'spectrum-master');
let handle = 0x200000;
for (const [stack, sites] of Object.entries(GROUPS)) {
  new LandscapeGroupStack(app, stack, master.estate, sites, handle);
  handle += sites.length * 0x100000;
}
app.synth();
