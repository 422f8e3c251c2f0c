/**
 * The generated scripts under failures and interruptions (issue 9 items 2, 3
 * and 5), run locally on a fake $SPECROOT whose SpectroSERVER is a process.
 * docs/fault-matrix.md names these tests.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FakeSpecroot, fakeSpecroot as makeFake } from './fake-specroot';
import { SshTarget } from '../../lib/plan/plan-step';
import { INCOMING_DIR, RESTART_PENDING_FILE, savefileBase, SAVEFILE_DIR } from '../../lib/plan/savefile-paths';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { deregisterStep } from '../../lib/plan/steps/deregister-step';
import { HOSTRC_BEGIN, HOSTRC_END, hostrcStep } from '../../lib/plan/steps/hostrc-step';
import { loadStep } from '../../lib/plan/steps/load-step';
import { savefileStep } from '../../lib/plan/steps/savefile-step';
import { vnmrcStep } from '../../lib/plan/steps/vnmrc-step';

const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };
const fakes: FakeSpecroot[] = [];
afterAll(() => fakes.forEach(f => f.cleanup()));

/** A fake SPECROOT whose SpectroSERVER runs, as after an install. */
function running(): FakeSpecroot {
  const fake = makeFake();
  fakes.push(fake);
  fake.start();
  return fake;
}

function run(script: string): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function server(fake: FakeSpecroot, precedence = 20): ServerPlanInput {
  return { path: 'app/east/s', host: literal('h1'), target, install: fake.install, handle: '0x400000', precedence, mainLocationServer: literal('h1'), vnmrc: {} } as ServerPlanInput;
}

/** Waits (without a time limit of its own) until `condition` holds. */
function until(condition: () => boolean): void {
  while (!condition()) spawnSync('sleep', ['0.02']);
}

/** Blocks until no run holds the SpectroSERVER lock of `fake` any more. */
function waitForLock(fake: FakeSpecroot): void {
  const lock = join(fake.root, 'SS', SAVEFILE_DIR, 'ss.lock');
  if (existsSync(lock)) spawnSync('flock', [lock, 'true']);
}

/** Starts `script` in its own process group, as a remote session's foreground job. */
function start(script: string): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = '';
  const child = spawn('bash', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));
  const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
  return { child, exited, output: () => output };
}

describe('vnmrc script: ends with the SpectroSERVER running on the file, or fails', () => {
  const keys = { secondary_polling: literal('yes') };

  test('startSS.pl failing after a change: the step fails, and the next run (file already right) restarts the server', () => {
    const fake = running();
    fake.failNext('startSS.pl');
    const failed = run(vnmrcStep(target, fake.install, keys).script);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('startSS.pl failed after updating');
    expect(fake.running()).toBe(false);

    const retried = run(vnmrcStep(target, fake.install, keys).script);
    expect(retried.status).toBe(0);
    expect(retried.output).toContain('not restarted since');
    expect(fake.running()).toBe(true);
    expect(existsSync(join(fake.root, 'SS', RESTART_PENDING_FILE))).toBe(false);
    expect(fake.calls().slice(-2)).toEqual(['stopSS.pl', 'startSS.pl']);
  });

  test('a run killed between replacing .vnmrc and the restart: the next run restarts the still running server', () => {
    const fake = running();
    fake.killCallerNext('stopSS.pl');
    expect(run(vnmrcStep(target, fake.install, keys).script).status).not.toBe(0);
    expect(readFileSync(join(fake.root, 'SS', '.vnmrc'), 'utf8')).toBe('secondary_polling=yes\n');
    expect(fake.running()).toBe(true); // with the old settings

    const next = run(vnmrcStep(target, fake.install, keys).script);
    expect(next.status).toBe(0);
    expect(fake.calls().slice(-2)).toEqual(['stopSS.pl', 'startSS.pl']);
    expect(fake.running()).toBe(true);
  });

  test('the file already right but the server stopped: the run starts it; right and running: nothing is called', () => {
    const fake = running();
    expect(run(vnmrcStep(target, fake.install, keys).script).status).toBe(0);
    fake.cleanup();
    const calls = fake.calls().length;
    const started = run(vnmrcStep(target, fake.install, keys).script);
    expect(started.output).toContain('is not running; starting it');
    expect(fake.calls().slice(calls)).toEqual(['startSS.pl']);
    expect(fake.running()).toBe(true);
    expect(run(vnmrcStep(target, fake.install, keys).script).output).toContain('unchanged, no restart');
    expect(fake.calls().slice(calls)).toEqual(['startSS.pl']);
  });
});

describe('load script: the database tool is never cut short, the server never left stopped nor started during it', () => {
  function stage(fake: FakeSpecroot, content: string): void {
    const incoming = join(fake.root, 'SS', `${INCOMING_DIR}/${savefileBase('0x400000')}.SSdb`);
    mkdirSync(join(fake.root, 'SS', INCOMING_DIR), { recursive: true });
    writeFileSync(incoming, content);
    writeFileSync(`${incoming}.sha256`, `${spawnSync('sha256sum', [incoming], { encoding: 'utf8' }).stdout.split(' ')[0]}\n`);
  }

  test('loads: stop, save aside, SSdbload -ilq -add, start', () => {
    const fake = running();
    stage(fake, 'generation=primary\n');
    const result = run(loadStep(server(fake)).script);
    expect(result.status).toBe(0);
    expect(fake.calls().map(c => c.split(' ').slice(0, 4).join(' '))).toEqual(['stopSS.pl', 'SSdbsave -cmq cdktf-spectrum/before-load/before-load-' + fake.calls()[1].split('before-load-')[1], 'SSdbload -ilq -add 20', 'startSS.pl']);
    expect(fake.database()).toBe('generation=primary\n');
    expect(fake.running()).toBe(true);
  });

  test('SSdbload failing after it wiped the database: the database saved aside is loaded back and the server started; the step fails', () => {
    const fake = running();
    stage(fake, 'generation=primary\n');
    fake.failNext('SSdbload');
    const result = run(loadStep(server(fake)).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('The previous database was restored and the SpectroSERVER started again');
    expect(fake.database()).toBe('generation=original\n');
    expect(fake.running()).toBe(true);
    expect(fake.calls().at(-2)).toMatch(/^SSdbload -ilq cdktf-spectrum\/before-load\/before-load-\d{8}T\d{6}Z\.SSdb$/);
  });

  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
    test(`${signal} to the session while SSdbload runs: SSdbload finishes, then the server starts with the new database`, async () => {
      const fake = running();
      stage(fake, 'generation=primary\n');
      fake.hold('SSdbload');
      const session = start(loadStep(server(fake)).script);
      until(() => fake.held());
      process.kill(-session.child.pid!, signal);
      expect(await session.exited).not.toBe(0);
      // The script is gone; the tool still runs, and the server was not started under it.
      expect(fake.running()).toBe(false);
      expect(fake.calls().at(-1)).toMatch(/^SSdbload -ilq -add 20/);
      fake.release();
      waitForLock(fake);
      expect(fake.calls().at(-1)).toBe('startSS.pl');
      expect(fake.calls().join('\n')).not.toContain('STARTED WHILE');
      expect(fake.running()).toBe(true);
      expect(fake.database()).toBe('generation=primary\n');
      const log = readFileSync(join(fake.root, 'SS', SAVEFILE_DIR, 'load.log'), 'utf8');
      expect(log).toContain('loaded the primary\'s database with precedence 20; the SpectroSERVER runs');
    });
  }

  test('a run after one that was killed (SIGKILL, as in a crash) while SSdbload ran restores from the copy saved before that first load', async () => {
    const fake = running();
    stage(fake, 'generation=primary\n');
    fake.hold('SSdbload');
    const crashed = start(loadStep(server(fake)).script);
    until(() => fake.held());
    process.kill(-crashed.child.pid!, 'SIGKILL');
    await crashed.exited;
    fake.release();
    expect(fake.database()).toBe(''); // wiped by SSdbload -i, never loaded
    const firstAside = fake.calls().find(c => c.startsWith('SSdbsave'))!.split(' ').pop()!;
    fake.failNext('SSdbload');
    const second = run(loadStep(server(fake)).script);
    expect(second.output).toContain('an earlier load did not finish');
    expect(fake.calls().filter(c => c.startsWith('SSdbsave'))).toHaveLength(1);
    expect(fake.calls().at(-2)).toBe(`SSdbload -ilq ${firstAside}.SSdb`);
    expect(fake.database()).toBe('generation=original\n');
    expect(fake.running()).toBe(true);
  });
});

describe('savefile script under interruption', () => {
  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
    test(`${signal} while SSdbsave runs: SSdbsave finishes before the primary starts again`, async () => {
      const fake = running();
      fake.hold('SSdbsave');
      const session = start(savefileStep(server(fake, 10), undefined).script);
      until(() => fake.held());
      process.kill(-session.child.pid!, signal);
      expect(await session.exited).not.toBe(0);
      expect(fake.running()).toBe(false);
      fake.release();
      waitForLock(fake);
      expect(fake.calls().slice(-2)).toEqual([expect.stringMatching(/^SSdbsave -cmq/), 'startSS.pl']);
      expect(fake.calls().join('\n')).not.toContain('STARTED WHILE');
      expect(fake.running()).toBe(true);
    });
  }

  test('SSdbsave failing: the primary runs again and the step fails', () => {
    const fake = running();
    fake.failNext('SSdbsave');
    const result = run(savefileStep(server(fake, 10), undefined).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('SSdbsave failed');
    expect(fake.running()).toBe(true);
  });
});

describe('.hostrc and .vnmrc that are symbolic links, broken markers', () => {
  test('a symlinked .hostrc is written through to its target; the link stays, the backup is next to the target', () => {
    const fake = running();
    const elsewhere = mkdtempSync(join(tmpdir(), 'spx-conf-'));
    writeFileSync(join(elsewhere, 'hostrc'), 'localhost\n');
    symlinkSync(join(elsewhere, 'hostrc'), join(fake.root, '.hostrc'));
    expect(run(hostrcStep(target, fake.install, [literal('ss-1')], literal('d')).script).status).toBe(0);
    expect(lstatSync(join(fake.root, '.hostrc')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'hostrc'), 'utf8')).toBe(`localhost\n${HOSTRC_BEGIN}\nss-1\n${HOSTRC_END}\n`);
    expect(readdirSync(elsewhere).filter(f => f.endsWith('.bak'))).toHaveLength(1);
    expect(readdirSync(fake.root).filter(f => f.includes('cdktf-spectrum'))).toEqual([]);
  });

  test('a symlinked .vnmrc is written through; a link to nothing is refused with the path it names', () => {
    const fake = running();
    const elsewhere = mkdtempSync(join(tmpdir(), 'spx-conf-'));
    writeFileSync(join(elsewhere, 'vnmrc'), 'agent_port=161\n');
    symlinkSync(join(elsewhere, 'vnmrc'), join(fake.root, 'SS', '.vnmrc'));
    expect(run(vnmrcStep(target, fake.install, { wait_active: literal('yes') }).script).status).toBe(0);
    expect(lstatSync(join(fake.root, 'SS', '.vnmrc')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'vnmrc'), 'utf8')).toBe('agent_port=161\nwait_active=yes\n');

    const dangling = running();
    symlinkSync(join(elsewhere, 'missing'), join(dangling.root, '.hostrc'));
    const refused = run(hostrcStep(target, dangling.install, [literal('ss-1')], literal('d')).script);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(`is a symbolic link to ${join(elsewhere, 'missing')}, which does not exist`);
    expect(existsSync(join(elsewhere, 'missing'))).toBe(false);
  });

  test('a BEGIN marker without its END is refused, naming the line, and the file is left as it is', () => {
    const fake = running();
    const text = `localhost\n${HOSTRC_BEGIN}\nss-1\nmy-own-host\n`;
    writeFileSync(join(fake.root, '.hostrc'), text);
    const result = run(hostrcStep(target, fake.install, [literal('ss-1')], literal('d')).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('the BEGIN marker at line 2 has no END marker after it');
    expect(readFileSync(join(fake.root, '.hostrc'), 'utf8')).toBe(text);

    writeFileSync(join(fake.root, '.hostrc'), `localhost\n${HOSTRC_END}\n`);
    expect(run(hostrcStep(target, fake.install, [literal('ss-1')], literal('d')).script).output).toContain('an END marker at line 2 without a BEGIN marker before it');
  });
});

test('deregister: a MapUpdate that reads its stdin does not swallow the entries after its own', () => {
  const fake = running();
  const primary = server(fake, 10);
  expect(run(deregisterStep(primary, [20, 30, 40]).script).status).toBe(0);
  expect(run(deregisterStep(primary, []).script).status).toBe(0);
  expect(fake.calls().filter(c => c.startsWith('MapUpdate'))).toEqual([20, 30, 40].map(p => `MapUpdate -remove 0x400000 -precedence ${p}`));
});
