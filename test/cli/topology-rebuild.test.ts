import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { CONNECTION, distributedStack, landscapeStack, readJson, stackFile, synthApp, tempDir, writeJson } from './fixtures';
import { FaultTolerantLandscape, LandscapeHandle } from '../../lib';
import { readSynth } from '../../lib/cli/synth-reader';
import { rebuildTopology } from '../../lib/cli/topology-rebuild';
import { SpectrumRegistry } from '../../lib/constructs/spectrum-registry';
import { runRules } from '../../lib/rules/catalogue';

describe('rebuilding the topology from cdk.tf.json', () => {
  test('gives exactly the topology the constructs analysed at synth time', () => {
    let app!: App;
    const dir = synthApp(tempDir(), a => {
      app = a;
      distributedStack(a, 'estate-stack');
      landscapeStack(a, 'solo', 'lab', 0x600000, { secondaries: [], install: { owner: 'spectrum', version: '10.4.1', excludeParts: ['SA-RPT-MGR'] } });
      const stack = new TerraformStack(a, 'odd');
      new FaultTolerantLandscape(stack, 'bad', {
        handle: LandscapeHandle.parse('0x700000'),
        primary: { host: 'bad-1.example.net', vnmrc: { wait_active: 'yes' } },
        secondaries: [{ host: 'bad-2.example.net', precedence: 30 }, { host: 'bad-3.example.net', precedence: 40 }],
        connection: { ...CONNECTION, bastionHost: 'jump.example.net', port: 2222, user: 'spectrum', agent: true },
      });
    });
    const synthesized = SpectrumRegistry.of(app).analysis().topology;
    const rebuilt = rebuildTopology(readSynth([dir], '/').stacks);
    const byPath = <T extends { path: string }>(items: readonly T[]) => [...items].sort((a, b) => a.path.localeCompare(b.path));
    expect(byPath(rebuilt.landscapes)).toEqual(byPath(synthesized.landscapes));
    expect(byPath(rebuilt.distributed)).toEqual(byPath(synthesized.distributed));
    expect(byPath(rebuilt.oneClicks)).toEqual(byPath(synthesized.oneClicks));
    expect(rebuilt.landscapes).toHaveLength(5);
  });

  test('tokens come back as Terraform expressions; a NaN handle (null in JSON) as NaN', () => {
    const dir = synthApp(tempDir(), app => {
      const stack = new TerraformStack(app, 'prod');
      const hosts = new TerraformVariable(stack, 'hosts', { type: 'string' });
      const port = new TerraformVariable(stack, 'port', { type: 'number' });
      new FaultTolerantLandscape(stack, 'east', {
        handle: LandscapeHandle.of(0x400000),
        primary: { host: hosts.stringValue },
        secondaries: [{ host: 'east-2.example.net' }],
        connection: { ...CONNECTION, port: port.numberValue },
      });
    });
    const file = stackFile(dir, 'prod');
    const json = readJson(file);
    json['//'].metadata['cdktf-spectrum'].landscapes['prod/east'].handle = { text: '0x40000G', value: null };
    writeJson(file, json);
    const [east] = rebuildTopology(readSynth([dir], '/').stacks).landscapes;
    expect(east.primary.host).toEqual({ text: '${var.hosts}', isToken: true });
    expect(east.primary.connection.port).toBeNaN();
    expect(east.primary.connection.portValue).toEqual({ text: '${var.port}', isToken: true });
    expect(east.handle.text).toBe('0x40000G');
    expect(east.handle.value).toBeNaN();
  });

  test('connection values and the backup command travel through the metadata, so check runs SPX142 and SPX153..SPX156 on them', () => {
    const dir = synthApp(tempDir(), app => {
      const stack = new TerraformStack(app, 'prod');
      new FaultTolerantLandscape(stack, 'east', {
        handle: LandscapeHandle.of(0x400000),
        primary: { host: 'east-1.example.net' },
        secondaries: [{ host: 'east-2.example.net' }],
        connection: { ...CONNECTION, user: 'svc.deploy', privateKeyFile: '~/.ssh/id_ed25519', bastionHost: 'jump', bastionUser: 'jumper', bastionPort: 2222 },
      });
    });
    const file = stackFile(dir, 'prod');
    const json = readJson(file);
    const east = json['//'].metadata['cdktf-spectrum'].landscapes['prod/east'];
    expect(east.primary.connection).toMatchObject({
      userValue: { text: 'svc.deploy', isToken: false },
      privateKeyFile: { text: '~/.ssh/id_ed25519', isToken: false },
      bastionUser: { text: 'jumper', isToken: false },
      bastionPort: { text: '2222', isToken: false },
    });
    for (const server of [east.primary, ...east.secondaries]) {
      server.connection.hostKey = { text: 'ssh-ed25519 AAAAC3Nza...', isToken: false };
      server.connection.portValue = { text: '70000', isToken: false };
      server.connection.userValue = { text: 'a b', isToken: false };
      server.connection.privateKeyFile = { text: 'keys/id', isToken: false };
    }
    east.backup = 'COMMAND';
    east.hasBackupCommand = true;
    east.backupCommand = { text: 'a\nb', isToken: false };
    writeJson(file, json);
    const findings = runRules(rebuildTopology(readSynth([dir], '/').stacks)).filter(f => f.severity === 'error');
    expect(findings.map(f => `${f.ruleId} ${f.path}`)).toEqual([
      'SPX142 prod/east', 'SPX153 prod/east', 'SPX154 prod/east', 'SPX155 prod/east', 'SPX156 prod/east',
    ]);
  });
});
