/**
 * The install and upgrade scripts run locally against a fake installation:
 * a fake silent installer (records its runs, refuses a running SpectroSERVER
 * and a second installer at the same time, prints what a test asks) and fake
 * stopSS.pl / startSS.pl.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';
import { InstalledProduct } from '../../lib/plan/installer-runs';
import { PlanStep, SshTarget } from '../../lib/plan/plan-step';
import { ROLE_RECORD } from '../../lib/plan/role-record';
import { SAVEFILE_DIR } from '../../lib/plan/savefile-paths';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { installStep } from '../../lib/plan/steps/install-step';
import { upgradeStep } from '../../lib/plan/steps/upgrade-step';

const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };

/** The fake installer: `<media>/sdic/sdiclinux.exe`; `<media>/VERSION`; `<root>/installer-says` overrides its output. */
const FAKE_INSTALLER = String.raw`#!/bin/bash
set -u
media=$(cd "$(dirname "$0")/.." && pwd)
declare -A a
while IFS='=' read -r k v; do a[$k]=$v; done < "$2"
root=${'$'}{a[install_dir]}
[ "${'$'}{a[vcd_path]}" = "$media" ] || { echo "Installation failure: vcd_path is not this media"; exit 1; }
[ "$(stat -c %a "$4")" = 600 ] || { echo "Installation failure: password file not 0600"; exit 1; }
[ "$(cat "$root/state" 2>/dev/null)" != running ] || { echo "Installation failure: the SpectroSERVER is running"; exit 1; }
mkdir "$root/.installer-running" 2>/dev/null || { echo "Installation failure: another installer is running in $root"; exit 1; }
sleep "${'$'}{FAKE_INSTALLER_SLEEP:-0}"
echo "installer $(cat "$media/VERSION") ss=${'$'}{a[ss_install]} oc=${'$'}{a[oc_install]}" >> "$root/calls.log"
echo "${'$'}{a[main_loc_serv]}" > "$root/main_loc_serv"
if [ -f "$root/installer-says" ]; then cat "$root/installer-says"; rmdir "$root/.installer-running"; exit "$(cat "$root/installer-exit" 2>/dev/null || echo 0)"; fi
if [ "${'$'}{a[ss_install]}" = yes ]; then
  mkdir -p "$root/SS" "$root/bin"
  [ -f "$root/SS/.vnmrc" ] || { echo 'agent_port=161' > "$root/SS/.vnmrc"; echo running > "$root/state"; }
  for t in startSS.pl stopSS.pl; do
    [ ! -e "$root/bin/$t" ] || continue
    printf '#!/bin/sh\necho %s >> "%s/calls.log"\necho %s > "%s/state"\n' "$t" "$root" "$([ $t = startSS.pl ] && echo running || echo stopped)" "$root" > "$root/bin/$t"
    chmod +x "$root/bin/$t"
  done
fi
[ "${'$'}{a[oc_install]}" = no ] || mkdir -p "$root/tomcat/webapps/spectrum"
mkdir -p "$root/Install-Tools"
echo "$(cat "$media/VERSION") installed today" >> "$root/Install-Tools/.history"
rmdir "$root/.installer-running"
echo 'Installation successful'
`;

interface Fixture {
  readonly root: string;
  readonly media: (version: string) => string;
  readonly calls: () => string[];
  readonly history: () => string[];
  readonly running: () => boolean;
}

function fixture(): Fixture {
  const work = mkdtempSync(join(tmpdir(), 'spx-install-'));
  const root = join(work, 'Spectrum');
  return {
    root,
    media: (version: string) => {
      const dir = join(work, `media-${version}`);
      if (!existsSync(dir)) {
        mkdirSync(join(dir, 'sdic'), { recursive: true });
        writeFileSync(join(dir, 'sdic', 'sdiclinux.exe'), FAKE_INSTALLER, { mode: 0o755 });
        writeFileSync(join(dir, 'VERSION'), version);
      }
      return dir;
    },
    calls: () => (existsSync(join(root, 'calls.log')) ? readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n') : []),
    history: () => readFileSync(join(root, 'Install-Tools', '.history'), 'utf8').trim().split('\n').map(line => line.split(' ')[0]),
    running: () => readFileSync(join(root, 'state'), 'utf8').trim() === 'running',
  };
}

function server(f: Fixture, version: string, updates: string[], path = 'app/east/primary'): ServerPlanInput {
  return {
    path,
    host: literal('h1'),
    target,
    install: {
      mediaPath: literal(f.media(version)),
      installDir: literal(f.root),
      owner: literal(userInfo().username),
      ownerPassword: 'secret-token',
      version,
      excludeParts: [],
      updates: updates.map(u => ({ mediaPath: literal(f.media(u)), version: u })),
    },
    handle: '0x400000',
    precedence: 10,
    mainLocationServer: literal('h1'),
    vnmrc: {},
  };
}

/** What Terraform does: the secret into the 0700 stage, then the script. */
function stage(step: PlanStep): void {
  rmSync(step.stage!, { recursive: true, force: true });
  mkdirSync(step.stage!, { mode: 0o700 });
  writeFileSync(join(step.stage!, 'secret'), 'pw');
}

function run(step: PlanStep): { status: number; output: string } {
  stage(step);
  const result = spawnSync('bash', ['-c', step.script], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function runAsync(step: PlanStep, env: NodeJS.ProcessEnv): Promise<number> {
  stage(step);
  return new Promise(resolve => {
    const child = spawn('bash', ['-c', step.script], { env: { ...process.env, ...env }, stdio: 'ignore' });
    child.on('exit', code => resolve(code ?? -1));
  });
}

const install = (input: ServerPlanInput, product: InstalledProduct = 'spectroserver') => installStep(input, product)!;
const upgrade = (input: ServerPlanInput, product: InstalledProduct = 'spectroserver') => upgradeStep(input, product)!;

describe('install script', () => {
  test('a fresh host gets the base release and every update in order; the SpectroSERVER stopped for the updates and running at the end', () => {
    const f = fixture();
    const result = run(install(server(f, '10.4.1', ['10.4.1.1', '10.4.1.2'])));
    expect(result.output).toContain('cdktf-spectrum install: installed update 10.4.1.2');
    expect(result.status).toBe(0);
    expect(f.calls()).toEqual([
      'installer 10.4.1 ss=yes oc=no', 'stopSS.pl', 'installer 10.4.1.1 ss=yes oc=no', 'installer 10.4.1.2 ss=yes oc=no', 'startSS.pl',
    ]);
    expect(f.history()).toEqual(['10.4.1', '10.4.1.1', '10.4.1.2']);
    expect(f.running()).toBe(true);
    expect(existsSync(install(server(f, '10.4.1', [])).stage!)).toBe(false);
  });

  test('a host that has the product is left alone, whatever its version (upgrades are the upgrade step\'s)', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', []))).status).toBe(0);
    const again = run(install(server(f, '10.5.0', ['10.5.0.1'])));
    expect(again.status).toBe(0);
    expect(again.output).toContain('already installed');
    expect(f.calls()).toEqual(['installer 10.4.1 ss=yes oc=no']);
  });

  test('its trigger covers where and what it installs, not media, version, updates or the main location server', () => {
    const f = fixture();
    const inputs = (s: ServerPlanInput) => JSON.stringify(install(s).inputs);
    expect(inputs(server(f, '10.4.1', []))).toBe(inputs(server(f, '10.5.0', ['10.5.0.1'])));
    // A promotion changes the main location server: no install or upgrade re-runs for it (docs/promotion.md),
    // yet an installer that does run gets the current one.
    const elsewhere = { ...server(f, '10.4.1', []), mainLocationServer: literal('h2') };
    expect(inputs(elsewhere)).toBe(inputs(server(f, '10.4.1', [])));
    expect(JSON.stringify(upgrade(elsewhere).inputs)).toBe(JSON.stringify(upgrade(server(f, '10.4.1', [])).inputs));
    expect(run(install(elsewhere)).status).toBe(0);
    expect(readFileSync(join(f.root, 'main_loc_serv'), 'utf8').trim()).toBe('h2');
    expect(Object.keys(install(server(f, '10.4.1', [])).inputs).sort()).toEqual(['excludeParts', 'host', 'lh', 'owner', 'product', 'specroot']);
    expect(Object.keys(upgrade(server(f, '10.4.1', ['10.4.1.1'])).inputs).sort()).toEqual([
      'excludeParts', 'host', 'lh', 'media', 'owner', 'product', 'specroot', 'update1Media', 'update1Version', 'version',
    ]);
  });

  test('OneClick on a SpectroSERVER\'s host: the installer runs for both products, over a stopped SpectroSERVER', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', ['10.4.1.1']))).status).toBe(0);
    const oneClick = run(install(server(f, '10.4.1', ['10.4.1.1'], 'app/console'), 'oneclick'));
    expect(oneClick.status).toBe(0);
    expect(f.calls().slice(-4)).toEqual(['stopSS.pl', 'installer 10.4.1 ss=yes oc=yes', 'installer 10.4.1.1 ss=yes oc=yes', 'startSS.pl']);
    expect(existsSync(join(f.root, 'tomcat/webapps/spectrum'))).toBe(true);
    expect(f.running()).toBe(true);
  });

  test('the SpectroSERVER and OneClick install steps of one host run one after the other (a lock), and both products end up installed', async () => {
    const f = fixture();
    const ss = install(server(f, '10.4.1', []));
    const oc = install(server(f, '10.4.1', [], 'app/console'), 'oneclick');
    const codes = await Promise.all([runAsync(ss, { FAKE_INSTALLER_SLEEP: '0.5' }), runAsync(oc, { FAKE_INSTALLER_SLEEP: '0.5' })]);
    expect(codes).toEqual([0, 0]);
    expect(existsSync(join(f.root, 'SS/.vnmrc'))).toBe(true);
    expect(existsSync(join(f.root, 'tomcat/webapps/spectrum'))).toBe(true);
    expect(f.calls().filter(c => c.startsWith('installer'))).toHaveLength(2);
  });
});

describe('upgrade script', () => {
  test('after a first install it finds everything there and changes nothing', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', ['10.4.1.1']))).status).toBe(0);
    const before = f.calls().length;
    const result = run(upgrade(server(f, '10.4.1', ['10.4.1.1'])));
    expect(result.status).toBe(0);
    expect(result.output).toContain('update 10.4.1.1 is already installed');
    expect(f.calls().length).toBe(before);
  });

  test('an added update is applied alone, with the SpectroSERVER stopped and started again', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', ['10.4.1.1']))).status).toBe(0);
    const before = f.calls().length;
    expect(run(upgrade(server(f, '10.4.1', ['10.4.1.1', '10.4.1.2']))).status).toBe(0);
    expect(f.calls().slice(before)).toEqual(['stopSS.pl', 'installer 10.4.1.2 ss=yes oc=no', 'startSS.pl']);
    expect(f.history()).toEqual(['10.4.1', '10.4.1.1', '10.4.1.2']);
    expect(f.running()).toBe(true);
  });

  test('versions are whole words of .history: 10.4.10 installed does not make 10.4.1 installed', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.10', []))).status).toBe(0);
    expect(run(upgrade(server(f, '10.4.1', []))).status).toBe(0);
    expect(f.history()).toEqual(['10.4.10', '10.4.1']);
  });

  test.each([
    ['Installation failure', 'Installation failure: disk full\n', 1],
    ['Failed to copy, even with "Installation successful" and exit 0', 'Failed to copy /opt/x.so\nInstallation successful\n', 0],
    ['no success message', 'something else\n', 0],
  ])('a failed installer (%s) fails the step with its output, and the SpectroSERVER runs again', (_, says, exit) => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', []))).status).toBe(0);
    writeFileSync(join(f.root, 'installer-says'), says);
    writeFileSync(join(f.root, 'installer-exit'), String(exit));
    const result = run(upgrade(server(f, '10.4.1', ['10.4.1.1'])));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(says.split('\n')[0]);
    expect(result.output).toMatch(/ERROR: the Spectrum installer failed for update 10\.4\.1\.1 \(exit \d\); its output is above/);
    expect(f.calls().slice(-3)).toEqual(['stopSS.pl', 'installer 10.4.1.1 ss=yes oc=no', 'startSS.pl']);
    expect(f.running()).toBe(true);
  });

  test('a former primary the demote step stopped (role record: demoted) is upgraded and left stopped for its load step to start', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', []))).status).toBe(0);
    // What demote leaves (docs/promotion.md): the server stopped, the record saying so.
    mkdirSync(join(f.root, 'SS', SAVEFILE_DIR), { recursive: true });
    writeFileSync(join(f.root, 'SS', ROLE_RECORD), 'demoted 10\n');
    spawnSync(join(f.root, 'bin', 'stopSS.pl'));
    const before = f.calls().length;
    const result = run(upgrade(server(f, '10.4.1', ['10.4.1.1'])));
    expect(result.status).toBe(0);
    expect(result.output).toContain('the SpectroSERVER stays stopped');
    expect(f.calls().slice(before)).toEqual(['stopSS.pl', 'installer 10.4.1.1 ss=yes oc=no']);
    expect(f.running()).toBe(false);
    // Once a load has re-seeded it (role record: secondary), an upgrade starts it again as usual.
    writeFileSync(join(f.root, 'SS', ROLE_RECORD), 'secondary 20\n');
    expect(run(upgrade(server(f, '10.4.1', ['10.4.1.1', '10.4.1.2']))).status).toBe(0);
    expect(f.running()).toBe(true);
  });

  test('a SpectroSERVER that does not start again fails the step, saying so', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', []))).status).toBe(0);
    writeFileSync(join(f.root, 'bin', 'startSS.pl'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const result = run(upgrade(server(f, '10.4.1', ['10.4.1.1'])));
    expect(result.status).toBe(1);
    expect(result.output).toContain('did not start again');
  });

  test('a OneClick server on a SpectroSERVER\'s host leaves its upgrade to the SpectroSERVER\'s step', () => {
    const f = fixture();
    expect(run(install(server(f, '10.4.1', []))).status).toBe(0);
    expect(run(install(server(f, '10.4.1', [], 'app/console'), 'oneclick')).status).toBe(0);
    const before = f.calls().length;
    const oc = run(upgrade(server(f, '10.4.1', ['10.4.1.1'], 'app/console'), 'oneclick'));
    expect(oc.status).toBe(0);
    expect(oc.output).toContain('its own upgrade step upgrades OneClick with it');
    expect(f.calls().length).toBe(before);
    expect(run(upgrade(server(f, '10.4.1', ['10.4.1.1']))).status).toBe(0);
    expect(f.calls().slice(before)).toEqual(['stopSS.pl', 'installer 10.4.1.1 ss=yes oc=yes', 'startSS.pl']);
  });

  test('refuses a host without the product', () => {
    const f = fixture();
    const result = run(upgrade(server(f, '10.4.1', [])));
    expect(result.status).toBe(1);
    expect(result.output).toContain('the spectroserver is not installed');
  });

  test('install and upgrade scripts pass shellcheck at severity warning', () => {
    const f = fixture();
    for (const step of [install(server(f, '10.4.1', ['10.4.1.1'])), upgrade(server(f, '10.4.1', ['10.4.1.1']))]) {
      const result = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-'], { input: step.script, encoding: 'utf8' });
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    }
  });
});
