/**
 * Promotion of examples/fault-tolerant, end to end (issue 11, KB 49550,
 * docs/promotion.md): `cdktf deploy` of the example onto two sandbox hosts
 * with the Spectrum simulator, then the operator's change: swap the two
 * entries of the `hosts` and `host_keys` variables and deploy again. Then the
 * same two servers as the master landscape of a DSS (test/e2e/fixtures/
 * promotion-dss, its own state) with the roles swapped back: there the
 * demote step cannot wait for the former primary's vnmrc step, which must
 * not start the demoted server. One sandbox, three deploys and two plans.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject } from './deploy/cdktf-project';
import { expectSuccess, resourceEvents } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { changeSimData, isSimRunning, readSimDatabase, readSimTimeline, SimTimelineEntry } from './simulator';

const unavailable = sandboxUnavailableReason();
const HOSTS = ['primary', 'secondary'];
const HANDLE = '0x400000';

describeIfAvailable(unavailable)(`promotion of examples/fault-tolerant on sandbox hosts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('promotion', { hosts: HOSTS, firstAddressOctet: 160 });
  let sandbox: Sandbox;
  let project: CdktfProject;
  const root = (name: string) => sandbox.host(name).rootDir;
  const address = (name: string) => sandbox.host(name).address;
  const vnmrc = (name: string) => fs.readFileSync(path.join(root(name), 'SS', '.vnmrc'), 'utf8').split('\n');
  /** A host's timeline entries from index `since` on (the simulator's clock: microseconds, shared by the hosts). */
  const timelineSince = (name: string, since: number): SimTimelineEntry[] => readSimTimeline(root(name)).slice(since);
  const timelineLengths = () => Object.fromEntries(HOSTS.map(name => [name, readSimTimeline(root(name)).length]));

  /**
   * KB 49550's order, on the hosts' shared clock: when the new primary was
   * reloaded with precedence 10, the former primary was stopped (its last
   * run-state change before then is a stop), and it was not started again
   * until its own load had re-seeded it at 20.
   */
  const expectStoppedFromReloadToLoad = (former: string, promoted: string, before: { [name: string]: number }) => {
    const reload = timelineSince(promoted, before[promoted]).filter(e => e.event === 'load' && e.detail.endsWith('precedence=10'));
    expect(reload).toHaveLength(1);
    const timeline = timelineSince(former, before[former]);
    const lastChange = timeline.filter(e => (e.event === 'ss-stop' || e.event === 'ss-start') && e.timeUs < reload[0].timeUs).pop();
    expect(lastChange?.event).toBe('ss-stop');
    expect(timeline.slice(timeline.indexOf(lastChange!)).map(e => (e.event === 'load' ? `load ${e.detail.split(' ').pop()}` : e.event)))
      .toEqual(['ss-stop', 'save', 'load precedence=20', 'ss-start']);
  };

  beforeAll(() => {
    ({ sandbox } = suite);
    project = suite.project({ dir: 'examples/fault-tolerant', stack: 'fault-tolerant', hostNames: HOSTS });
    expectSuccess(project.deploy());
  });

  test('swapping hosts and host_keys promotes the secondary: KB 49550 order, precedence 10 and secondary_polling move, the former primary holds the new primary database at 20', () => {
    const [a, b] = [address('primary'), address('secondary')];
    // As deployed: the server at a is the primary, the one at b its secondary, seeded from it.
    expect(readSimDatabase(root('primary')).map).toEqual([{ handle: HANDLE, precedence: 10, host: a }]);
    const seeded = readSimDatabase(root('secondary')).generation;
    // Data changed on the primary since that seeding: a former primary that kept its own
    // database would hold `changed`; one re-seeded from the new primary holds `seeded`.
    const changed = changeSimData(root('primary'));
    expect(changed).not.toBe(seeded);

    const before = timelineLengths();
    // The operator's change: the code's primary is now the server at b, its secondary the one at a.
    project.swapHosts('primary', 'secondary');
    expectSuccess(project.deploy());

    // The new primary (at b): precedence 10 and nothing of its old precedence 20 in its map; hot standby.
    const newPrimary = readSimDatabase(root('secondary'));
    expect(newPrimary.map).toEqual([{ handle: HANDLE, precedence: 10, host: b }]);
    expect(newPrimary.generation).toBe(seeded);
    expect(vnmrc('secondary')).toContain('secondary_polling=yes');
    // The former primary (at a): the new primary's database, at precedence 20, no entry of its own at 10.
    const formerPrimary = readSimDatabase(root('primary'));
    expect(formerPrimary.generation).toBe(seeded);
    expect(formerPrimary.loadedFrom).toBe(b);
    expect(formerPrimary.loadedPrecedence).toBe(20);
    expect(formerPrimary.map).toEqual([{ handle: HANDLE, precedence: 10, host: b }, { handle: HANDLE, precedence: 20, host: a }]);
    expect(vnmrc('primary').filter(line => /^\s*secondary_polling\s*=/.test(line))).toEqual([]);
    expect(isSimRunning(root('primary'))).toBe(true);
    expect(isSimRunning(root('secondary'))).toBe(true);

    expectStoppedFromReloadToLoad('primary', 'secondary', before);
  });

  test('a second deploy changes nothing: Terraform plans no change and replaces no resource', () => {
    const plan = project.plan();
    expectSuccess(plan);
    expect(plan.output).toContain('No changes');
    expect(plan.output).not.toMatch(/must be replaced/);
  });

  test('in a DSS, where demote waits for the install only, the demoted server is not started before its load re-seeds it', () => {
    const [a, b] = [address('primary'), address('secondary')];
    // The server at b is the primary now (above). The DSS's code has the server at a as its primary again.
    const dss = suite.project({ dir: 'test/e2e/fixtures/promotion-dss', stack: 'e2e-promotion-dss', hostNames: HOSTS });
    const before = timelineLengths();
    const deployed = dss.deploy();
    expectSuccess(deployed);

    // The order only a DSS allows: the former primary (at b) was demoted before its vnmrc step
    // ran, and that step (which removed secondary_polling) left it stopped.
    const progress = resourceEvents(deployed);
    const at = (resourcePath: string, action: string) => progress.find(e => e.path === resourcePath && e.action === action)!.line;
    expect(at('estate/master/secondary/demote', 'Creation complete')).toBeLessThan(at('estate/master/secondary/vnmrc', 'Creating...'));
    expect(deployed.output).toContain('not starting it, since it would run as a second primary');
    expect(vnmrc('secondary').filter(line => /^\s*secondary_polling\s*=/.test(line))).toEqual([]);
    expectStoppedFromReloadToLoad('secondary', 'primary', before);

    const promoted = readSimDatabase(root('primary'));
    expect(promoted.map).toEqual([{ handle: HANDLE, precedence: 10, host: a }]);
    const demoted = readSimDatabase(root('secondary'));
    expect(demoted.generation).toBe(promoted.generation);
    expect(demoted.map).toEqual([{ handle: HANDLE, precedence: 10, host: a }, { handle: HANDLE, precedence: 20, host: b }]);
    expect(isSimRunning(root('primary'))).toBe(true);
    expect(isSimRunning(root('secondary'))).toBe(true);
    expect(dss.plan().code).toBe(0);
  });
});
