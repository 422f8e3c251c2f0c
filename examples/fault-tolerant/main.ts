import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-spectrum';
import { FaultTolerantLandscape, LandscapeHandle, StandbyMode } from '../../lib';
import { EstateVariables, planResourceFromEnvironment } from '../shared/estate-variables';

/**
 * The fault-tolerant pair of KB 9404: one landscape handle (0x400000), a
 * primary with precedence 10 and a secondary with precedence 20, hot
 * standby (`secondary_polling=yes` in the primary's .vnmrc).
 */
class FaultTolerantStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars');
    new FaultTolerantLandscape(this, 'spectrum', {
      handle: LandscapeHandle.parse('0x400000'),
      primary: { host: vars.host('primary'), precedence: 10, connection: vars.connection('primary') },
      secondaries: [{ host: vars.host('secondary'), precedence: 20, connection: vars.connection('secondary') }],
      standbyMode: StandbyMode.HOT,
      install: vars.install(),
      planResource: planResourceFromEnvironment(),
    });
  }
}

const app = new App();
new FaultTolerantStack(app, 'fault-tolerant');
app.synth();
