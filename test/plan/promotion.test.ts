/**
 * The promote and demote scripts (docs/promotion.md) over a fake $SPECROOT
 * whose tools log their calls: KB 49550's commands run only on a host whose
 * role record says the roles swapped, in order; everywhere else nothing runs.
 * And a demoted server stays stopped until its load, whatever order its
 * vnmrc step and demote run in (a DSS cannot order them).
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { fakeSpecroot, FakeSpecroot } from './fake-specroot';
import { SshTarget } from '../../lib/plan/plan-step';
import { ROLE_RECORD } from '../../lib/plan/role-record';
import { INCOMING_DIR, RESTART_PENDING_FILE, savefileBase, SAVEFILE_DIR } from '../../lib/plan/savefile-paths';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { demoteStep } from '../../lib/plan/steps/demote-step';
import { REGISTERED_SECONDARIES } from '../../lib/plan/steps/deregister-step';
import { loadStep } from '../../lib/plan/steps/load-step';
import { promoteStep } from '../../lib/plan/steps/promote-step';
import { vnmrcStep } from '../../lib/plan/steps/vnmrc-step';

const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };

const made: FakeSpecroot[] = [];
afterAll(() => made.forEach(fake => fake.cleanup()));

/** A running fake SpectroSERVER (test/plan/fake-specroot.ts) with a role record and a record of registered secondaries. */
type FakeServer = ServerPlanInput & { root: string; fake: FakeSpecroot; calls: () => string[]; role: () => string };
function fakeServer(precedence: number, role?: string): FakeServer {
  const fake = fakeSpecroot();
  made.push(fake);
  fake.start();
  const root = fake.root;
  mkdirSync(join(root, 'SS', 'cdktf-spectrum'), { recursive: true });
  if (role) writeFileSync(join(root, 'SS', ROLE_RECORD), `${role}\n`);
  writeFileSync(join(root, 'SS', REGISTERED_SECONDARIES), '0x400000 20\n');
  return {
    root,
    fake,
    path: 'app/east/x',
    host: literal('h1'),
    target,
    install: fake.install,
    handle: '0x400000',
    precedence,
    mainLocationServer: literal('h1'),
    vnmrc: {},
    calls: () => fake.calls(),
    role: () => readFileSync(join(root, 'SS', ROLE_RECORD), 'utf8'),
  };
}

function run(script: string): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('promote script', () => {
  test('on a former secondary of precedence 20: stop, save aside, reload with -replace 10, MapUpdate -remove 20, start; then records primary', () => {
    const server = fakeServer(10, 'secondary 20');
    const result = run(promoteStep(server).script);
    expect(result.status).toBe(0);
    const calls = server.calls().map(c => c.replace(/before-load-\d{8}T\d{6}Z/g, 'ASIDE'));
    expect(calls).toEqual([
      'stopSS.pl',
      'SSdbsave -cmq cdktf-spectrum/before-load/ASIDE',
      'SSdbload -ilq -replace 10 cdktf-spectrum/before-load/ASIDE.SSdb',
      'MapUpdate -remove 0x400000 -precedence 20',
      'startSS.pl',
    ]);
    expect(server.role()).toBe('primary 10\n');
    expect(server.fake.running()).toBe(true);
    // A second run changes nothing.
    expect(run(promoteStep(server).script).output).toContain('nothing to promote');
    expect(server.calls()).toHaveLength(5);
  });

  test.each([['primary 10'], [undefined], ['demoted 10'], ['secondary 10']])('with role record %p: no command runs, and it records primary', role => {
    const server = fakeServer(10, role);
    const result = run(promoteStep(server).script);
    expect(result.status).toBe(0);
    expect(server.calls()).toEqual([]);
    expect(server.role()).toBe('primary 10\n');
  });

  test('a failed reload restores its database, stops the promotion before MapUpdate and starts the server again', () => {
    const server = fakeServer(10, 'secondary 20');
    server.fake.failNext('SSdbload');
    const result = run(promoteStep(server).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('SSdbload failed giving this server precedence 10 (exit 1)');
    expect(server.calls().map(c => c.split(' ').slice(0, 2).join(' '))).toEqual(['stopSS.pl', 'SSdbsave -cmq', 'SSdbload -ilq', 'SSdbload -ilq', 'startSS.pl']);
    expect(server.fake.database()).toBe('generation=original\n');
    expect(server.fake.running()).toBe(true);
    expect(server.role()).toBe('secondary 20\n');
  });
});

describe('demote script', () => {
  test('on the former primary: stops it, forgets its registered secondaries, records demoted', () => {
    const server = fakeServer(20, 'primary 10');
    expect(run(demoteStep(server).script).status).toBe(0);
    expect(server.calls()).toEqual(['stopSS.pl']);
    expect(server.fake.running()).toBe(false);
    expect(server.role()).toBe('demoted 10\n');
    expect(existsSync(join(server.root, 'SS', REGISTERED_SECONDARIES))).toBe(false);
    // Run again (e.g. a retried deploy): it is no longer a primary, nothing runs.
    expect(run(demoteStep(server).script).status).toBe(0);
    expect(server.calls()).toEqual(['stopSS.pl']);
  });

  test('demote: stopSS.pl failing leaves the former primary running and recorded as the primary; the step fails', () => {
    const server = fakeServer(20, 'primary 10');
    server.fake.failNext('stopSS.pl');
    const result = run(demoteStep(server).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('stopSS.pl failed; the former primary still runs');
    expect(server.fake.running()).toBe(true);
    expect(server.role()).toBe('primary 10\n');
    expect(existsSync(join(server.root, 'SS', REGISTERED_SECONDARIES))).toBe(true);
  });

  test.each([['secondary 20'], [undefined]])('with role record %p: nothing runs', role => {
    const server = fakeServer(20, role);
    const result = run(demoteStep(server).script);
    expect(result.status).toBe(0);
    expect(result.output).toContain('nothing to do');
    expect(server.calls()).toEqual([]);
  });
});

describe('a demoted server is started by its load step only', () => {
  /** The vnmrc step of the former primary, now a secondary: secondary_polling leaves its .vnmrc. */
  const secondaryVnmrc = (server: FakeServer) => vnmrcStep(target, server.install, { wait_active: literal('yes') }, undefined, true);
  const pending = (server: FakeServer) => existsSync(join(server.root, 'SS', RESTART_PENDING_FILE));
  /** The new primary's savefile, transferred to `server`. */
  function stageSavefile(server: FakeServer): void {
    const incoming = join(server.root, 'SS', `${INCOMING_DIR}/${savefileBase('0x400000')}.SSdb`);
    mkdirSync(join(server.root, 'SS', INCOMING_DIR), { recursive: true });
    writeFileSync(incoming, 'generation=new-primary\n');
    writeFileSync(`${incoming}.sha256`, `${spawnSync('sha256sum', [incoming], { encoding: 'utf8' }).stdout.split(' ')[0]}\n`);
  }

  test('demote first, then its vnmrc step (the order a DSS allows): the file is written, the server is not started; the load starts it', () => {
    const server = fakeServer(20, 'primary 10');
    writeFileSync(join(server.root, 'SS', '.vnmrc'), 'secondary_polling=yes\n');
    expect(run(demoteStep(server).script).status).toBe(0);
    expect(server.fake.running()).toBe(false);

    const configured = run(secondaryVnmrc(server).script);
    expect(configured.status).toBe(0);
    expect(configured.output).toContain('not starting it, since it would run as a second primary');
    expect(readFileSync(join(server.root, 'SS', '.vnmrc'), 'utf8')).toBe('secondary_polling=yes\nwait_active=yes\n');
    expect(server.fake.running()).toBe(false);
    expect(server.calls()).toEqual(['stopSS.pl']);
    // No restart is owed: the next start reads the file.
    expect(pending(server)).toBe(false);
    // Run again (a retried deploy): still not started.
    expect(run(secondaryVnmrc(server).script).status).toBe(0);
    expect(server.fake.running()).toBe(false);

    stageSavefile(server);
    expect(run(loadStep(server).script).status).toBe(0);
    expect(server.fake.running()).toBe(true);
    expect(server.fake.database()).toBe('generation=new-primary\n');
    expect(server.role()).toBe('secondary 20\n');
    expect(server.calls().filter(c => c === 'startSS.pl')).toHaveLength(1);
    // Re-seeded, it is an ordinary secondary again: its vnmrc step keeps it running.
    server.fake.cleanup();
    expect(run(secondaryVnmrc(server).script).status).toBe(0);
    expect(server.fake.running()).toBe(true);
  });

  test('its vnmrc step first, then demote (the standalone order): restarted with the file, then stopped by demote', () => {
    const server = fakeServer(20, 'primary 10');
    expect(run(secondaryVnmrc(server).script).status).toBe(0);
    expect(server.calls()).toEqual(['stopSS.pl', 'startSS.pl']);
    expect(run(demoteStep(server).script).status).toBe(0);
    expect(server.fake.running()).toBe(false);
    expect(server.calls()).toEqual(['stopSS.pl', 'startSS.pl', 'stopSS.pl']);
  });

  /** Holds the SpectroSERVER lock of `server` (as a step's critical part does) until the returned function is called. */
  function holdLock(server: FakeServer): () => Promise<unknown> {
    const lock = join(server.root, 'SS', SAVEFILE_DIR, 'ss.lock');
    const release = join(server.root, 'release-lock');
    writeFileSync(release, '');
    const holder = spawn('flock', [lock, 'bash', '-c', `while [ -e '${release}' ]; do sleep 0.05; done`], { stdio: 'ignore' });
    const done = new Promise(resolve => holder.on('close', resolve));
    while (!spawnSync('flock', ['-n', lock, 'true']).status) spawnSync('sleep', ['0.02']);
    return () => {
      spawnSync('rm', ['-f', release]);
      return done;
    };
  }
  /** Starts `script`; resolves once it says it waits for the lock, with its exit status and output to come. */
  async function startWaitingForLock(script: string): Promise<{ done: Promise<number | null>; output: () => string }> {
    let output = '';
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    const done = new Promise<number | null>(resolve => child.on('close', resolve));
    while (!output.includes('waiting for an earlier run')) await new Promise(resolve => setTimeout(resolve, 20));
    return { done, output: () => output };
  }

  test('demote stops the server and records it under the lock: it waits for a step that holds the lock', async () => {
    const server = fakeServer(20, 'primary 10');
    const release = holdLock(server);
    const demote = await startWaitingForLock(demoteStep(server).script);
    expect(server.fake.running()).toBe(true);
    expect(server.role()).toBe('primary 10\n');
    await release();
    expect(await demote.done).toBe(0);
    expect(server.fake.running()).toBe(false);
    expect(server.role()).toBe('demoted 10\n');
  });

  test('its vnmrc step decides under the lock demote holds: started while demote is between its stop and its record, it does not start the server', async () => {
    const server = fakeServer(20, 'primary 10');
    // Demote under way: the lock taken, the server stopped, the record not yet written.
    const release = holdLock(server);
    server.fake.cleanup();
    const vnmrc = await startWaitingForLock(secondaryVnmrc(server).script);
    // Demote ends: its record, then the lock released.
    writeFileSync(join(server.root, 'SS', ROLE_RECORD), 'demoted 10\n');
    await release();
    expect(await vnmrc.done).toBe(0);
    expect(vnmrc.output()).toContain('not starting it');
    expect(server.fake.running()).toBe(false);
  });

  test('a demoted server that runs (a failed load restored and started it) is restarted, not stopped, for a changed file', () => {
    const server = fakeServer(20, 'demoted 10');
    expect(run(secondaryVnmrc(server).script).status).toBe(0);
    expect(server.calls()).toEqual(['stopSS.pl', 'startSS.pl']);
    expect(server.fake.running()).toBe(true);
  });

  test('the primary of the code with a demoted record (a promotion rolled back before the load) is started by its vnmrc step', () => {
    const server = fakeServer(10, 'demoted 10');
    server.fake.cleanup();
    const primaryVnmrc = vnmrcStep(target, server.install, { secondary_polling: literal('yes') });
    expect(run(primaryVnmrc.script).status).toBe(0);
    expect(server.fake.running()).toBe(true);
  });
});
