import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX170 } from '../../lib/rules/spx170-master-and-size';

describe('SPX170 master and size of a DSS', () => {
  test('a DSS with a master passes', () => {
    expect(problems(SPX170, validTopology())).toEqual([]);
  });

  test('a DSS without a master', () => {
    const t = topology().distributed('estate', d => d.landscape('east').landscape('west'), { noMaster: true }).build();
    expectFinding(single(SPX170.check(t)), SPX170, {
      severity: 'error', path: 'app/estate', message: ['distributed landscape \'estate\'', 'has no master landscape'], fix: 'give the distributed landscape a master',
    });
  });

  test('a master path that names no landscape', () => {
    const t = topology().distributed('estate', d => d.landscape('east'), { masterPath: 'app/estate/gone' }).build();
    expect(single(SPX170.check(t)).message).toContain('its master landscape \'app/estate/gone\' is not in the topology');
  });

  test('4094 landscapes pass, 4095 fail', () => {
    const build = (count: number) => topology().distributed('estate', d => {
      d.master('m', { secondaries: [] });
      for (let i = 1; i < count; i++) d.landscape(`l${i}`, { handle: 0x100000, secondaries: [] });
    }).build();
    expect(SPX170.check(build(4094))).toEqual([]);
    expectFinding(single(SPX170.check(build(4095))), SPX170, {
      severity: 'error', path: 'app/estate', message: ['has 4095 landscapes, more than the 4094 legacy landscape handles'], fix: 'at most 4094 landscapes each',
    });
  });
});
