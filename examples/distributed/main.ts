import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-spectrum';
import { DistributedLandscape, LandscapeHandle, StandbyMode } from '../../lib';
import { EstateVariables, planResourceFromEnvironment } from '../shared/estate-variables';

/**
 * The distributed picture of KB 9404: a master landscape that maps two
 * distributed landscapes, each a primary/secondary pair (six
 * SpectroSERVERs), and one OneClick server whose main location server is
 * the master primary.
 */
class DistributedStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars');
    const pair = (name: string) => ({
      primary: { host: vars.host(`${name}-primary`), connection: vars.connection(`${name}-primary`) },
      secondaries: [{ host: vars.host(`${name}-secondary`), connection: vars.connection(`${name}-secondary`) }],
    });
    const estate = new DistributedLandscape(this, 'estate', {
      master: { handle: LandscapeHandle.of(0x100000), ...pair('master') },
      standbyMode: StandbyMode.HOT,
      install: vars.install(),
      planResource: planResourceFromEnvironment(),
    });
    estate.addLandscape('east', { handle: LandscapeHandle.of(0x200000), ...pair('east') });
    estate.addLandscape('west', { handle: LandscapeHandle.of(0x300000), ...pair('west') });
    estate.addOneClickServer('oneclick', { host: vars.host('oneclick'), connection: vars.connection('oneclick') });
  }
}

const app = new App();
new DistributedStack(app, 'distributed');
app.synth();
