import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { BackupMethod, FaultTolerantLandscape, FaultTolerantLandscapeProps, LandscapeHandle } from '../../lib';
import { HOST_KEY, step, synthStack } from '../support/synth';

function props(overrides: Partial<FaultTolerantLandscapeProps> = {}): FaultTolerantLandscapeProps {
  return {
    handle: LandscapeHandle.of(0x400000),
    primary: { host: 'ss-east-1' },
    secondaries: [{ host: 'ss-east-2' }],
    connection: { hostKey: HOST_KEY },
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

describe('connection values: synth accepts what the scripts accept, normalised as a user expects', () => {
  test.each([
    ['precedence 1e9', props({ secondaries: [{ host: 'ss-east-2', precedence: 1e9 }] }), 'SPX110', 'precedence 1000000000'],
    ['precedence 2**31', props({ secondaries: [{ host: 'ss-east-2', precedence: 2 ** 31 }] }), 'SPX110', 'precedence 2147483648'],
    ['a user with @', props({ connection: { hostKey: HOST_KEY, user: 'deploy@corp' } }), 'SPX153', 'SSH user \'deploy@corp\''],
    ['a bastion user with a space', props({ connection: { hostKey: HOST_KEY, bastionHost: 'jump', bastionHostKey: HOST_KEY, bastionUser: 'a b' } }), 'SPX153', 'bastion user \'a b\''],
    ['port 0', props({ connection: { hostKey: HOST_KEY, port: 0 } }), 'SPX154', 'SSH port \'0\''],
    ['bastion port 70000', props({ connection: { hostKey: HOST_KEY, bastionHost: 'jump', bastionHostKey: HOST_KEY, bastionPort: 70000 } }), 'SPX154', 'bastion port \'70000\''],
    ['a relative key file', props({ connection: { hostKey: HOST_KEY, privateKeyFile: '.ssh/id_ed25519' } }), 'SPX155', '.ssh/id_ed25519'],
    ['the README\'s placeholder host key', props({ connection: { hostKey: 'ssh-ed25519 AAAAC3Nza...' } }), 'SPX156', 'ssh-ed25519 AAAAC3Nza...'],
    ['a multi-line backup command', props({ backup: BackupMethod.COMMAND, backupCommand: 'a\nb' }), 'SPX142', 'backup command \'a\\nb\''],
  ])('%s fails synth with a clear error', (_name, landscapeProps, ruleId, value) => {
    const error = synthError(stack => new FaultTolerantLandscape(stack, 'east', landscapeProps));
    expect(error).toBeDefined();
    const line = error!.split('\n').find(l => l.includes(`[${ruleId}]`));
    expect(line).toBeDefined();
    expect(line).toContain('prod/east');
    expect(line).toContain(value);
  });

  test('users that are not install owners, a key file in ~ or with a space, and a key read from a .pub file synthesize', () => {
    const json = synthStack(stack => new FaultTolerantLandscape(stack, 'east', props({
      connection: { user: 'svc.deploy', privateKeyFile: '~/.ssh/id_ed25519', hostKey: `${HOST_KEY} ci@example\n`, bastionHost: 'jump', bastionUser: 'Administrator', bastionHostKey: `  ${HOST_KEY}\n` },
      secondaries: [{ host: 'ss-east-2', connection: { privateKeyFile: '/home/ci/my keys/spectrum' } }],
    })));
    const primary = step(json, 'east/primary/hostrc').body.connection;
    expect(primary.user).toBe('svc.deploy');
    expect(primary.host_key).toBe(`${HOST_KEY} ci@example`);
    expect(primary.bastion_host_key).toBe(HOST_KEY);
    expect(primary.private_key).toBe('${file(pathexpand("~/.ssh/id_ed25519"))}');
    const secondary = step(json, 'east/secondary/hostrc').body.connection;
    expect(secondary.private_key).toBe('${file("/home/ci/my keys/spectrum")}');
  });

  test('token host keys go through trimspace(), token key files through pathexpand()', () => {
    const json = synthStack(stack => {
      const hostKey = new TerraformVariable(stack, 'host_key', { type: 'string' });
      const keyFile = new TerraformVariable(stack, 'key_file', { type: 'string' });
      new FaultTolerantLandscape(stack, 'east', props({ connection: { hostKey: hostKey.stringValue, privateKeyFile: keyFile.stringValue } }));
    });
    const connection = step(json, 'east/primary/hostrc').body.connection;
    expect(connection.host_key).toBe('${trimspace(var.host_key)}');
    expect(connection.private_key).toBe('${file(pathexpand(var.key_file))}');
  });
});

describe('token ports', () => {
  test('a token bastion port reaches the connection as the variable, not NaN', () => {
    const json = synthStack(stack => {
      const port = new TerraformVariable(stack, 'bastion_port', { type: 'number' });
      new FaultTolerantLandscape(stack, 'east', props({ connection: { hostKey: HOST_KEY, bastionHost: 'jump', bastionHostKey: HOST_KEY, bastionPort: port.numberValue } }));
    });
    expect(step(json, 'east/primary/hostrc').body.connection.bastion_port).toBe('${var.bastion_port}');
  });
});
