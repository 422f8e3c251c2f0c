import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, topology } from './topology-builder';
import { SPX151 } from '../../lib/rules/spx151-host-key';

describe('SPX151 host keys', () => {
  test('connections with host keys pass', () => {
    expect(problems(SPX151, validTopology())).toEqual([]);
  });

  test('no host key on the landscape connection: one warning for the landscape', () => {
    const t = topology().landscape('east', { connection: { hasHostKey: false } }).build();
    expectFinding(single(SPX151.check(t)), SPX151, {
      severity: 'warning',
      path: 'app/east',
      message: ['every SpectroSERVER of landscape \'east\'', 'has no hostKey', 'host identity is not verified'],
      fix: 'set connection.hostKey',
    });
  });

  test('a bastion without its host key, on a server and a OneClick server', () => {
    const t = topology()
      .landscape('east', { primary: { connection: { bastionHost: lit('jump') } } })
      .oneClick('oc', { connection: { hasHostKey: false, bastionHost: lit('jump') } })
      .build();
    const findings = SPX151.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east/east-a', 'app/oc']);
    expect(findings[0].message).toContain('has no bastionHostKey for bastion \'jump\'');
    expect(findings[1].message).toContain('has no hostKey and no bastionHostKey for bastion \'jump\'');
  });
});
