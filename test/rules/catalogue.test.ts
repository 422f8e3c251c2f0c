import { validTopology } from './helpers';
import { lit, topology } from './topology-builder';
import { formatFinding } from '../../lib/model/finding';
import { ALL_RULES, ruleById, RULES, runRules } from '../../lib/rules/catalogue';
import { Rule } from '../../lib/rules/rule';

describe('rule catalogue', () => {
  test('every rule of the README table (SPX133, SPX134 and SPX142 included), in id order, ids unique', () => {
    expect(RULES.map(r => r.id)).toEqual([
      'SPX100', 'SPX101', 'SPX110', 'SPX111', 'SPX112', 'SPX120', 'SPX121', 'SPX130', 'SPX131', 'SPX132', 'SPX133', 'SPX134',
      'SPX140', 'SPX141', 'SPX142', 'SPX143', 'SPX144', 'SPX150', 'SPX151', 'SPX153', 'SPX154', 'SPX155', 'SPX156', 'SPX157', 'SPX160', 'SPX170', 'SPX171',
    ]);
    expect(new Set(ALL_RULES.map(r => r.id)).size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^SPX\d{3}$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(rule.severity);
    }
    expect(RULES.filter(r => r.severity === 'warning').map(r => r.id)).toEqual(['SPX140', 'SPX141', 'SPX144', 'SPX151']);
  });

  test('ruleById', () => {
    expect(ruleById('SPX121')?.id).toBe('SPX121');
    expect(ruleById('SPX999')).toBeUndefined();
  });

  test('a valid topology has only info notes (its token hosts)', () => {
    const findings = runRules(validTopology());
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every(f => f.severity === 'info' && f.ruleId === 'SPX120')).toBe(true);
  });

  test('several problems are all returned, sorted by rule id then path', () => {
    const t = topology()
      .landscape('zeta', { handle: 0x400000, secondaries: [{ host: 'bad host', precedence: 10 }] })
      .landscape('alpha', { handle: 0x400000, standbyMode: 'HOT', secondaries: [], primary: { vnmrc: { secondary_polling: 'no' } } })
      .landscape('beta', { install: { mediaPath: lit('/mnt/s'), ownerPasswordIsLiteral: true, hasOwnerPassword: true, installDir: lit('/opt/../x') } })
      .distributed('estate', d => d.landscape('east', { backup: 'COMMAND' }), { noMaster: true })
      .build();
    const findings = runRules(t);
    expect(findings.map(f => `${f.ruleId} ${f.severity} ${f.path}`)).toEqual([
      'SPX101 error app/alpha',
      'SPX101 error app/zeta',
      'SPX111 error app/zeta',
      'SPX120 error app/zeta/zeta-b',
      'SPX132 error app/beta',
      'SPX140 warning app/alpha',
      'SPX141 warning app/alpha',
      'SPX142 error app/estate/east',
      'SPX150 error app/beta',
      'SPX160 error app/alpha/alpha-a',
      'SPX170 error app/estate',
    ]);
    expect(formatFinding(findings[0])).toMatch(/^\[SPX101\] landscape 'alpha' \(0x400000\): handle 0x400000 is also used by 'app\/zeta'; give every/);
  });

  test('runRules runs only the rules it is given; optional rules stay out of RULES', () => {
    const t = topology().landscape('east', { secondaries: [] }).build();
    expect(runRules(t, [ruleById('SPX100')!])).toEqual([]);
    expect(runRules(t).map(f => f.ruleId)).toEqual(['SPX141']);
    const optional: Rule = { id: 'SPX200', description: 'an optional policy rule', help: 'turn it on in a policy', severity: 'error', optional: true, check: () => [] };
    expect(RULES.includes(optional)).toBe(false);
    expect(ALL_RULES.every(rule => !rule.optional)).toBe(true);
  });

  test('a rule copied with another severity reports with that severity', () => {
    const stricter: Rule = { ...ruleById('SPX141')!, severity: 'error' };
    const t = topology().landscape('east', { secondaries: [] }).build();
    expect(runRules(t, [stricter]).map(f => f.severity)).toEqual(['error']);
  });
});
