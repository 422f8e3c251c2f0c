import { App, TerraformStack, Testing } from 'cdktf';
import { DistributedLandscape, FaultTolerantLandscape, FaultTolerantLandscapeProps, LandscapeHandle, StandbyMode } from '../../lib';
import { HOST_KEY, secrets } from '../support/synth';

const connection = { hostKey: HOST_KEY };

function valid(overrides: Partial<FaultTolerantLandscapeProps> = {}): FaultTolerantLandscapeProps {
  return {
    handle: LandscapeHandle.of(0x400000),
    primary: { host: 'ss-east-1' },
    secondaries: [{ host: 'ss-east-2' }],
    connection,
    ...overrides,
  };
}

/** The synth error of a stack built by `build`, or undefined when it synthesizes. */
function synthError(build: (stack: TerraformStack, app: App) => void): string | undefined {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'prod');
  build(stack, app);
  try {
    Testing.fullSynth(stack);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('synth-time validation', () => {
  test('a valid landscape synthesizes with validations on', () => {
    expect(synthError(stack => new FaultTolerantLandscape(stack, 'east', valid()))).toBeUndefined();
  });

  test.each([
    ['malformed handle', valid({ handle: LandscapeHandle.parse('0x40000G') }), 'SPX100', "'0x40000G'"],
    ['handle out of range', valid({ handle: LandscapeHandle.of(0x400001) }), 'SPX100', '0x400001'],
    ['equal precedences', valid({ secondaries: [{ host: 'ss-east-2', precedence: 10 }] }), 'SPX111', 'precedence 10'],
    ['non-integer precedence', valid({ secondaries: [{ host: 'ss-east-2', precedence: 20.5 }] }), 'SPX110', '20.5'],
    ['primary not lowest', valid({ primary: { host: 'ss-east-1', precedence: 40 } }), 'SPX112', '40'],
    ['host with shell metacharacters', valid({ primary: { host: 'ss-east-1;rm -rf /' } }), 'SPX120', 'ss-east-1;rm -rf /'],
    ['host with a space', valid({ secondaries: [{ host: 'ss east 2' }] }), 'SPX120', 'ss east 2'],
    ['one host in two roles', valid({ secondaries: [{ host: 'SS-EAST-1' }] }), 'SPX121', 'ss-east-1'],
    ['relative install dir', valid({ install: { installDir: 'opt/CA/Spectrum' } }), 'SPX132', 'opt/CA/Spectrum'],
    ['unsafe install dir', valid({ install: { installDir: '/opt/CA/../Spectrum' } }), 'SPX132', '/opt/CA/../Spectrum'],
    ['bad owner name', valid({ install: { owner: 'Spectrum Admin' } }), 'SPX132', 'Spectrum Admin'],
    ['literal password', valid({ install: { mediaPath: '/mnt/spectrum', ownerPassword: 'hunter2' } }), 'SPX150', "install owner's password is a literal"],
    ['literal private key', valid({ connection: { hostKey: HOST_KEY, privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----' } }), 'SPX150', 'SSH private key is a literal'],
    ['.vnmrc key that injects a line', valid({ primary: { host: 'ss-east-1', vnmrc: { 'a\nb': 'x' } } }), 'SPX160', 'a\\nb'],
    ['.vnmrc value that injects a line', valid({ primary: { host: 'ss-east-1', vnmrc: { wait_active: 'yes\nsecondary_polling=yes' } } }), 'SPX160', 'wait_active'],
    ['secondary_polling contradicting the standby mode', valid({ standbyMode: StandbyMode.HOT, primary: { host: 'ss-east-1', vnmrc: { secondary_polling: 'no' } } }), 'SPX160', 'secondary_polling'],
    ['media without a password', valid({ install: { mediaPath: '/mnt/spectrum' } }), 'SPX133', 'ownerPassword'],
  ])('%s fails synth with a clear error', (_name, props, ruleId, value) => {
    const error = synthError(stack => new FaultTolerantLandscape(stack, 'east', props));
    expect(error).toBeDefined();
    const line = error!.split('\n').find(l => l.includes(`[${ruleId}]`));
    expect(line).toBeDefined();
    expect(line).toContain('prod/east');
    expect(line).toContain(value);
    expect(line).toMatch(/; \S/); // the fix follows the message
    expect(error).not.toMatch(/\n\s+at .*\.(js|ts):\d+/); // no stack trace in the message
  });

  test('key content only (no key file, no agent) on servers with a transfer fails synth with SPX157; a key file or the agent fixes it', () => {
    const withConnection = (extra: object) => synthError(stack => {
      const { key } = secrets(stack);
      new FaultTolerantLandscape(stack, 'east', valid({ connection: { hostKey: HOST_KEY, privateKey: key, ...extra } }));
    });
    const error = withConnection({});
    const line = error?.split('\n').find(l => l.includes('[SPX157]'));
    expect(line).toContain('prod/east');
    expect(line).toContain('the key would have to pass through that machine\'s environment');
    expect(line).toContain('set connection.privateKeyFile to the key\'s path');
    expect(withConnection({ privateKeyFile: '/home/deploy/.ssh/id_ed25519' })).toBeUndefined();
    expect(withConnection({ agent: true })).toBeUndefined();
  });

  test('a secret given as a literal never appears in the error', () => {
    const error = synthError(stack => new FaultTolerantLandscape(stack, 'east', valid({ install: { mediaPath: '/m', ownerPassword: 'hunter2-secret' } })));
    expect(error).toContain('[SPX150]');
    expect(error).not.toContain('hunter2-secret');
  });

  test('several problems are reported together in one error', () => {
    const error = synthError(stack => new FaultTolerantLandscape(stack, 'east', {
      handle: LandscapeHandle.of(0x123),
      primary: { host: 'bad host', precedence: 30 },
      secondaries: [{ host: 'ss-east-2', precedence: 20 }, { host: 'ss-east-3', precedence: 20 }],
      connection,
    }))!;
    for (const id of ['SPX100', 'SPX111', 'SPX112', 'SPX120']) expect(error).toContain(`[${id}]`);
  });

  test('duplicate handles across stacks of one app are found, and the error lists both stacks', () => {
    const app = Testing.app();
    const prod = new TerraformStack(app, 'prod');
    const dr = new TerraformStack(app, 'dr');
    new FaultTolerantLandscape(prod, 'east', valid());
    new FaultTolerantLandscape(dr, 'west', valid({ primary: { host: 'ss-west-1' }, secondaries: [{ host: 'ss-west-2' }] }));
    expect(() => Testing.fullSynth(prod)).toThrow(/\[SPX101\] prod\/east: .*dr\/west/s);
    expect(() => Testing.fullSynth(dr)).toThrow(/\[SPX101\] dr\/west: .*prod\/east/s);
  });

  test('errors from every stack are listed in the first stack that fails', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    new FaultTolerantLandscape(a, 'one', valid({ primary: { host: 'bad host' }, secondaries: [{ host: 'ok-2' }] }));
    new FaultTolerantLandscape(b, 'two', valid({ handle: LandscapeHandle.of(0x500000), install: { owner: 'Bad Owner' }, primary: { host: 'two-1' }, secondaries: [{ host: 'two-2' }] }));
    let message = '';
    try { app.synth(); } catch (error) { message = (error as Error).message; }
    expect(message).toContain('[SPX120] a/one');
    expect(message).toContain('[SPX132] b/two');
  });

  test('warnings are annotations and do not fail synth', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'prod');
    const landscape = new FaultTolerantLandscape(stack, 'solo', {
      handle: LandscapeHandle.of(0x400000),
      primary: { host: 'ss-solo-1' },
      standbyMode: StandbyMode.HOT,
    });
    expect(() => Testing.fullSynth(stack)).not.toThrow();
    const warnings = landscape.node.metadata.filter(m => m.type === '@cdktf/warn').map(m => String(m.data));
    expect(warnings.some(w => w.startsWith('[SPX140]'))).toBe(true);
    expect(warnings.some(w => w.startsWith('[SPX141]'))).toBe(true);
    expect(landscape.primary.node.metadata.concat(landscape.node.metadata).some(m => String(m.data).startsWith('[SPX151]'))).toBe(true);
  });

  test('a DSS with inconsistent owners or versions fails', () => {
    const error = synthError(stack => {
      const { password } = secrets(stack);
      const dss = new DistributedLandscape(stack, 'estate', {
        master: { handle: LandscapeHandle.of(0x100000), primary: { host: 'm-1' }, secondaries: [{ host: 'm-2' }], install: { owner: 'spectrum', version: '10.4.1', mediaPath: '/m', ownerPassword: password } },
        connection,
      });
      dss.addLandscape('east', { handle: LandscapeHandle.of(0x200000), primary: { host: 'e-1' }, secondaries: [{ host: 'e-2' }], install: { owner: 'netops', version: '10.4.2', mediaPath: '/m', ownerPassword: password } });
    })!;
    expect(error).toContain('[SPX130]');
    expect(error).toContain('[SPX131]');
  });

  test('Testing.synth without validations still refuses to write a rejected value into a script', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'prod');
    new FaultTolerantLandscape(stack, 'east', valid({ primary: { host: "x';touch /tmp/pwned;'" } }));
    const json = JSON.parse(Testing.synth(stack, false));
    const scripts = Object.values(json.resource.null_resource).map(r => JSON.stringify((r as any).provisioner ?? []));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toContain('touch /tmp/pwned');
    expect(scripts.some(script => script.includes('was rejected at synth time'))).toBe(true);
  });
});
