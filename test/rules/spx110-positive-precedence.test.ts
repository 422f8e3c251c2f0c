import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX110 } from '../../lib/rules/spx110-positive-precedence';

describe('SPX110 positive precedence', () => {
  test('positive integers pass', () => {
    expect(problems(SPX110, validTopology())).toEqual([]);
    expect(SPX110.check(topology().landscape('east', { primary: { precedence: 1 }, secondaries: [{ precedence: 1000000 }] }).build())).toEqual([]);
  });

  test('zero, negative, fractional and NaN precedences fail, on the server', () => {
    const t = topology()
      .landscape('east', { primary: { precedence: 0 }, secondaries: [{ precedence: -20 }, { precedence: 2.5 }, { precedence: Number.NaN }] })
      .build();
    const findings = SPX110.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east/east-a', 'app/east/east-b', 'app/east/east-c', 'app/east/east-d']);
    expectFinding(findings[2], SPX110, {
      severity: 'error',
      path: 'app/east/east-c',
      message: ['secondary \'east-c\' of landscape \'east\' (0x100000)', 'precedence 2.5 is not a whole number from 1 to 999999999'],
      fix: 'use a whole number from 1 to 999999999',
    });
  });

  test('precedences the scripts refuse fail at synth too: 1e9, 2**31 and beyond', () => {
    const t = topology()
      .landscape('east', { secondaries: [{ precedence: 999_999_999 }, { precedence: 1e9 }, { precedence: 2 ** 31 }, { precedence: Number.MAX_SAFE_INTEGER }] })
      .build();
    expect(SPX110.check(t).map(f => f.path)).toEqual(['app/east/east-c', 'app/east/east-d', 'app/east/east-e']);
    expect(SPX110.check(t)[1].message).toContain('precedence 2147483648 is not a whole number from 1 to 999999999');
  });

  test('one bad primary', () => {
    const f = single(SPX110.check(topology().landscape('east', { primary: { precedence: -1 } }).build()));
    expect(f.message).toContain('primary \'east-a\'');
  });
});
