import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX152 } from '../../lib/rules/spx152-destroy-time-key';

describe('SPX152 destroy-time key', () => {
  test('a primary reached with a key file (or agent) passes', () => {
    expect(problems(SPX152, validTopology())).toEqual([]);
  });

  test('a primary with secondaries reached only through privateKey content is warned about', () => {
    const t = topology().landscape('east', { primary: { connection: { keyContentOnly: true } } }).build();
    expectFinding(single(SPX152.check(t)), SPX152, {
      severity: 'warning',
      path: 'app/east/east-a',
      message: ['primary \'east-a\'', 'privateKey content', 'MapUpdate'],
      fix: 'connection.privateKeyFile',
    });
  });

  test('without secondaries nothing runs at destroy time, so nothing is reported', () => {
    const t = topology().landscape('solo', { secondaries: [], primary: { connection: { keyContentOnly: true } } }).build();
    expect(SPX152.check(t)).toEqual([]);
  });
});
