import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX120 } from '../../lib/rules/spx120-valid-host';

describe('SPX120 valid hosts', () => {
  test('host names and addresses pass', () => {
    expect(problems(SPX120, validTopology())).toEqual([]);
    const t = topology().landscape('east', { primary: { host: '192.0.2.10' }, secondaries: [{ host: '2001:db8::10' }] }).build();
    expect(SPX120.check(t)).toEqual([]);
  });

  test('a SpectroSERVER host with shell syntax', () => {
    const t = topology().landscape('east', { secondaries: [{ host: 'ss2; rm -rf /' }] }).build();
    expectFinding(single(SPX120.check(t)), SPX120, {
      severity: 'error',
      path: 'app/east/east-b',
      message: ['secondary \'east-b\' of landscape \'east\'', 'host \'ss2; rm -rf /\' is not a valid host name or IP address'],
      fix: 'use a DNS name of letters, digits and hyphens',
    });
  });

  test('control characters and quotes are escaped; a main location server that is a bad SpectroSERVER host is reported once', () => {
    const t = topology().landscape('east', { primary: { host: 'ss1\n\'x' } }).build();
    expect(single(SPX120.check(t)).message).toContain('host \'ss1\\n\\\'x\'');
  });

  test('OneClick host, bastion host and main location servers are checked', () => {
    const t = topology()
      .landscape('east', { mainLocationServer: '$(id)', connection: { bastionHost: lit('jump host'), bastionHasHostKey: true } })
      .oneClick('console', { host: 'oc`id`', mainLocationServer: 'mls!', connection: { bastionHost: lit('j"b') } })
      .build();
    const findings = SPX120.check(t);
    expect(findings.map(f => [f.path, f.message.split(': ')[1]])).toEqual([
      ['app/east', 'bastion host \'jump host\' is not a valid host name or IP address'],
      ['app/east', 'main location server \'$(id)\' is not a valid host name or IP address'],
      ['app/console', 'host \'oc`id`\' is not a valid host name or IP address'],
      ['app/console', 'bastion host \'j"b\' is not a valid host name or IP address'],
      ['app/console', 'main location server \'mls!\' is not a valid host name or IP address'],
    ]);
    // A bastion shared by every server is reported once, on the landscape.
    expect(findings[0].message).toContain('every SpectroSERVER of landscape \'east\'');
  });

  test('a bastion set on one server only is reported on that server', () => {
    const t = topology().landscape('east', { secondaries: [{ connection: { bastionHost: lit('bad bastion') } }] }).build();
    expect(single(SPX120.check(t)).path).toBe('app/east/east-b');
  });

  test('a token host is skipped with an info note, once per token', () => {
    const host = tok('aws_instance.ss1.private_ip');
    const t = topology()
      .landscape('east', { primary: { host }, mainLocationServer: host })
      .build();
    const f = single(SPX120.check(t));
    expectFinding(f, SPX120, {
      severity: 'info',
      path: 'app/east/east-a',
      message: ['primary \'east-a\'', 'host (token ${TfToken[aws_instance.ss1.private_ip]}) is a token, so SPX120 is skipped for it'],
      fix: 'checked at apply time',
    });
  });

  test('the same token text in two stacks is noted in each', () => {
    const t = topology()
      .inStack('a').landscape('east', { primary: { host: tok('x') } })
      .inStack('b').landscape('east', { primary: { host: tok('x') } })
      .build();
    expect(SPX120.check(t).map(f => [f.severity, f.path])).toEqual([['info', 'a/east/east-a'], ['info', 'b/east/east-a']]);
  });
});
