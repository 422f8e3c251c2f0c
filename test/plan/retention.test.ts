/**
 * Retention (LandscapeOptions.retain): the scripts of the savefile, load,
 * hostrc and vnmrc steps, run twenty times in a row over a fake $SPECROOT with a fake
 * clock (the copies are named by UTC second, and twenty runs take less than
 * a second here), leave at most `retain` copies of each kind of file per
 * server, remove the oldest first and never the newest.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fakeSpecroot, FakeSpecroot } from './fake-specroot';
import { SshTarget } from '../../lib/plan/plan-step';
import { BEFORE_LOAD_DIR, INCOMING_DIR, SAVEFILE_DIR, savefileBase } from '../../lib/plan/savefile-paths';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { hostrcStep } from '../../lib/plan/steps/hostrc-step';
import { loadStep } from '../../lib/plan/steps/load-step';
import { savefileStep } from '../../lib/plan/steps/savefile-step';
import { vnmrcStep } from '../../lib/plan/steps/vnmrc-step';

const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };
const HANDLE = '0x400000';

/** A fake server (test/plan/fake-specroot.ts: a SpectroSERVER process, logging tools) with a .hostrc and a .vnmrc. */
function fakeServer(name: string): ServerPlanInput & { root: string; fake: FakeSpecroot } {
  const fake = fakeSpecroot();
  servers.push(fake);
  fake.start();
  const root = fake.root;
  writeFileSync(join(root, '.hostrc'), `${name}\n`);
  writeFileSync(join(root, 'SS', '.vnmrc'), 'agent_port=161\n');
  return {
    root,
    fake,
    path: `app/${name}`,
    host: literal(name),
    target,
    install: fake.install,
    handle: HANDLE,
    precedence: name === 'primary' ? 10 : 20,
    mainLocationServer: literal('primary'),
    vnmrc: {},
  };
}

const servers: FakeSpecroot[] = [];
afterAll(() => servers.forEach(server => server.cleanup()));

/** A `date` that answers the scripts' `date -u +%Y%m%dT%H%M%SZ` with one new second per call. */
function fakeClock(work: string): NodeJS.ProcessEnv {
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(work, 'clock'), '0');
  writeFileSync(join(bin, 'date'), `#!/bin/bash
if [ "$*" = '-u +%Y%m%dT%H%M%SZ' ]; then
  n=$(cat '${work}/clock'); echo $((n + 1)) > '${work}/clock'
  printf '20261201T%06dZ\\n' "$n"
else exec /bin/date "$@"; fi
`, { mode: 0o755 });
  return { ...process.env, PATH: `${bin}:${process.env.PATH}` };
}

function run(script: string, env: NodeJS.ProcessEnv): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function expectOk(result: { status: number; output: string }): void {
  if (result.status !== 0) throw new Error(result.output);
}

const named = (dir: string, prefix: string, suffix: string) =>
  (existsSync(dir) ? readdirSync(dir) : []).filter(f => f.startsWith(prefix) && f.endsWith(suffix)).sort();

/** One re-seed of the pair: save on the primary, copy as the transfer does, load on the secondary; plus a .hostrc and .vnmrc change on both. */
type FakeServer = ReturnType<typeof fakeServer>;
function reseed(primary: FakeServer, secondary: FakeServer, round: number, retain: number, env: NodeJS.ProcessEnv) {
  const backup = 'cp -- "$SPECROOT/SS/.vnmrc" "$SPECTRUM_SAVEFILE"';
  expectOk(run(savefileStep(primary, literal(backup), { reseed: literal(`round ${round}`), retain }).script, { ...env, SPECROOT: primary.root }));
  const saved = join(primary.root, 'SS', SAVEFILE_DIR, `${savefileBase(HANDLE)}.SSdb`);
  const incoming = join(secondary.root, 'SS', INCOMING_DIR, `${savefileBase(HANDLE)}.SSdb`);
  mkdirSync(join(secondary.root, 'SS', INCOMING_DIR), { recursive: true });
  copyFileSync(saved, incoming);
  copyFileSync(`${saved}.sha256`, `${incoming}.sha256`);
  const load = run(loadStep(secondary, retain).script, env);
  for (const server of [primary, secondary]) {
    expectOk(run(hostrcStep(target, server.install, [literal('primary'), literal(`peer-${round}`)], literal(`d${round}`), retain).script, env));
    expectOk(run(vnmrcStep(target, server.install, { wait_active: literal(`yes-${round}`) }, retain).script, env));
  }
  return load;
}

describe('retention', () => {
  test.each([[3, 20], [1, 6]])('re-seeds with retain %p, %p in a row, leave at most that many copies of each kind per server, the newest ones', (retain, rounds) => {
    const work = mkdtempSync(join(tmpdir(), 'spx-retain-'));
    const env = fakeClock(work);
    const primary = fakeServer('primary');
    const secondary = fakeServer('secondary');
    const asideDir = join(secondary.root, 'SS', BEFORE_LOAD_DIR);
    const made = new Set<string>();
    for (let round = 1; round <= rounds; round++) {
      expectOk(reseed(primary, secondary, round, retain, env));
      for (const name of named(asideDir, 'before-load-', '.SSdb')) made.add(name);
    }

    // Primary: the current savefile, and its .previous only when retain allows two copies.
    const saveDir = join(primary.root, 'SS', SAVEFILE_DIR);
    const base = savefileBase(HANDLE);
    expect(named(saveDir, base, '')).toEqual(retain >= 2
      ? [`${base}.SSdb`, `${base}.SSdb.previous`, `${base}.SSdb.sha256`, `${base}.SSdb.sha256.previous`]
      : [`${base}.SSdb`, `${base}.SSdb.sha256`]);
    // The current savefile is the last round's (the backup command copies .vnmrc, which names the round before).
    expect(readFileSync(join(saveDir, `${base}.SSdb`), 'utf8')).toContain(`wait_active=yes-${rounds - 1}`);

    // Secondary: the newest `retain` databases saved aside; twenty were made.
    // Oldest first: what is left are the last `retain` of all those made.
    expect(made.size).toBe(rounds);
    expect(named(asideDir, 'before-load-', '.SSdb')).toEqual([...made].sort().slice(-retain));

    for (const server of [primary, secondary]) {
      const hostrcBaks = named(server.root, '.hostrc.cdktf-spectrum-', '.bak');
      const vnmrcBaks = named(join(server.root, 'SS'), '.vnmrc.cdktf-spectrum-', '.bak');
      expect(hostrcBaks).toHaveLength(retain);
      expect(vnmrcBaks).toHaveLength(retain);
      // The newest .bak holds what the file said one round ago: the newest copy was kept.
      expect(readFileSync(join(server.root, 'SS', vnmrcBaks[retain - 1]), 'utf8')).toContain(`wait_active=yes-${rounds - 1}`);
      expect(readFileSync(join(server.root, '.hostrc'), 'utf8')).toContain(`peer-${rounds}`);
    }
  });

  test('a failed load prunes nothing: the database it saved aside and the older ones stay', () => {
    const work = mkdtempSync(join(tmpdir(), 'spx-retain-'));
    const env = fakeClock(work);
    const primary = fakeServer('primary');
    const secondary = fakeServer('secondary');
    for (let round = 1; round <= 3; round++) expectOk(reseed(primary, secondary, round, 1, env));
    const dir = join(secondary.root, 'SS', BEFORE_LOAD_DIR);
    const before = named(dir, 'before-load-', '.SSdb');
    expect(before).toHaveLength(1);
    secondary.fake.failNext('SSdbload');
    const failed = reseed(primary, secondary, 4, 1, env);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('SSdbload failed');
    const after = named(dir, 'before-load-', '.SSdb');
    expect(after).toHaveLength(2);
    expect(after).toContain(before[0]);
  });

  test('files that only look alike are left alone: the live files, the managed-keys list, other directories', () => {
    const work = mkdtempSync(join(tmpdir(), 'spx-retain-'));
    const env = fakeClock(work);
    const primary = fakeServer('primary');
    writeFileSync(join(primary.root, 'SS', '.vnmrc.cdktf-spectrum-keep.txt'), 'mine\n');
    mkdirSync(join(primary.root, 'SS', '.vnmrc.cdktf-spectrum-dir.bak'));
    for (let round = 1; round <= 4; round++) {
      expectOk(run(vnmrcStep(target, primary.install, { wait_active: literal(`v${round}`) }, 1).script, env));
    }
    expect(readdirSync(join(primary.root, 'SS')).filter(f => f.startsWith('.vnmrc')).sort()).toEqual([
      '.vnmrc', '.vnmrc.cdktf-spectrum-20261201T000003Z.bak', '.vnmrc.cdktf-spectrum-dir.bak', '.vnmrc.cdktf-spectrum-keep.txt', '.vnmrc.cdktf-spectrum-keys',
    ]);
  });
});
