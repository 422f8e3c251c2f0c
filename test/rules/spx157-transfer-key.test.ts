import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX157 } from '../../lib/rules/spx157-transfer-key';

const CONTENT_ONLY = { hasPrivateKey: true, hasPrivateKeyFile: false, agent: false };

describe('SPX157 the transfer needs a key file or the SSH agent', () => {
  test('key files pass', () => {
    expect(problems(SPX157, validTopology())).toEqual([]);
  });

  test('key content next to a key file, or with the agent, passes', () => {
    const t = topology()
      .landscape('file', { connection: { hasPrivateKey: true, hasPrivateKeyFile: true } })
      .landscape('agent', { connection: { hasPrivateKey: true, hasPrivateKeyFile: false, agent: true } })
      .build();
    expect(SPX157.check(t)).toEqual([]);
  });

  test('key content only, on a landscape without secondaries (no transfer) and on a OneClick server, passes', () => {
    const t = topology()
      .landscape('solo', { secondaries: [], connection: CONTENT_ONLY })
      .oneClick('oc', { connection: CONTENT_ONLY })
      .build();
    expect(SPX157.check(t)).toEqual([]);
  });

  test('key content only for the whole landscape: one error for the landscape that says why and how to fix it', () => {
    const t = topology().landscape('east', { connection: CONTENT_ONLY }).build();
    expectFinding(single(SPX157.check(t)), SPX157, {
      severity: 'error',
      path: 'app/east',
      message: [
        'every SpectroSERVER of landscape \'east\'',
        'gives the private key only as content (privateKey)',
        'the key would have to pass through that machine\'s environment',
      ],
      fix: 'set connection.privateKeyFile to the key\'s path on the machine that runs Terraform',
    });
    expect(single(SPX157.check(t)).fix).toContain('or agent: true');
  });

  test('key content only on one secondary: the error names that secondary', () => {
    const t = topology().landscape('east', { secondaries: [{}, { connection: CONTENT_ONLY }] }).build();
    const finding = single(SPX157.check(t));
    expect(finding.path).toBe('app/east/east-c');
    expect(finding.message).toMatch(/^secondary 'east-c' of landscape 'east' \(0x100000\): /);
  });
});
