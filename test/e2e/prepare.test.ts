/**
 * Host preparation really runs (install.prepareHost): bare sandbox hosts,
 * without the install owner and without SRAdmin, are prepared and installed
 * in one `cdktf deploy`; the installer of these media refuses a host whose
 * SRAdmin does not run, so the install proves the preparation came first.
 * A second deploy changes nothing, and the prepare script run again reports
 * nothing changed. OneClick's web server is started after the install.
 *
 * Sandbox hosts share /etc (users, sudoers, init scripts) with this machine:
 * the owner has a name of its own (`spxprep`), removed before and after,
 * and what the preparation writes under /etc is removed afterwards. SRAdmin
 * goes into each host's private /root. The package list holds packages this
 * machine already has, so no package manager may run.
 */
import { execFileSync, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CdktfProject, CommandResult } from './deploy/cdktf-project';
import { expectSuccess } from './deploy/deploy-output';
import { Sandbox, startSandbox, stopSandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { readSimEvents, requireSradmin, sradminState, webTomcatState } from './simulator';

const OWNER = 'spxprep';
const SPEC = { owner: OWNER, osPackages: ['bash', 'coreutils'], sradminDir: '/root/SRAdmin' };
const SUDOERS_DROP_IN = `/etc/sudoers.d/cdktf-spectrum-${OWNER}`;
const APT_HISTORY = '/var/log/apt/history.log';

function prepareUnavailableReason(): string | undefined {
  const sandbox = sandboxUnavailableReason();
  if (sandbox) return sandbox;
  return fs.existsSync('/usr/sbin/visudo') ? undefined : 'missing /usr/sbin/visudo (run test/e2e/sandbox/install-deps.sh as root)';
}

/** Removes the owner and what host preparation wrote under the machine's /etc (shared by the sandbox hosts). */
function cleanMachine(): void {
  if (spawnSync('id', ['-u', OWNER]).status === 0) execFileSync('userdel', ['-r', OWNER], { stdio: 'pipe' });
  fs.rmSync(`/home/${OWNER}`, { recursive: true, force: true });
  fs.rmSync(SUDOERS_DROP_IN, { force: true });
  for (const backup of fs.readdirSync('/etc/sudoers.d').filter(f => f.startsWith(`cdktf-spectrum-${OWNER}.`))) fs.rmSync(path.join('/etc/sudoers.d', backup));
  if (fs.existsSync('/etc/init.d/sradmin')) {
    spawnSync('update-rc.d', ['-f', 'sradmin', 'remove'], { stdio: 'pipe' });
    fs.rmSync('/etc/init.d/sradmin', { force: true });
  }
}

/** The lines a step printed through note(), e.g. `cdktf-spectrum prepare: ...`. */
function notes(output: string, step: string): string[] {
  return output.split('\n').map(line => line.replace(/^.*?(cdktf-spectrum \w+: )/, '$1')).filter(line => line.startsWith(`cdktf-spectrum ${step}: `));
}

const unavailable = prepareUnavailableReason();

describeIfAvailable(unavailable)(`host preparation on bare sandbox hosts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let workDir: string;
  let sandbox: Sandbox;
  let project: CdktfProject;
  let aptHistoryBefore: string;
  let first: CommandResult;

  beforeAll(async () => {
    cleanMachine();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-prepare-'));
    sandbox = await startSandbox({ hosts: ['primary', 'oneclick'], workDir: path.join(workDir, 'sandbox'), firstAddressOctet: 90 });
    requireSradmin(sandbox.mediaDir);
    project = new CdktfProject({
      dir: 'test/e2e/fixtures/prepare',
      stack: 'e2e-prepare',
      sandbox,
      workDir,
      hostNames: ['primary', 'oneclick'],
      ownerPassword: `pw-${randomBytes(12).toString('hex')}`,
    });
    project.extraEnv = { SPECTRUM_E2E_PREPARE: JSON.stringify(SPEC) };
    aptHistoryBefore = fs.existsSync(APT_HISTORY) ? fs.readFileSync(APT_HISTORY, 'utf8') : '';
    first = project.deploy();
  });

  afterAll(async () => {
    if (sandbox) await stopSandbox(sandbox);
    project?.removeState();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    cleanMachine();
  });

  test('one deploy prepares the bare hosts and installs on them', () => {
    expectSuccess(first);
    // The owner exists now, with the password of the installer's secret (a hash in /etc/shadow, never the text).
    expect(spawnSync('id', ['-u', OWNER]).status).toBe(0);
    const shadow = fs.readFileSync('/etc/shadow', 'utf8').split('\n').find(line => line.startsWith(`${OWNER}:`))!;
    expect(shadow.split(':')[1]).toMatch(/^\$/);
    expect(fs.readFileSync(SUDOERS_DROP_IN, 'utf8').split('\n')).toContain(`${OWNER} ALL=/root/SRAdmin/sradmin.exe`);
    expect(spawnSync('visudo', ['-c', '-q', '-f', SUDOERS_DROP_IN]).status).toBe(0);
    expect(fs.readFileSync('/etc/init.d/sradmin', 'utf8')).toContain('\nSRADHOME=/root/SRAdmin\n');
    for (const name of ['primary', 'oneclick']) {
      const sradmin = sradminState(path.join(sandbox.host(name).homeDir, 'SRAdmin'));
      expect({ name, installed: sradmin.installed, running: sradmin.running }).toEqual({ name, installed: true, running: true });
      // Installed (the installer checked that SRAdmin runs), by the prepared owner.
      const history = fs.readFileSync(path.join(sandbox.host(name).rootDir, 'Install-Tools/.history'), 'utf8');
      expect(history).toContain('10.4.1 installed');
      expect(fs.statSync(path.join(sandbox.host(name).rootDir, 'SS/.sim/install.conf')).uid).toBe(Number(execFileSync('id', ['-u', OWNER], { encoding: 'utf8' })));
    }
    // The package list was present already: no package manager ran.
    expect(notes(first.output, 'prepare')).toContain('cdktf-spectrum prepare: OS packages: all present (deb); no package manager run');
    expect(fs.existsSync(APT_HISTORY) ? fs.readFileSync(APT_HISTORY, 'utf8') : '').toBe(aptHistoryBefore);
    // The secret never reached the output.
    expect(first.output).not.toContain(JSON.parse(fs.readFileSync(project.varFile, 'utf8')).spectrum_owner_password);
  });

  test('OneClick\'s web server runs after the install', () => {
    const oneclick = sandbox.host('oneclick').rootDir;
    expect(webTomcatState(oneclick)).toBe('running');
    const tomcat = readSimEvents(oneclick).filter(e => e.tool === 'startWebTomcat.sh' && e.message.startsWith('ok'));
    expect(tomcat.map(e => [e.user, e.message])).toEqual([[OWNER, 'ok now running']]);
  });

  test('a second deploy changes nothing; the prepare script run again reports nothing changed', () => {
    const plan = project.plan();
    expect(plan.output).toContain('No changes.');
    expect(plan.code).toBe(0);

    // Run the prepare steps again, alone (their install steps do not follow them).
    const addresses = Object.entries<any>(project.synthesized().resource.terraform_data)
      .filter(([, body]) => body['//'].metadata.path.endsWith('/prepare'))
      .map(([name]) => `terraform_data.${name}`);
    expect(addresses).toHaveLength(2);
    const rerun = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color', `-var-file=${project.varFile}`,
      ...addresses.map(a => `-replace=${a}`)], { cwd: project.stackDir(), encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
    const output = `${rerun.stdout}${rerun.stderr}`;
    expect({ code: rerun.status, tail: rerun.status === 0 ? '' : output.slice(-2000) }).toEqual({ code: 0, tail: '' });
    expect(output).toContain('Resources: 2 added, 0 changed, 2 destroyed.');
    const prepared = notes(output, 'prepare');
    expect(prepared.filter(n => n === 'cdktf-spectrum prepare: the host is already prepared; nothing changed')).toHaveLength(2);
    expect(prepared.filter(n => n.includes('changed:'))).toEqual([]);
    expect(project.plan().code).toBe(0);
    for (const name of ['primary', 'oneclick']) {
      const events = sradminState(path.join(sandbox.host(name).homeDir, 'SRAdmin')).events;
      expect(events.filter(e => / ok now /.test(e))).toHaveLength(1); // started once, never restarted
    }
  });

  test('when a primary\'s install runs again (as an upgrade does), OneClick\'s web server restarts once (KB 192703)', () => {
    const oneclick = sandbox.host('oneclick').rootDir;
    const before = readSimEvents(oneclick).length;
    const resources = Object.entries<any>(project.synthesized().resource.terraform_data);
    const [primaryInstall] = resources.filter(([, body]) => body['//'].metadata.path.endsWith('/primary/install')).map(([name]) => `terraform_data.${name}`);
    const rerun = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color', `-var-file=${project.varFile}`,
      `-replace=${primaryInstall}`], { cwd: project.stackDir(), encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
    const output = `${rerun.stdout}${rerun.stderr}`;
    expect({ code: rerun.status, tail: rerun.status === 0 ? '' : output.slice(-2000) }).toEqual({ code: 0, tail: '' });
    const tomcat = readSimEvents(oneclick).slice(before).filter(e => e.tool.endsWith('WebTomcat.sh') && e.message.startsWith('ok'));
    expect(tomcat.map(e => `${e.tool} ${e.message}`)).toEqual(['stopWebTomcat.sh ok now stopped', 'startWebTomcat.sh ok now running']);
    expect(webTomcatState(oneclick)).toBe('running');
    expect(project.plan().code).toBe(0);
  });
});
