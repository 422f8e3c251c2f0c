import { App, DataResource, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-spectrum';
import { FaultTolerantLandscape, LandscapeHandle } from '../../lib';
import { EstateVariables, planResourceFromEnvironment } from '../shared/estate-variables';

/**
 * A landscape composed inside a larger stack: the hosts come from other
 * resources' attributes (here `terraform_data` standing in for the VMs a
 * cloud provider would create, so the example needs no provider download),
 * and a downstream resource waits for the landscape to be ready: it runs
 * `onboarding_command` (e.g. a device import through OneClick's REST API)
 * once the landscape is installed, configured and its secondary seeded.
 */
class MonitoringPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vars = new EstateVariables(this, 'vars');
    const primaryVm = new DataResource(this, 'primary-vm', { input: { address: vars.host('primary') } });
    const secondaryVm = new DataResource(this, 'secondary-vm', { input: { address: vars.host('secondary') } });

    const spectrum = new FaultTolerantLandscape(this, 'spectrum', {
      handle: LandscapeHandle.parse('0x500000'),
      primary: { host: primaryVm.getStringAttribute('output.address'), connection: vars.connection('primary') },
      secondaries: [{ host: secondaryVm.getStringAttribute('output.address'), connection: vars.connection('secondary') }],
      install: vars.install(),
      planResource: planResourceFromEnvironment(),
    });

    // Anything that needs a working landscape depends on `ready`.
    const onboardingCommand = new TerraformVariable(this, 'onboarding_command', {
      type: 'string',
      default: 'echo "Spectrum is ready: main location server $SPECTRUM_MAIN_LOCATION_SERVER"',
      description: 'Run on the machine running Terraform once the landscape is ready; $SPECTRUM_MAIN_LOCATION_SERVER is the primary',
    });
    const onboarding = new DataResource(this, 'onboard-devices', {
      input: { mainLocationServer: spectrum.primary.host },
      dependsOn: [spectrum.ready],
      provisioners: [{
        type: 'local-exec',
        command: onboardingCommand.stringValue,
        environment: { SPECTRUM_MAIN_LOCATION_SERVER: spectrum.primary.host },
      }],
    });
    new TerraformOutput(this, 'main_location_server', { value: onboarding.output });
  }
}

const app = new App();
new MonitoringPlatformStack(app, 'composed');
app.synth();
