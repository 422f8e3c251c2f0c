import { expectFinding, problems, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX155 } from '../../lib/rules/spx155-private-key-file';

describe('SPX155 private key files', () => {
  test('absolute paths, ~/ paths and paths with spaces pass; tokens are left to the script', () => {
    expect(problems(SPX155, validTopology())).toEqual([]);
    const t = topology()
      .landscape('east', { connection: { privateKeyFile: lit('~/.ssh/id_ed25519') } })
      .landscape('west', { connection: { privateKeyFile: lit('/home/ci/my keys/spectrum') } })
      .oneClick('oc', { connection: { privateKeyFile: tok('var.key_file') } })
      .build();
    expect(SPX155.check(t)).toEqual([]);
  });

  test('relative paths and control characters fail, with the fix', () => {
    const t = topology()
      .landscape('east', { connection: { privateKeyFile: lit('.ssh/id_ed25519') } })
      .oneClick('oc', { connection: { privateKeyFile: lit('/keys/a\nb') } })
      .build();
    const findings = SPX155.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/oc']);
    expectFinding(findings[0], SPX155, {
      severity: 'error',
      path: 'app/east',
      message: ['private key file \'.ssh/id_ed25519\' is not an absolute path or one starting with "~/"'],
      fix: 'e.g. ~/.ssh/id_ed25519',
    });
    expect(findings[1].message).toContain('private key file \'/keys/a\\nb\'');
  });
});
