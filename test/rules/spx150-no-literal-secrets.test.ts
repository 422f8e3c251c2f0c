import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, topology } from './topology-builder';
import { SPX150 } from '../../lib/rules/spx150-no-literal-secrets';

describe('SPX150 no literal secrets', () => {
  test('token secrets pass', () => {
    expect(problems(SPX150, validTopology())).toEqual([]);
  });

  test('a literal owner password for the landscape', () => {
    const t = topology()
      .landscape('east', { install: { mediaPath: lit('/mnt/s'), hasOwnerPassword: true, ownerPasswordIsLiteral: true } })
      .build();
    expectFinding(single(SPX150.check(t)), SPX150, {
      severity: 'error',
      path: 'app/east',
      message: ['every SpectroSERVER of landscape \'east\'', 'the install owner\'s password is a literal string in the code'],
      fix: 'sensitive TerraformVariable or a secret from another resource',
    });
  });

  test('a literal private key on one server and on a OneClick server', () => {
    const t = topology()
      .landscape('east', { secondaries: [{ connection: { privateKeyIsLiteral: true } }] })
      .oneClick('oc', { connection: { privateKeyIsLiteral: true }, install: { ownerPasswordIsLiteral: true, hasOwnerPassword: true } })
      .build();
    const findings = SPX150.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east/east-b', 'app/oc']);
    expect(findings[0].message).toContain('secondary \'east-b\' of landscape \'east\' (0x100000): the SSH private key is a literal string');
    expect(findings[1].message).toContain('the install owner\'s password and the SSH private key are literal strings');
  });
});
