import { expectFinding, problems, single, validTopology } from './helpers';
import { tok, topology } from './topology-builder';
import { SPX143 } from '../../lib/rules/spx143-reseed-and-retention';

describe('SPX143 reseed and retain', () => {
  test('unset, retain 1 or 10, a date, a run id or a token as reseed: pass', () => {
    expect(problems(SPX143, validTopology())).toEqual([]);
    const t = topology()
      .landscape('a', { retain: 1, reseed: '2026-12-01' })
      .landscape('b', { retain: 10, reseed: 'nightly run 4711/attempt-2 @ 02:00+00' })
      .landscape('c', { reseed: tok('var.reseed') })
      .build();
    expect(SPX143.check(t)).toEqual([]);
  });

  test.each([[0], [-1], [2.5], [Number.NaN], [1e7]])('retain %p is an error', retain => {
    const t = topology().landscape('east', { retain }).build();
    expectFinding(single(SPX143.check(t)), SPX143, {
      severity: 'error', path: 'app/east', message: ['landscape \'east\'', 'is not a whole number from 1 to 999999'], fix: 'at least 1',
    });
  });

  test('a literal reseed with shell syntax or a line break is an error naming the value', () => {
    const t = topology().landscape('east', { reseed: '$(reboot)' }).landscape('west', { reseed: 'a\nb' }).build();
    const findings = SPX143.check(t);
    expect(findings).toHaveLength(2);
    expectFinding(findings[0], SPX143, { severity: 'error', path: 'app/east', message: ['reseed \'$(reboot)\' is not a label'], fix: 'reseed: \'2026-12-01\'' });
    expectFinding(findings[1], SPX143, { severity: 'error', path: 'app/west', message: ['reseed \'a\\nb\''], fix: 'a date, a run id' });
  });
});
