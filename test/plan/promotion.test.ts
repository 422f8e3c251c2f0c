/**
 * The promote and demote scripts (docs/promotion.md) over a fake $SPECROOT
 * whose tools log their calls: KB 49550's commands run only on a host whose
 * role record says the roles swapped, in order; everywhere else nothing runs.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { fakeSpecroot, FakeSpecroot } from './fake-specroot';
import { SshTarget } from '../../lib/plan/plan-step';
import { ROLE_RECORD } from '../../lib/plan/role-record';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { demoteStep } from '../../lib/plan/steps/demote-step';
import { REGISTERED_SECONDARIES } from '../../lib/plan/steps/deregister-step';
import { promoteStep } from '../../lib/plan/steps/promote-step';

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

  test.each([['secondary 20'], [undefined]])('with role record %p: nothing runs', role => {
    const server = fakeServer(20, role);
    const result = run(demoteStep(server).script);
    expect(result.status).toBe(0);
    expect(result.output).toContain('nothing to do');
    expect(server.calls()).toEqual([]);
  });
});
