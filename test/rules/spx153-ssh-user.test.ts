import { expectFinding, problems, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX153 } from '../../lib/rules/spx153-ssh-user';

describe('SPX153 SSH login names', () => {
  test('login names that are not install owners pass: svc.deploy, Administrator, ec2-user; tokens are left to the script', () => {
    expect(problems(SPX153, validTopology())).toEqual([]);
    const t = topology()
      .landscape('east', { connection: { userValue: lit('svc.deploy'), bastionUser: lit('Administrator') } })
      .landscape('west', { connection: { userValue: lit('ec2-user'), bastionUser: tok('var.jump_user') } })
      .oneClick('oc', { connection: { userValue: tok('var.user') } })
      .build();
    expect(SPX153.check(t)).toEqual([]);
  });

  test('a bad user set for the landscape is reported once; a bad bastion user on a server and a OneClick server', () => {
    const t = topology()
      .landscape('east', { connection: { userValue: lit('deploy@corp.example') } })
      .landscape('west', { secondaries: [{ connection: { bastionUser: lit('-oProxyCommand=id') } }] })
      .oneClick('oc', { connection: { userValue: lit('svc deploy') } })
      .build();
    const findings = SPX153.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/oc', 'app/west/west-b']);
    expectFinding(findings[0], SPX153, {
      severity: 'error',
      path: 'app/east',
      message: ['every SpectroSERVER of landscape \'east\'', 'SSH user \'deploy@corp.example\' is not an SSH login name'],
      fix: 'use the login name of the account on the host',
    });
    expect(findings[1].message).toBe('OneClick server \'oc\': SSH user \'svc deploy\' is not an SSH login name of letters, digits, ".", "_" and "-"');
    expect(findings[2].message).toContain('secondary \'west-b\' of landscape \'west\' (0x200000): bastion user \'-oProxyCommand=id\'');
  });
});
