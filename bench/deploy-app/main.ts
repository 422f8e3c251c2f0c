import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DistributedLandscape, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';
import { EstateVariables } from '../../examples/shared/estate-variables';

/**
 * The estate `npm run bench:deploy` deploys: a master landscape and
 * SPECTRUM_BENCH_LANDSCAPES distributed landscapes, each a primary/secondary
 * pair, hosts `master-primary`, `master-secondary`, `l<i>-primary`,
 * `l<i>-secondary` from the examples' variables.
 */
export function benchHostNames(landscapes: number): string[] {
  const pair = (name: string) => [`${name}-primary`, `${name}-secondary`];
  return [...pair('master'), ...Array.from({ length: landscapes }, (_, i) => pair(`l${i}`)).flat()];
}

class BenchStack extends TerraformStack {
  constructor(scope: Construct, id: string, landscapes: number) {
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
      planResource: PlanResource.TERRAFORM_DATA,
    });
    for (let i = 0; i < landscapes; i++) {
      estate.addLandscape(`l${i}`, { handle: LandscapeHandle.of(0x200000 + i * 0x100000), ...pair(`l${i}`) });
    }
  }
}

if (require.main === module) {
  const landscapes = Number(process.env.SPECTRUM_BENCH_LANDSCAPES ?? '1');
  const app = new App();
  new BenchStack(app, 'bench', landscapes);
  app.synth();
}
