import { expectFinding, problems, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX156 } from '../../lib/rules/spx156-host-key-format';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINCHQviGgmLETRZior6p/zUDh59VXQW5wyFEutIIGIhS';

describe('SPX156 host key format', () => {
  test('OpenSSH public key lines pass, with or without a comment; tokens are left to the script', () => {
    expect(problems(SPX156, validTopology())).toEqual([]);
    const t = topology()
      .landscape('east', { connection: { hostKey: lit(ED25519), bastionHostKey: lit(`${ED25519} root@jump`) } })
      .oneClick('oc', { connection: { hostKey: tok('var.host_key') } })
      .build();
    expect(SPX156.check(t)).toEqual([]);
  });

  test('the README placeholder, a bare base64 blob and a key of the wrong type fail', () => {
    const t = topology()
      .landscape('east', { connection: { hostKey: lit('ssh-ed25519 AAAAC3Nza...') } })
      .landscape('west', { primary: { connection: { bastionHostKey: lit(ED25519.slice(12)) } } })
      .oneClick('oc', { connection: { hostKey: lit(`ssh-rsa ${ED25519.slice(12)}`) } })
      .build();
    const findings = SPX156.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/oc', 'app/west/west-a']);
    expectFinding(findings[0], SPX156, {
      severity: 'error',
      path: 'app/east',
      message: ['host key \'ssh-ed25519 AAAAC3Nza...\' is not an OpenSSH public key'],
      fix: 'TYPE one of ssh-ed25519, ssh-rsa',
    });
    expect(findings[2].message).toContain('bastion host key \'AAAAC3NzaC1lZDI1NTE5');
  });
});
