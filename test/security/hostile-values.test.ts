/**
 * Tested the way an attacker would (issue 8.1): every value that Terraform
 * resolves at apply time (here: variables) is set to something hostile, the
 * scripts of every step are rendered by real Terraform (outputs of a
 * configuration with only the plan's variables and locals, which needs no
 * provider), and each rendered script is run with bash. Nothing of a value
 * may run: no payload leaves its marker file, and every script refuses the
 * value before it does anything.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Fn, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { BackupMethod, DistributedLandscape, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';
import { stepsOf, synthStack, Synthesized } from '../support/synth';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spx-hostile-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Variables standing in for every token-valued input: hosts, install dir, media, a .vnmrc value. */
function hostileEstate(stack: TerraformStack): void {
  const text = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
  const hosts = new TerraformVariable(stack, 'hosts', { type: 'map(string)' });
  const host = (name: string) => Token.asString(Fn.lookup(hosts.value, name));
  const password = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true }).stringValue;
  const dss = new DistributedLandscape(stack, 'estate', {
    master: {
      handle: LandscapeHandle.of(0x100000),
      primary: { host: host('master-1'), vnmrc: { site_note: text('vnmrc_value') } },
      secondaries: [{ host: host('master-2') }],
      standbyMode: StandbyMode.HOT,
    },
    install: { mediaPath: text('media'), installDir: text('install_dir'), ownerPassword: password },
    connection: { hostKey: text('host_key'), privateKeyFile: '/home/ci/.ssh/id_ed25519' },
    planResource: PlanResource.TERRAFORM_DATA,
  });
  dss.addLandscape('east', {
    handle: LandscapeHandle.of(0x200000),
    primary: { host: host('east-1') },
    secondaries: [{ host: host('east-2') }],
    backup: BackupMethod.COMMAND,
    backupCommand: 'online-backup --to "$SPECTRUM_SAVEFILE"',
  });
  dss.addOneClickServer('console', { host: host('oneclick-1') });
}

/** Every step's script as Terraform would hand it to the shell (remote wrapper or local-exec command). */
function scriptsOf(json: Synthesized): Map<string, string> {
  const scripts = new Map<string, string>();
  for (const step of stepsOf(json).values()) {
    const provisioners: any[] = step.body.provisioner ?? [];
    const last = provisioners[provisioners.length - 1];
    if (!last) continue;
    scripts.set(step.path, last['remote-exec'] ? last['remote-exec'].inline[0] : last['local-exec'].command);
  }
  return scripts;
}

/**
 * Renders the scripts with real Terraform: a configuration of the plan's own
 * variables and locals plus one output per script, applied with `values`.
 */
function render(json: Synthesized, values: Record<string, unknown>, name: string): Map<string, string> {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  const scripts = scriptsOf(json);
  const paths = [...scripts.keys()];
  const config = {
    variable: json.variable,
    locals: json.locals,
    output: Object.fromEntries(paths.map((p, i) => [`script_${i}`, { value: scripts.get(p), sensitive: true }])),
  };
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config));
  fs.writeFileSync(path.join(dir, 'values.tfvars.json'), JSON.stringify(values));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const terraform = (...args: string[]) => {
    const result = spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`terraform ${args[0]} failed: ${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  terraform('init', '-input=false', '-no-color');
  terraform('apply', '-auto-approve', '-input=false', '-no-color', '-var-file=values.tfvars.json');
  const outputs = JSON.parse(terraform('output', '-json', '-no-color'));
  return new Map(paths.map((p, i) => [p, outputs[`script_${i}`].value as string]));
}

/** Runs a rendered script with bash in a scratch directory, as the step would. */
function runScript(script: string, cwd: string): { status: number | null; output: string } {
  const result = spawnSync('bash', ['-s'], { input: script, cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH!, HOME: cwd } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Each payload writes its marker when any part of it runs. */
function payloads(markers: string): Array<{ name: string; value: string }> {
  const mark = (n: number) => path.join(markers, `pwned-${n}`);
  return [
    { name: 'script delimiter', value: `ss-1\nCDKTF_SPECTRUM_SCRIPT\ntouch ${mark(1)}\n` },
    { name: 'value delimiter', value: `ss-1\nCDKTF_SPECTRUM_VALUE\n)\ntouch ${mark(2)}\n` },
    { name: 'hosts delimiter', value: `ss-1\nCDKTF_SPECTRUM_HOSTS\ntouch ${mark(3)}` },
    { name: 'quotes', value: `x'; touch ${mark(4)}; echo "` },
    { name: 'command substitution', value: `$(touch ${mark(5)})\`touch ${mark(5)}\`` },
    { name: 'template syntax', value: `\${file("/etc/passwd")} %{ if true }x%{ endif } $(touch ${mark(6)})` },
    { name: 'NUL byte', value: `ss-1\u0000$(touch ${mark(7)})` },
    { name: '100 kB', value: `${'a'.repeat(100_000)}\ntouch ${mark(8)}\n` },
  ];
}

const HOST_NAMES = ['master-1', 'master-2', 'east-1', 'east-2', 'oneclick-1'];

describe('token values rendered by real Terraform cannot run code', () => {
  const json = synthStack(hostileEstate, { validate: false });
  const markers = path.join(work, 'markers');
  fs.mkdirSync(markers);

  test.each(payloads(markers).map(p => [p.name, p.value]))('%s: every script refuses the value and nothing of it runs', (name, value) => {
    const values = {
      hosts: Object.fromEntries(HOST_NAMES.map(h => [h, value])),
      vnmrc_value: value,
      media: value,
      install_dir: value,
      host_key: value,
      owner_password: 'not-used',
    };
    const rendered = render(json, values, name.replace(/\W+/g, '-'));
    expect(rendered.size).toBeGreaterThan(20);
    const results = [...rendered].map(([stepPath, script]) => ({ step: stepPath, ...runScript(script, fs.mkdtempSync(path.join(work, 'run-'))) }));
    // Nothing of the value ran, anywhere.
    expect(fs.readdirSync(markers)).toEqual([]);
    for (const result of results) {
      // Refused by the run-time twin of a synth-time rule, before the step did anything.
      expect(result).toEqual({ step: result.step, status: 1, output: expect.stringMatching(/refused before anything ran|not valid base64|holds a NUL byte/) });
    }
  });

  test('valid values come through Terraform byte for byte: the scripts get past validation', () => {
    const values = {
      hosts: Object.fromEntries(HOST_NAMES.map(h => [h, `${h}.example.net`])),
      vnmrc_value: 'a value with spaces, $dollars and \'quotes\'',
      media: '/mnt/spectrum',
      install_dir: path.join(work, 'no-spectrum-here'),
      host_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
      owner_password: 'not-used',
    };
    const rendered = render(json, values, 'valid');
    const vnmrc = [...rendered.entries()].find(([p]) => p === 'estate/master/primary/vnmrc')![1];
    const result = runScript(vnmrc, fs.mkdtempSync(path.join(work, 'run-')));
    // It got as far as looking for Spectrum in the (absent) install dir.
    expect(result.output).toContain(`Spectrum is not installed in ${values.install_dir}`);
    expect(result.output).not.toContain('refused');
  });
});
