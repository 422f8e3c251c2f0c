import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX140 } from '../../lib/rules/spx140-hot-standby-needs-secondary';

describe('SPX140 HOT standby needs a secondary', () => {
  test('HOT with a secondary, or WARM without, passes', () => {
    expect(problems(SPX140, validTopology())).toEqual([]);
    expect(SPX140.check(topology().landscape('east', { secondaries: [] }).build())).toEqual([]);
  });

  test('HOT without secondaries is a warning', () => {
    const t = topology().landscape('east', { standbyMode: 'HOT', secondaries: [] }).build();
    expectFinding(single(SPX140.check(t)), SPX140, {
      severity: 'warning', path: 'app/east', message: ['landscape \'east\' (0x100000)', 'standby mode HOT has no effect'], fix: 'StandbyMode.WARM',
    });
  });
});
