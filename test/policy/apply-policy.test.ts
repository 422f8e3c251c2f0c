import { Finding } from '../../lib/model/finding';
import { applyPolicy, changedByPolicy, EMPTY_POLICY, enabledOptionalRules, Policy } from '../../lib/policy/policy';

function finding(ruleId: string, severity: Finding['severity'], path: string): Finding {
  return { ruleId, severity, path, stack: path.split('/')[0], message: `${ruleId} at ${path}`, fix: 'fix it' };
}

function policy(rules: Policy['rules'], suppressions: Array<{ ruleId: string; path?: string; reason?: string }> = []): Policy {
  return { rules, suppressions: suppressions.map((s, i) => ({ reason: 'accepted', ...s, source: `test /suppressions/${i}` })) };
}

describe('applying a policy to findings', () => {
  const findings = [
    finding('SPX101', 'error', 'app/east'),
    finding('SPX141', 'warning', 'app/east'),
    finding('SPX151', 'warning', 'app/lab/lab-a'),
    finding('SPX151', 'warning', 'app/laboratory'),
    finding('SPX120', 'info', 'app/east/primary'),
    finding('SPX120', 'error', 'app/west/primary'),
  ];

  test('the empty policy changes nothing', () => {
    expect(applyPolicy(findings, EMPTY_POLICY)).toEqual({ findings, suppressed: [] });
    expect(findings.some(f => changedByPolicy(EMPTY_POLICY, f))).toBe(false);
  });

  test('raises a warning to an error and turns notes off; order is kept', () => {
    const outcome = applyPolicy(findings, policy({ SPX141: { severity: 'error', parameters: {} }, SPX120: { severity: 'off', parameters: {} } }));
    expect(outcome.findings.map(f => `${f.ruleId}:${f.severity}:${f.path}`)).toEqual([
      'SPX101:error:app/east',
      'SPX141:error:app/east',
      'SPX151:warning:app/lab/lab-a',
      'SPX151:warning:app/laboratory',
      // SPX120's note is off; its error stays: catalogue errors are never lowered
      'SPX120:error:app/west/primary',
    ]);
  });

  test('catalogue errors are never lowered or suppressed', () => {
    const p = policy({ SPX101: { severity: 'info', parameters: {} } }, [{ ruleId: 'SPX101' }]);
    expect(applyPolicy([findings[0]], p)).toEqual({ findings: [findings[0]], suppressed: [] });
    expect(changedByPolicy(p, findings[0])).toBe(false);
  });

  test('a suppression covers its path and everything below it, not a sibling with the same prefix', () => {
    const outcome = applyPolicy(findings, policy({}, [{ ruleId: 'SPX151', path: 'app/lab', reason: 'lab hosts are re-imaged nightly' }]));
    expect(outcome.suppressed).toEqual([{ ...findings[2], reason: 'lab hosts are re-imaged nightly', suppressedBy: 'test /suppressions/0' }]);
    expect(outcome.findings).toContainEqual(findings[3]);
    expect(changedByPolicy(policy({}, [{ ruleId: 'SPX151', path: 'app/lab' }]), findings[2])).toBe(true);
    expect(changedByPolicy(policy({}, [{ ruleId: 'SPX151', path: 'app/lab' }]), findings[3])).toBe(false);
  });

  test('a suppression without a path covers the rule everywhere; the nearest path wins', () => {
    const outcome = applyPolicy(findings, policy({}, [
      { ruleId: 'SPX151', reason: 'everywhere' },
      { ruleId: 'SPX151', path: 'app/lab/lab-a', reason: 'this one' },
    ]));
    expect(outcome.suppressed.map(f => [f.path, f.reason])).toEqual([['app/lab/lab-a', 'this one'], ['app/laboratory', 'everywhere']]);
  });

  test('a suppressed finding keeps the severity the policy gave it', () => {
    const outcome = applyPolicy([findings[1]], policy({ SPX141: { severity: 'error', parameters: {} } }, [{ ruleId: 'SPX141', path: 'app/east' }]));
    expect(outcome.findings).toEqual([]);
    expect(outcome.suppressed[0].severity).toBe('error');
  });

  test('optional rules run only when the policy names them, with their parameters; `off` keeps them off', () => {
    expect(enabledOptionalRules(EMPTY_POLICY)).toEqual([]);
    const rules = enabledOptionalRules(policy({
      SPX200: { parameters: {} },
      SPX201: { severity: 'off', parameters: {} },
      SPX202: { severity: 'warning', parameters: { maxLandscapes: 3 } },
      SPX141: { severity: 'error', parameters: {} },
    }));
    expect(rules.map(r => r.id)).toEqual(['SPX200', 'SPX202']);
  });

  test('linear: 20,000 findings and 2,000 suppressions', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => finding('SPX151', 'warning', `app/l${i}/l${i}-a`));
    const suppressions = Array.from({ length: 2_000 }, (_, i) => ({ ruleId: 'SPX151', path: `app/l${i * 10}` }));
    const outcome = applyPolicy(many, policy({}, suppressions));
    expect(outcome.suppressed).toHaveLength(2_000);
    expect(outcome.findings).toHaveLength(18_000);
  });
});
