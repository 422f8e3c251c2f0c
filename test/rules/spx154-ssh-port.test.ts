import { expectFinding, problems, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX154 } from '../../lib/rules/spx154-ssh-port';

describe('SPX154 SSH ports', () => {
  test('ports 1..65535 pass; tokens are left to the script', () => {
    expect(problems(SPX154, validTopology())).toEqual([]);
    const t = topology()
      .landscape('east', { connection: { portValue: lit('65535'), bastionPort: lit('1') } })
      .oneClick('oc', { connection: { portValue: tok('var.port'), bastionPort: tok('var.bastion_port') } })
      .build();
    expect(SPX154.check(t)).toEqual([]);
  });

  test('port 0, 70000 and a fraction fail', () => {
    const t = topology()
      .landscape('east', { connection: { portValue: lit('0') } })
      .landscape('west', { connection: { bastionPort: lit('70000') } })
      .oneClick('oc', { connection: { portValue: lit('22.5') } })
      .build();
    const findings = SPX154.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/oc', 'app/west']);
    expectFinding(findings[0], SPX154, {
      severity: 'error', path: 'app/east', message: ['SSH port \'0\' is not a whole number from 1 to 65535'], fix: 'the TCP port sshd listens on',
    });
    expect(findings[2].message).toContain('bastion port \'70000\'');
    expect(findings[1].message).toContain('SSH port \'22.5\'');
  });
});
