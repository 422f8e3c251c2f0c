import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX112 } from '../../lib/rules/spx112-primary-lowest-precedence';

describe('SPX112 primary has the lowest precedence', () => {
  test('primary lowest passes', () => {
    expect(problems(SPX112, validTopology())).toEqual([]);
    expect(SPX112.check(topology().landscape('east', { primary: { precedence: 5 }, secondaries: [{ precedence: 6 }] }).build())).toEqual([]);
  });

  test('a secondary below the primary', () => {
    const t = topology().landscape('east', { primary: { precedence: 30 }, secondaries: [{ precedence: 20 }, { precedence: 40 }] }).build();
    expectFinding(single(SPX112.check(t)), SPX112, {
      severity: 'error',
      path: 'app/east/east-a',
      message: ['primary \'east-a\' of landscape \'east\'', 'precedence 30 is not the lowest', 'secondary \'east-b\' (20) has a lower one'],
      fix: 'give the primary the lowest precedence',
    });
  });

  test('several lower secondaries are listed together', () => {
    const t = topology().landscape('east', { primary: { precedence: 50 }, secondaries: [{ precedence: 20 }, { precedence: 30 }] }).build();
    expect(single(SPX112.check(t)).message).toContain('secondaries \'east-b\' (20) and \'east-c\' (30) have a lower one');
  });

  test('equal or invalid precedences are left to SPX110 and SPX111', () => {
    const t = topology()
      .landscape('same', { primary: { precedence: 20 }, secondaries: [{ precedence: 20 }] })
      .landscape('badPrimary', { primary: { precedence: -1 }, secondaries: [{ precedence: 20 }] })
      .landscape('badSecondary', { primary: { precedence: 10 }, secondaries: [{ precedence: -5 }, { precedence: 0.5 }] })
      .build();
    expect(SPX112.check(t)).toEqual([]);
  });
});
