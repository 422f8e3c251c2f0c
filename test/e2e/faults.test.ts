/**
 * Deploys interrupted and failing on purpose (issue 9 items 2 and 3):
 * `cdktf deploy` of test/e2e/fixtures/landscape onto two sandbox hosts, Ctrl-C
 * (SIGINT to its process group) while the simulator's SSdbsave or SSdbload
 * is held half-way, and startSS.pl failing once after a `.vnmrc` change.
 * After each: the server runs, its database is whole, the next deploy
 * converges. docs/fault-matrix.md names these tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject, CommandResult } from './deploy/cdktf-project';
import { expectSuccess } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { holdSimTool, injectFault, isSimRunning, readSimDatabase, readSimEvents, releaseSimHold } from './simulator';

const unavailable = sandboxUnavailableReason();
const ONE_SECONDARY = { SPECTRUM_E2E_SECONDARIES: JSON.stringify([{ id: 'secondary', host: 'secondary', precedence: 20 }]) };

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise(resolve => setTimeout(resolve, 100));
}

describeIfAvailable(unavailable)(`interrupted and failing deploys${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('faults', { hosts: ['primary', 'secondary'], firstAddressOctet: 70 });
  let sandbox: Sandbox;
  let project: CdktfProject;
  const root = (name: string) => sandbox.host(name).rootDir;
  const events = (name: string, tool: string) => readSimEvents(root(name)).filter(e => e.tool === tool);
  /** Blocks until no step holds the host's SpectroSERVER lock (a critical section left running by an interrupted deploy). */
  const waitForLock = (name: string) => {
    const lock = path.join(root(name), 'SS', 'cdktf-spectrum', 'ss.lock');
    if (fs.existsSync(lock)) spawnSync('flock', [lock, 'true']);
  };

  /** Deploys with `tool` held on `host`, sends SIGINT once it is held, checks the server did not start meanwhile, lets the tool go. */
  async function interruptDuring(host: string, tool: string): Promise<CommandResult> {
    holdSimTool(root(host), tool);
    try {
      const deploy = project.startDeploy(ONE_SECONDARY);
      let ended = false;
      void deploy.result.then(() => (ended = true));
      await until(() => ended || (fs.existsSync(path.join(root(host), 'SS', '.sim', 'events.log')) && events(host, tool).some(e => e.message.startsWith('held'))));
      expect(ended).toBe(false);
      process.kill(-deploy.child.pid!, 'SIGINT');
      const result = await deploy.result;
      expect(result.code).not.toBe(0);
      // Terraform has stopped and its session is gone; the tool still runs, and the server was not started under it.
      expect(isSimRunning(root(host))).toBe(false);
      const all = readSimEvents(root(host));
      const held = all.findIndex(e => e.tool === tool && e.message.startsWith('held'));
      expect(all.slice(held + 1).filter(e => e.tool === 'startSS.pl')).toEqual([]);
      return result;
    } finally {
      releaseSimHold(root(host));
    }
  }

  beforeAll(() => {
    ({ sandbox } = suite);
    project = suite.project({ dir: 'test/e2e/fixtures/landscape', stack: 'e2e-landscape', hostNames: ['primary', 'secondary'] });
  });

  test('Ctrl-C while SSdbsave runs on the primary: SSdbsave finishes, the primary runs again with its database', async () => {
    await interruptDuring('primary', 'SSdbsave');
    waitForLock('primary');
    const starts = events('primary', 'startSS.pl').filter(e => e.message.startsWith('ok'));
    const saved = events('primary', 'SSdbsave').filter(e => e.message.startsWith('ok'));
    expect(saved).toHaveLength(1);
    expect(starts.at(-1)!.time.getTime()).toBeGreaterThanOrEqual(saved[0].time.getTime());
    expect(isSimRunning(root('primary'))).toBe(true);
    expect(readSimDatabase(root('primary')).whole).toBe(true);
  });

  test('Ctrl-C while SSdbload runs on the secondary: SSdbload finishes, the secondary runs with a whole database; the next deploy converges', async () => {
    const own = readSimDatabase(root('secondary')).generation;
    await interruptDuring('secondary', 'SSdbload');
    waitForLock('secondary');
    const primary = readSimDatabase(root('primary'));
    const secondary = readSimDatabase(root('secondary'));
    expect(isSimRunning(root('secondary'))).toBe(true);
    expect(secondary.whole).toBe(true);
    expect([own, primary.generation]).toContain(secondary.generation);

    expectSuccess(project.deploy(ONE_SECONDARY));
    expect(isSimRunning(root('secondary'))).toBe(true);
    expect(readSimDatabase(root('secondary'))).toMatchObject({ whole: true, generation: primary.generation, loadedPrecedence: 20 });
    expect(project.plan().code).toBe(0);
  });

  test('startSS.pl failing once after a .vnmrc change: the deploy fails, the next one restarts the primary', () => {
    injectFault(root('primary'), 'startSS.pl');
    const warm = { ...ONE_SECONDARY, SPECTRUM_E2E_STANDBY: 'warm' };
    const failed = project.deploy(warm);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('startSS.pl failed after updating');
    expect(isSimRunning(root('primary'))).toBe(false);
    expect(fs.readFileSync(path.join(root('primary'), 'SS', '.vnmrc'), 'utf8')).toContain('secondary_polling=no');

    expectSuccess(project.deploy(warm));
    expect(isSimRunning(root('primary'))).toBe(true);
    expect(project.plan().code).toBe(0);
  });
});
