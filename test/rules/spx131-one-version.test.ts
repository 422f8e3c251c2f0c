import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX131 } from '../../lib/rules/spx131-one-version';

describe('SPX131 one Spectrum version', () => {
  test('one version passes; unset versions are not compared', () => {
    expect(problems(SPX131, validTopology())).toEqual([]);
    const t = topology()
      .distributed('estate', d => d.master('east', { install: { version: '10.4.1' } }).landscape('west').oneClick('oc'))
      .build();
    expect(SPX131.check(t)).toEqual([]);
  });

  test('two versions in one landscape', () => {
    const t = topology().landscape('east', { install: { version: '10.4.1' }, secondaries: [{ install: { version: '10.4.2' } }] }).build();
    expectFinding(single(SPX131.check(t)), SPX131, {
      severity: 'error',
      path: 'app/east',
      message: ['landscape \'east\' (0x100000): Spectrum versions differ', '\'10.4.1\' (on the landscape\'s install settings and \'east-a\')', '\'10.4.2\' (on \'east-b\')'],
      fix: 'install the same Spectrum version on every server',
    });
  });

  test('two versions across a DSS, OneClick included', () => {
    const t = topology()
      .distributed('estate', d => d
        .master('east', { install: { version: '10.4.1' } })
        .landscape('west', { install: { version: '10.4.1' } })
        .oneClick('oc', { install: { version: '10.3.2' } }))
      .build();
    expectFinding(single(SPX131.check(t)), SPX131, {
      severity: 'error',
      path: 'app/estate',
      message: ['distributed landscape \'estate\'', '\'10.4.1\' (on \'east\' and \'west\')', '\'10.3.2\' (on OneClick \'oc\')'],
      fix: 'and of a distributed landscape',
    });
  });

  test('a landscape with mixed versions is reported once, not again on its DSS', () => {
    const t = topology()
      .distributed('estate', d => d
        .master('east', { install: { version: '10.4.1' } })
        .landscape('west', { install: { version: '10.4.1' }, secondaries: [{ install: { version: '10.4.2' } }] }))
      .build();
    expect(single(SPX131.check(t)).path).toBe('app/estate/west');
  });
});
