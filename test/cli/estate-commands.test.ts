import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { HOST_KEY, runCli, stackFile, tempDir } from './fixtures';
import { readSynth } from '../../lib/cli/synth-reader';
import { rebuildTopology } from '../../lib/cli/topology-rebuild';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'estate', 'estate.yaml');
const INVENTORY = path.join(ROOT, 'test', 'estate', 'fixtures', 'inventory.example');

/** A directory holding `files` (name -> text). */
function dirWith(files: { [name: string]: string }): string {
  const dir = tempDir('cdktf-spectrum-estate-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const PAIR = `version: 1
landscapes:
  east:
    handle: "0x400000"
    standbyMode: HOT
    connection: { hostKey: "${HOST_KEY}", privateKeyFile: /keys/id }
    primary: { host: east-1.example.net }
    secondaries: [ { host: east-2.example.net } ]
`;

describe('cdktf-spectrum validate', () => {
  test('the example estate is valid: exit 0, hosts shown as the Terraform expressions they come from', async () => {
    const run = await runCli(['validate', EXAMPLE], ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 errors, 0 warnings, 7 notes in 1 stack (3 landscapes, 6 SpectroSERVERs, 1 OneClick server)');
    expect(run.stdout).toContain('${var.hosts["east-primary"]}');
  });

  test('the rule catalogue runs without synthesizing: errors exit 1, found across files (one stack each)', async () => {
    const dir = dirWith({ 'a.yaml': PAIR, 'b.yaml': PAIR.replace(/east/g, 'west') });
    const run = await runCli(['validate', 'a.yaml', 'b.yaml', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: any) => [f.ruleId, f.stack, f.path])).toEqual([
      ['SPX101', 'a', 'a/estate/east'],
      ['SPX101', 'b', 'b/estate/west'],
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  test('findings point at the line of the estate file (github format)', async () => {
    const dir = dirWith({ 'estate.yaml': PAIR.replace('    standbyMode: HOT\n', '').replace('    secondaries: [ { host: east-2.example.net } ]\n', '') });
    const run = await runCli(['validate', 'estate.yaml', '--format', 'github'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning file=estate.yaml,line=3,title=SPX141 estate/estate/east::');
  });

  test('promotedFrom: SPX144 at the landscape\'s line, a warning when the former primary stays a secondary, an error when it does not', async () => {
    const promoted = PAIR.replace('east-1.example.net', 'east-X').replace('east-2.example.net', 'east-1.example.net').replace('east-X', 'east-2.example.net');
    const dir = dirWith({
      'estate.yaml': `${promoted}    promotedFrom: east-1.example.net\n`,
      'gone.yaml': `${promoted.replace('{ host: east-1.example.net }', '{ host: east-3.example.net }')}    promotedFrom: east-1.example.net\n`,
    });
    const run = await runCli(['validate', 'estate.yaml', '--format', 'github'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning file=estate\.yaml,line=3,title=SPX144 estate\/estate\/east::.*promotes 'east-2\.example\.net' to primary .*stops the former primary 'east-1\.example\.net' \(KB 49550\)/m);
    const gone = await runCli(['validate', 'gone.yaml', '--format', 'github'], dir);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toMatch(/^::error file=gone\.yaml,line=3,title=SPX144 gone\/estate\/east::.*the former primary 'east-1\.example\.net' is not a secondary of the landscape.*keep it as a secondary for the promoting deploy/m);
  });

  test('validate --var-file checks the value a pipeline gives a reseed variable (SPX143), before Terraform runs', async () => {
    const dir = dirWith({
      'estate.yaml': `${PAIR}    reseed: { variable: reseed }\nvariables:\n  reseed: { default: "" }\n`,
      'nightly.tfvars.json': JSON.stringify({ reseed: 'nightly-2026-12-01' }),
      'hostile.tfvars.json': JSON.stringify({ reseed: 'x; reboot' }),
    });
    expect((await runCli(['validate', 'estate.yaml', '--var-file', 'nightly.tfvars.json'], dir)).code).toBe(0);
    const bad = await runCli(['validate', 'estate.yaml', '--var-file', 'hostile.tfvars.json', '--format', 'github'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=estate\.yaml,line=3,title=SPX143 estate\/estate\/east::.*reseed 'x; reboot' is not a label.*use a date, a run id or a commit/m);
  });

  test('schema problems: every one, with file:line:column, exit 1', async () => {
    const dir = dirWith({ 'estate.yaml': PAIR.replace('standbyMode: HOT', 'standbyMode: hot\n    colour: red') });
    const run = await runCli(['validate', 'estate.yaml'], dir);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe([
      'cdktf-spectrum: estate.yaml:5:18: /landscapes/east/standbyMode must be one of WARM, HOT',
      'cdktf-spectrum: estate.yaml:6:5: /landscapes/east/colour is not a field of the estate format (allowed here: handle, primary, secondaries, '
      + 'standbyMode, install, connection, backup, backupCommand, planResource, reseed, retain, promotedFrom, mainLocationServer, oneClickServers)',
      'cdktf-spectrum: 2 problems in the estate files; the rules did not run',
      '',
    ].join('\n'));
    const github = await runCli(['validate', 'estate.yaml', '--format', 'github'], dir);
    expect(github.stdout).toContain('::error file=estate.yaml,line=5,col=18::/landscapes/east/standbyMode must be one of WARM, HOT\n');
  });

  test('a missing file: exit 2, one line naming it, no stack trace', async () => {
    const run = await runCli(['validate', 'nowhere.yaml'], tempDir());
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'cdktf-spectrum: nowhere.yaml: cannot read the estate file (no such file)\n' });
  });

  test('a YAML syntax error: exit 2, one line with its line and column', async () => {
    const dir = dirWith({ 'estate.yaml': `${PAIR}    install: { mediaPath: /mnt\n` });
    const run = await runCli(['validate', 'estate.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdktf-spectrum: estate\.yaml:10:1: not valid YAML or JSON: [^\n]+\n$/);
  });

  test('a literal password: refused with the fix, exit 1', async () => {
    const dir = dirWith({ 'estate.yaml': `${PAIR}    install: { mediaPath: /mnt/spectrum, ownerPassword: hunter2 }\n` });
    const run = await runCli(['validate', 'estate.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cdktf-spectrum: estate.yaml:9:57: /landscapes/east/install/ownerPassword is a literal secret: passwords and private keys never go into the estate file; '
      + 'write { variable: spectrum_owner_password }');
  });
});

describe('cdktf-spectrum synth', () => {
  test('writes the stack as cdktf synth does; check reads it', async () => {
    const dir = tempDir();
    const run = await runCli(['synth', EXAMPLE, '--out', dir], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`cdktf-spectrum: synthesized stack 'distributed' of ${EXAMPLE} into ${dir}\n`);
    const json = JSON.parse(fs.readFileSync(stackFile(dir, 'distributed'), 'utf8'));
    expect(json.variable.spectrum_owner_password.sensitive).toBe(true);
    const check = await runCli(['check', dir], ROOT);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('in 1 stack (3 landscapes, 6 SpectroSERVERs, 1 OneClick server)');
  });

  test('an estate the rules reject is not synthesized: exit 1 with the errors', async () => {
    const dir = dirWith({ 'estate.yaml': PAIR.replace('east-2.example.net', 'east-1.example.net') });
    const run = await runCli(['synth', 'estate.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cdktf-spectrum: error .*\[SPX121\]/);
    expect(run.stderr).toContain('cdktf-spectrum: estate.yaml was not synthesized (2 errors)\n');
    expect(run.stderr).not.toContain('skipValidation');
    expect(fs.existsSync(stackFile(path.join(dir, 'out'), 'estate'))).toBe(false);
  });

  test('reseed as a pipeline input: { variable: reseed } in the file, the value given to terraform plan/apply with -var', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'id_ed25519'), 'not read by a plan\n');
    fs.writeFileSync(path.join(dir, 'estate.yaml'), `${PAIR.replace('privateKeyFile: /keys/id', `privateKeyFile: ${path.join(dir, 'id_ed25519')}`)}    planResource: TERRAFORM_DATA
    reseed: { variable: reseed }
variables:
  reseed: { default: "", description: A new value re-seeds the secondaries }
`);
    const run = await runCli(['synth', 'estate.yaml', '--out', 'cdktf.out'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // What the nightly workflow of docs/estate.md runs after the synth (terraform_data needs no provider, so this runs offline).
    const stackDir = path.dirname(stackFile(path.join(dir, 'cdktf.out'), 'estate'));
    const terraform = (...args: string[]) => execFileSync('terraform', args, {
      cwd: stackDir, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    terraform('init', '-input=false', '-no-color');
    const reseeds = (...vars: string[]) => {
      terraform('plan', '-input=false', '-no-color', '-out=reseed.plan', ...vars);
      const plan = JSON.parse(terraform('show', '-json', 'reseed.plan'));
      return plan.resource_changes
        .filter((change: any) => JSON.stringify(change.change.after?.triggers_replace ?? {}).includes('reseed'))
        .map((change: any) => [change.address.replace(/_[0-9A-F]{8}$/, ''), change.change.after.triggers_replace.reseed]);
    };
    expect(reseeds('-var', 'reseed=nightly-2026-12-01')).toEqual([['terraform_data.estate_east_primary_savefile', 'nightly-2026-12-01']]);
    expect(reseeds()).toEqual([['terraform_data.estate_east_primary_savefile', '']]);
  });

  test('promotedFrom: synth warns SPX144, and refuses a former primary that is not a secondary, at the landscape\'s line in the file', async () => {
    const promoted = `${PAIR.replace('east-1.example.net', 'east-X').replace('east-2.example.net', 'east-1.example.net').replace('east-X', 'east-2.example.net')}`
      + '    promotedFrom: east-1.example.net\n';
    const dir = dirWith({ 'estate.yaml': promoted, 'gone.yaml': promoted.replace('{ host: east-1.example.net }', '{ host: east-3.example.net }') });
    const run = await runCli(['synth', 'estate.yaml', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^cdktf-spectrum: warning estate\.yaml:3:3: estate\/estate\/east: \[SPX144\] .*stops the former primary 'east-1\.example\.net' \(KB 49550\)/m);
    const gone = await runCli(['synth', 'gone.yaml', '--out', 'out'], dir);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(
      /^cdktf-spectrum: error gone\.yaml:3:3: \[gone\] \[SPX144\] gone\/estate\/east: .*the former primary 'east-1\.example\.net' is not a secondary .*; keep it as a secondary/m);
    expect(fs.existsSync(stackFile(path.join(dir, 'out'), 'gone'))).toBe(false);
  });

  test('--out is required', async () => {
    const run = await runCli(['synth', 'estate.yaml'], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cdktf-spectrum synth needs --out DIR');
  });
});

describe('cdktf-spectrum import ansible', () => {
  test("the playbook's example inventory converts into an estate that validates and synthesizes", async () => {
    const dir = tempDir();
    const run = await runCli(['import', 'ansible', INVENTORY], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      "cdktf-spectrum import: line 17: ignored '(e.g. 10.4.3.1.17)' after the value of update_dir",
      'cdktf-spectrum import: dropped ansible_ssh_pass (line 7): SSH passwords are not used: the estate connects with an SSH key, '
      + '{ variable: ssh_private_key_file } (set it per environment)',
      'cdktf-spectrum import: dropped ansible_sudo_pass (line 8): the plan runs as root or with passwordless sudo (sudo -n); no sudo password is used',
      'cdktf-spectrum import: dropped spectrum_password (line 12): became install.ownerPassword: { variable: spectrum_owner_password } (a sensitive Terraform variable)',
      'cdktf-spectrum import: not understood: sradmin_dir=/opt/CA/SRAdmin (line 21); not carried over',
      'cdktf-spectrum import: not understood: install_srm=no (line 48); not carried over',
      'cdktf-spectrum import: dist_dir=/home/xxx/20.2.7 became install.mediaPath: the playbook copies that directory from the Ansible controller, '
      + 'but mediaPath is read on each host: copy or mount the media there before the deploy',
      'cdktf-spectrum import: not carried over: update_dir=/home/xxx/10.04.03.01: its version is in /home/xxx/10.04.03.01/version.dat on the Ansible controller; '
      + 'add it to install.updates as { mediaPath, version } (media on each host) to have the plan apply it (docs/upgrades.md)',
    ]);
    // No password of the inventory reaches the estate.
    expect(run.stdout).not.toMatch(/"admin"|: admin\n.*pass|spectrum_password=|: spectrum\n\s+ownerPassword: spectrum/);
    expect(run.stdout).not.toContain('ansible_ssh_pass=');
    const estate = run.stdout.split('\n').filter(line => !line.startsWith('#')).join('\n');
    expect(estate).toBe(`version: 1
variables:
  ssh_private_key_file:
    description: SSH private key file on the machine that runs Terraform (replaces ansible_ssh_pass)
  spectrum_owner_password:
    description: Password of the Spectrum install owner (was spectrum_password)
landscapes:
  spec1:
    handle: "0x100000"
    primary:
      host: 192.168.1.2
    secondaries:
      - name: spec2
        host: 192.168.1.3
        precedence: 20
    install:
      mediaPath: /home/xxx/20.2.7
      installDir: /opt/CA/Spectrum
      owner: spectrum
      ownerPassword:
        variable: spectrum_owner_password
    connection:
      user: admin
      privateKeyFile:
        variable: ssh_private_key_file
    oneClickServers:
      oneclick-spec2:
        host: 192.168.1.3
`);
    fs.writeFileSync(path.join(dir, 'estate.yaml'), run.stdout);
    const validate = await runCli(['validate', 'estate.yaml'], dir);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('0 errors, 2 warnings, 0 notes in 1 stack (1 landscape, 2 SpectroSERVERs, 1 OneClick server)');
    const synth = await runCli(['synth', 'estate.yaml', '--out', 'out'], dir);
    expect(synth.code).toBe(0);
    expect(fs.existsSync(stackFile(path.join(dir, 'out'), 'estate'))).toBe(true);
  });

  test('is_secondary servers follow their primary with precedences 20, 30 in file order; several l_handles make a DSS', async () => {
    const dir = dirWith({
      'hosts.ini': `[all:vars]
l_handle='0x100000'
install_ss=yes
is_secondary=no
main_loc_serv=mls1
install_srm=no
[east1]
east1 ansible_host=10.0.2.1   # the east primary
[east1:vars]
l_handle=0x200000
[mls1]
mls1.example.net
[mls3]
mls3 ansible_host=10.0.1.3
[mls3:vars]
is_secondary=yes
is_secondary_for=mls1
[mls2]
mls2 ansible_host=10.0.1.2
[mls2:vars]
is_secondary=yes
is_secondary_for="mls1"
install_oneclick=yes
`,
    });
    const run = await runCli(['import', 'ansible', 'hosts.ini', '--out', 'estate.yaml'], dir);
    expect(run.code).toBe(0);
    const text = run.files.get(path.join(dir, 'estate.yaml'))!;
    expect(text).toContain(`distributedLandscapes:
  spectrum:
    connection:
      privateKeyFile:
        variable: ssh_private_key_file
    master:
      handle: "0x100000"
      primary:
        host: mls1.example.net
      secondaries:
        - name: mls3
          host: 10.0.1.3
          precedence: 20
        - name: mls2
          host: 10.0.1.2
          precedence: 30
    landscapes:
      east1:
        handle: "0x200000"
        primary:
          host: 10.0.2.1
    oneClickServers:
      oneclick-mls2:
        host: 10.0.1.2
`);
    expect(run.stderr).toContain('not understood: install_srm=no');
  });

  test('a missing inventory: exit 2, one line', async () => {
    const run = await runCli(['import', 'ansible', 'inventory'], tempDir());
    expect(run).toMatchObject({ code: 2, stderr: 'cdktf-spectrum: inventory: cannot read the inventory (no such file)\n' });
  });
});

describe('examples/estate/estate.yaml', () => {
  /** The topology of a synth output without the construct paths (the estate file adds one level: estate/). */
  function topologyOf(outdir: string): unknown {
    const strip = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(strip);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value)
        .filter(([key]) => !['path', 'stack', 'distributed', 'masterPath', 'landscapePaths', 'oneClickPaths'].includes(key))
        .map(([key, child]) => [key, strip(child)]));
    };
    return strip(rebuildTopology(readSynth([outdir], ROOT).stacks));
  }

  test('describes the estate of examples/distributed: the same landscapes, servers, hosts and settings', async () => {
    const fromCode = tempDir();
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['-P', '../tsconfig.json', '--transpile-only', 'main.ts'], {
      cwd: path.join(ROOT, 'examples', 'distributed'), env: { ...process.env, CDKTF_OUTDIR: fromCode }, stdio: 'pipe',
    });
    const fromFile = tempDir();
    expect((await runCli(['synth', EXAMPLE, '--out', fromFile], ROOT)).code).toBe(0);
    expect(topologyOf(fromFile)).toEqual(topologyOf(fromCode));
  });
});
