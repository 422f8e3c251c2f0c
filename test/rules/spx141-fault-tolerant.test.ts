import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX141 } from '../../lib/rules/spx141-fault-tolerant';

describe('SPX141 fault tolerance', () => {
  test('a landscape with a secondary passes', () => {
    expect(problems(SPX141, validTopology())).toEqual([]);
  });

  test('a landscape without secondaries is a warning', () => {
    const t = topology().landscape('east', { secondaries: [] }).build();
    expectFinding(single(SPX141.check(t)), SPX141, {
      severity: 'warning',
      path: 'app/east',
      message: ['landscape \'east\' (0x100000)', 'only the primary \'east-a\'', 'not fault tolerant'],
      fix: 'add a secondary SpectroSERVER on another host',
    });
  });
});
