/**
 * Re-seed on demand, end to end (docs/reseed.md): `cdktf deploy` of
 * test/e2e/fixtures/reseed (a fault-tolerant pair, online backup, `reseed`
 * from a Terraform variable, retain 1) onto two sandbox hosts with the
 * Spectrum simulator. Data changed on the running primary reaches the
 * secondary when `reseed` changes; Terraform's plan holds only savefile,
 * transfer and load; the primary never stops; a re-seed whose load fails
 * leaves the secondary running on the database it had, and the next deploy
 * finishes it; swapping the roles promotes the secondary (KB 49550,
 * docs/promotion.md). One sandbox, five deploys.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject } from './deploy/cdktf-project';
import { expectSuccess } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { changeSimData, injectFault, isSimRunning, onlineBackupPath, readSimDatabase, readSimEvents, SimEvent } from './simulator';

const unavailable = sandboxUnavailableReason();
const HOSTS = ['primary', 'secondary'];
const BEFORE_LOAD = path.join('SS', 'cdktf-spectrum', 'before-load');

/** The steps (construct ids) of the resources Terraform says it will replace, or did create. */
const stepsIn = (output: string, pattern: RegExp) =>
  [...output.matchAll(pattern)].map(m => m[1].replace(/^terraform_data\.spectrum_/, '').replace(/_[0-9A-F]{8}$/, '')).sort();

describeIfAvailable(unavailable)(`re-seed on demand onto sandbox hosts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('reseed', { hosts: HOSTS, firstAddressOctet: 70 });
  let sandbox: Sandbox;
  let project: CdktfProject;
  const root = (name: string) => sandbox.host(name).rootDir;
  const eventsSince = (name: string, since: number): SimEvent[] => readSimEvents(root(name)).slice(since);
  const asides = (name: string) => fs.readdirSync(path.join(root(name), BEFORE_LOAD)).filter(f => f.endsWith('.SSdb'));

  /** Sets the `reseed` Terraform variable (in the var file; the same as `--var reseed=...`). */
  const setReseed = (value: string) => project.setVariables({ reseed: value });

  beforeAll(() => {
    ({ sandbox } = suite);
    project = suite.project({ dir: 'test/e2e/fixtures/reseed', stack: 'e2e-reseed', hostNames: HOSTS });
    project.extraEnv = { SPECTRUM_E2E_BACKUP_COMMAND: `${onlineBackupPath(sandbox.mediaDir)}` };
    expectSuccess(project.deploy());
  });

  test('a new reseed value: only savefile, transfer and load run; the secondary holds the data changed on the primary, which kept running', () => {
    const seeded = readSimDatabase(root('primary')).generation;
    expect(readSimDatabase(root('secondary')).generation).toBe(seeded);

    const changed = changeSimData(root('primary'));
    setReseed('2026-12-01');
    const plan = project.plan();
    expect(plan.code).toBe(2); // changes
    expect(stepsIn(plan.output, /# (terraform_data\.\S+) must be replaced/g)).toEqual(['primary_savefile', 'secondary_load', 'secondary_transfer']);
    expect(plan.output).toMatch(/Plan: 3 to add, 0 to change, 3 to destroy/);

    const before = { primary: readSimEvents(root('primary')).length, secondary: readSimEvents(root('secondary')).length };
    const deployed = project.deploy();
    expectSuccess(deployed);
    expect(stepsIn(deployed.output, /(terraform_data\.\S+) \([^)]*\): Creation complete/g)).toEqual(['primary_savefile', 'secondary_load', 'secondary_transfer']);

    const secondary = readSimDatabase(root('secondary'));
    expect(secondary.generation).toBe(changed);
    expect(secondary.loadedPrecedence).toBe(20);
    // The primary ran only the online backup: no stop, no start, still running.
    expect(eventsSince('primary', before.primary).map(e => e.tool).filter((t, i, all) => all.indexOf(t) === i)).toEqual(['online-backup']);
    expect(isSimRunning(root('primary'))).toBe(true);
    // The secondary was stopped for the load and started again.
    const tools = eventsSince('secondary', before.secondary).filter(e => e.message.startsWith('ok')).map(e => e.tool);
    expect(tools).toEqual(['stopSS.pl', 'SSdbsave', 'SSdbload', 'startSS.pl']);
    // What docs/reseed.md quotes as the cost (reported, not asserted).
    const okTimes = eventsSince('secondary', before.secondary).filter(e => e.message.startsWith('ok')).map(e => e.time.getTime());
    console.log(`re-seed: the secondary was stopped for ${okTimes[okTimes.length - 1] - okTimes[0]} ms; the primary not at all`);
    expect(isSimRunning(root('secondary'))).toBe(true);
    // retain: 1 — two loads so far, one database saved aside is kept.
    expect(asides('secondary')).toHaveLength(1);

    const again = project.plan();
    expectSuccess(again);
    expect(again.output).toContain('No changes');
  });

  test('a re-seed whose load fails leaves the secondary running on the database it had; the next deploy finishes it', () => {
    const had = readSimDatabase(root('secondary')).generation;
    const changed = changeSimData(root('primary'));
    injectFault(root('secondary'), 'SSdbload');
    setReseed('2026-12-02');
    const failed = project.deploy();
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('SSdbload failed');
    expect(readSimDatabase(root('secondary')).generation).toBe(had);
    expect(isSimRunning(root('secondary'))).toBe(true);
    expect(isSimRunning(root('primary'))).toBe(true);
    // A failed load prunes nothing: the database saved aside by this attempt is kept too.
    expect(asides('secondary')).toHaveLength(2);

    // The same reseed value: Terraform retries the tainted load (and only that).
    const retried = project.deploy();
    expectSuccess(retried);
    expect(stepsIn(retried.output, /(terraform_data\.\S+) \([^)]*\): Creation complete/g)).toEqual(['secondary_load']);
    expect(readSimDatabase(root('secondary')).generation).toBe(changed);
    expect(asides('secondary')).toHaveLength(1);
    expect(project.plan().code).toBe(0);
  });

  test('promotion: swapping the roles stops the old primary first, gives the new primary precedence 10 and secondary_polling, and re-seeds the old one at 20', () => {
    const [a, b] = [sandbox.host('primary').address, sandbox.host('secondary').address];
    const before = { primary: readSimEvents(root('primary')).length, secondary: readSimEvents(root('secondary')).length };
    // The code's primary is now the server at b, its secondary the one at a (here through the hosts variable).
    project.swapHosts('primary', 'secondary');
    expectSuccess(project.deploy());

    const newPrimary = readSimDatabase(root('secondary'));
    const oldPrimary = readSimDatabase(root('primary'));
    expect(newPrimary.map).toEqual([{ handle: '0x400000', precedence: 10, host: b }]);
    expect(oldPrimary.generation).toBe(newPrimary.generation);
    expect(oldPrimary.loadedFrom).toBe(b);
    expect(oldPrimary.map).toEqual([{ handle: '0x400000', precedence: 10, host: b }, { handle: '0x400000', precedence: 20, host: a }]);
    const vnmrc = (name: string) => fs.readFileSync(path.join(root(name), 'SS', '.vnmrc'), 'utf8').split('\n');
    expect(vnmrc('secondary')).toContain('secondary_polling=yes');
    expect(vnmrc('primary').filter(line => line.startsWith('secondary_polling'))).toEqual([]);
    expect(isSimRunning(root('primary'))).toBe(true);
    expect(isSimRunning(root('secondary'))).toBe(true);

    // KB 49550's order: the old primary stopped before the new primary's precedence changes.
    const oldStopped = eventsSince('primary', before.primary).filter(e => e.tool === 'stopSS.pl' && e.message === 'ok now stopped');
    const promoted = eventsSince('secondary', before.secondary).filter(e => e.tool === 'SSdbload' && e.message.startsWith('ok') && e.message.includes('precedence=10'));
    expect(promoted).toHaveLength(1);
    expect(oldStopped.length).toBeGreaterThan(0);
    const demoted = oldStopped.filter(e => e.time.getTime() <= promoted[0].time.getTime());
    expect(demoted.length).toBeGreaterThan(0);
    const mapUpdates = eventsSince('secondary', before.secondary).filter(e => e.tool === 'MapUpdate').map(e => e.message);
    expect(mapUpdates).toEqual(['start -remove 0x400000 -precedence 20', 'ok removed map entry 0x400000 precedence 20']);
    // The old primary ran no promotion, the new one no demotion.
    expect(eventsSince('primary', before.primary).filter(e => e.tool === 'MapUpdate')).toEqual([]);

    const again = project.plan();
    expectSuccess(again);
    expect(again.output).toContain('No changes');
  });
});
