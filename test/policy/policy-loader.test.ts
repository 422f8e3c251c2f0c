import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadPolicyFile, parsePolicy, PolicyError } from '../../lib/policy/policy-loader';
import { policySchema } from '../../lib/policy/policy-schema';

/** The problems of a policy document, one line each. */
function problemsOf(text: string, format: 'json' | 'yaml' = 'json', shown = 'policy.json'): readonly string[] {
  try {
    parsePolicy(text, shown, format);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as PolicyError).problems;
  }
  throw new Error('the policy was accepted');
}

describe('policy files', () => {
  test('a JSON policy: optional rules on, severities, suppressions with reasons', () => {
    const policy = parsePolicy(JSON.stringify({
      $schema: 'https://example.com/policy.schema.json',
      version: 1,
      rules: { SPX141: { severity: 'error' }, SPX200: {}, SPX202: { maxLandscapes: 8 }, SPX140: { severity: 'off' } },
      suppressions: [{ rule: 'SPX151', path: 'lab/estate', reason: '  lab hosts are re-imaged nightly  ' }],
    }), 'policy.json', 'json');
    expect(policy.rules).toEqual({
      SPX141: { severity: 'error', parameters: {} },
      SPX200: { severity: undefined, parameters: {} },
      SPX202: { severity: undefined, parameters: { maxLandscapes: 8 } },
      SPX140: { severity: 'off', parameters: {} },
    });
    expect(policy.suppressions).toEqual([
      { ruleId: 'SPX151', path: 'lab/estate', reason: 'lab hosts are re-imaged nightly', source: 'policy.json /suppressions/0' },
    ]);
  });

  test('the same policy in YAML, read from a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const file = path.join(dir, 'spectrum-policy.yaml');
    fs.writeFileSync(file, [
      'version: 1',
      'rules:',
      '  SPX141: { severity: error }',
      '  SPX202:',
      '    maxLandscapes: 8',
      'suppressions:',
      '  - rule: SPX151',
      '    reason: lab hosts are re-imaged nightly',
    ].join('\n'));
    const policy = loadPolicyFile(file, 'spectrum-policy.yaml');
    expect(policy.rules.SPX202).toEqual({ severity: undefined, parameters: { maxLandscapes: 8 } });
    expect(policy.suppressions[0]).toEqual({ ruleId: 'SPX151', path: undefined, reason: 'lab hosts are re-imaged nightly', source: 'spectrum-policy.yaml /suppressions/0' });
    fs.rmSync(dir, { recursive: true });
  });

  test.each([
    ['a bad severity', { version: 1, rules: { SPX141: { severity: 'fatal' } } },
      'policy.json: /rules/SPX141/severity must be one of error, warning, info, off'],
    ['an unknown rule', { version: 1, rules: { SPX999: {} } },
      'policy.json: /rules/SPX999 is not a rule of cdktf-spectrum (known: SPX100, SPX101'],
    ['a suppression without a reason', { version: 1, suppressions: [{ rule: 'SPX151' }] },
      'policy.json: /suppressions/0/reason is required: a suppression says why the finding is acceptable'],
    ['a suppression with an empty reason', { version: 1, suppressions: [{ rule: 'SPX151', reason: '   ' }] },
      'policy.json: /suppressions/0/reason must not be empty: say why the finding is acceptable'],
    ['a suppression of an unknown rule', { version: 1, suppressions: [{ rule: 'SPX998', reason: 'x' }] },
      'policy.json: /suppressions/0/rule SPX998 is not a rule of cdktf-spectrum'],
    ['a malformed rule id', { version: 1, suppressions: [{ rule: 'spx151', reason: 'x' }] },
      'policy.json: /suppressions/0/rule must be a rule id such as SPX141'],
    ['a missing parameter', { version: 1, rules: { SPX202: {} } },
      'policy.json: /rules/SPX202/maxLandscapes is required'],
    ['a parameter out of range', { version: 1, rules: { SPX202: { maxLandscapes: 0 } } },
      'policy.json: /rules/SPX202/maxLandscapes must be at least 1'],
    ['a parameter of the wrong type', { version: 1, rules: { SPX202: { maxLandscapes: '8' } } },
      'policy.json: /rules/SPX202/maxLandscapes must be an integer'],
    ['a parameter a rule does not take', { version: 1, rules: { SPX141: { maxLandscapes: 3 } } },
      'policy.json: /rules/SPX141/maxLandscapes is not allowed (allowed: severity)'],
    ['an unknown top-level field', { version: 1, rule: {} },
      'policy.json: /rule is not allowed (allowed: $schema, version, rules, suppressions)'],
    ['no version', { rules: {} },
      'policy.json: /version is required'],
    ['another version', { version: 2 },
      'policy.json: /version must be 1'],
    ['not an object', [1, 2],
      'policy.json: / must be an object'],
  ])('%s is named by its JSON pointer', (_name, document, expected) => {
    const problems = problemsOf(JSON.stringify(document));
    if (!problems.some(p => p.startsWith(expected))) throw new Error(`expected '${expected}' among:\n${problems.join('\n')}`);
    expect(problems.every(p => p.startsWith('policy.json: /'))).toBe(true);
  });

  test('every problem is reported, not just the first', () => {
    const problems = problemsOf(JSON.stringify({ version: 1, rules: { SPX141: { severity: 'fatal' }, SPX999: {} }, suppressions: [{ rule: 'SPX151' }] }));
    expect(problems).toHaveLength(3);
  });

  test('invalid JSON and invalid YAML say where', () => {
    expect(problemsOf('{"version": 1,,}')[0]).toMatch(/^policy\.json: not valid JSON \(line 1, column 15: .+\)$/);
    expect(problemsOf('version: 1\nrules:\n  SPX141: { severity: error\n', 'yaml', 'policy.yaml')[0])
      .toMatch(/^policy\.yaml: not valid YAML \(line \d+, column \d+: .+\)$/);
    expect(problemsOf('version: 1\nversion: 1\n', 'yaml', 'policy.yaml')[0]).toMatch(/^policy\.yaml: not valid YAML \(.*unique/i);
  });

  test('an empty YAML file is not a policy', () => {
    expect(problemsOf('', 'yaml', 'policy.yaml')).toEqual(['policy.yaml: / must be an object']);
  });

  test('docs/policy.schema.json is the published schema, current with the rule catalogue', () => {
    const published = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'policy.schema.json'), 'utf8'));
    // When this fails after adding a rule: node bin/cdktf-spectrum schema policy --output docs/policy.schema.json
    expect(published).toEqual(policySchema());
  });
});
