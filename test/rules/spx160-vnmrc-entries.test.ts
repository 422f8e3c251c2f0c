import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX160 } from '../../lib/rules/spx160-vnmrc-entries';

describe('SPX160 .vnmrc entries', () => {
  test('identifier keys, one-line values and agreeing managed keys pass', () => {
    expect(problems(SPX160, validTopology())).toEqual([]);
    const t = topology()
      .landscape('warm', { primary: { vnmrc: { secondary_polling: 'no' } }, secondaries: [{ vnmrc: { is_secondary: 'TRUE', wait_active: 'yes' } }] })
      .build();
    expect(SPX160.check(t)).toEqual([]);
  });

  test('a key that is not an identifier', () => {
    const t = topology().landscape('east', { primary: { vnmrc: { 'bad key': 'x' } } }).build();
    expectFinding(single(SPX160.check(t)), SPX160, {
      severity: 'error',
      path: 'app/east/east-a',
      message: ['primary \'east-a\'', 'vnmrc key \'bad key\' is not an identifier'],
      fix: 'use a key of letters, digits',
    });
  });

  test('multi-line, NUL and over-long values', () => {
    const t = topology()
      .landscape('east', { primary: { vnmrc: { a: 'x\ny=1', b: 'x\0', c: 'x'.repeat(1025) } } })
      .build();
    const findings = SPX160.check(t);
    expect(findings.map(f => f.message.split(': ')[1])).toEqual([
      'vnmrc value of \'a\' contains a line break',
      'vnmrc value of \'b\' contains a NUL character',
      'vnmrc value of \'c\' is 1025 characters long',
    ]);
    expect(findings[0].fix).toContain('single-line value');
  });

  test('secondary_polling contradicting HOT standby', () => {
    const t = topology().landscape('east', { standbyMode: 'HOT', primary: { vnmrc: { secondary_polling: 'no' } } }).build();
    expectFinding(single(SPX160.check(t)), SPX160, {
      severity: 'error',
      path: 'app/east/east-a',
      message: ['vnmrc sets secondary_polling \'no\'', 'standby mode HOT sets secondary_polling=yes'],
      fix: 'the plan sets it from standbyMode',
    });
  });

  test('secondary_polling yes with WARM standby, and on a secondary', () => {
    const t = topology()
      .landscape('warm', { primary: { vnmrc: { secondary_polling: 'yes' } } })
      .landscape('hot', { standbyMode: 'HOT', secondaries: [{ vnmrc: { secondary_polling: 'yes' } }] })
      .build();
    const findings = SPX160.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/warm/warm-a', 'app/hot/hot-b']);
    expect(findings[0].message).toContain('standby mode WARM sets secondary_polling=no');
    expect(findings[1].message).toContain('sets secondary_polling \'yes\' on a secondary, but secondary_polling is managed on the primary from the standby mode (HOT)');
  });
});
