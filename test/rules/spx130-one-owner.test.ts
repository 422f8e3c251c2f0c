import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX130 } from '../../lib/rules/spx130-one-owner';

describe('SPX130 one install owner per DSS', () => {
  test('one owner passes; standalone landscapes may differ', () => {
    expect(problems(SPX130, validTopology())).toEqual([]);
    const t = topology().landscape('a', { install: { owner: lit('spec1') } }).landscape('b', { install: { owner: lit('spec2') } }).build();
    expect(SPX130.check(t)).toEqual([]);
  });

  test('different owners in a DSS name the servers by owner', () => {
    const t = topology()
      .distributed('estate', d => d
        .master('east')
        .landscape('west', { secondaries: [{ install: { owner: lit('spec2') } }] }))
      .build();
    expectFinding(single(SPX130.check(t)), SPX130, {
      severity: 'error',
      path: 'app/estate',
      message: [
        'distributed landscape \'estate\'',
        '\'spectrum\' (for \'east/east-a\', \'east/east-b\' and \'west/west-a\')',
        '\'spec2\' (for \'west/west-b\')',
      ],
      fix: 'install every SpectroSERVER of a distributed landscape under the same owner',
    });
  });

  test('token owners are skipped', () => {
    const t = topology()
      .distributed('estate', d => d.master('east').landscape('west', { install: { owner: tok('var.owner') } }))
      .build();
    expect(SPX130.check(t)).toEqual([]);
  });
});
