/**
 * Upgrades really roll (docs/upgrades.md): `cdktf deploy` onto sandbox hosts
 * with the Spectrum simulator, whose hosts record a timeline (install and
 * update runs, SpectroSERVER starts and stops, with microseconds). One
 * sandbox for every scenario: an FT landscape with OneClick on the primary's
 * host (base + update media), then the distributed example upgraded to a new
 * release, once cleanly and once with an installer that fails on a primary.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject } from './deploy/cdktf-project';
import { expectSuccess } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { clearFault, injectFault, isSimRunning, makeMedia, readSimHistory, readSimTimeline, SimTimelineEntry } from './simulator';

const unavailable = sandboxUnavailableReason();
const LANDSCAPES = ['master', 'east', 'west'];
const DSS_SERVERS = LANDSCAPES.flatMap(l => [`${l}-primary`, `${l}-secondary`]);
const DSS_HOSTS = [...DSS_SERVERS, 'oneclick'];

/** A timeline entry with the sandbox host name it happened on. */
interface Happening extends SimTimelineEntry {
  readonly name: string;
}

describeIfAvailable(unavailable)(`rolling upgrades on sandbox hosts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('upgrade', { hosts: ['primary', 'secondary', ...DSS_HOSTS], firstAddressOctet: 60 });
  const { project } = suite;
  let sandbox: Sandbox;
  beforeAll(() => ({ sandbox } = suite));
  const specroot = (name: string) => sandbox.host(name).rootDir;
  /** New media visible inside every host (the media directory is bound read-only at its own path). */
  const media = (version: string, requires?: string) => makeMedia(path.join(sandbox.mediaDir, `v${version}`), version, requires);
  /** What `names` did after `sinceUs`, in time order. */
  const happenings = (names: readonly string[], sinceUs = 0): Happening[] =>
    names.flatMap(name => readSimTimeline(specroot(name)).filter(e => e.timeUs > sinceUs).map(e => ({ ...e, name })))
      .sort((a, b) => a.timeUs - b.timeUs);
  const lastUs = (names: readonly string[]) => Math.max(0, ...happenings(names).map(e => e.timeUs));
  const firstOf = (events: Happening[], name: string) => Math.min(...events.filter(e => e.name === name).map(e => e.timeUs));
  const lastOf = (events: Happening[], name: string) => Math.max(...events.filter(e => e.name === name).map(e => e.timeUs));

  /**
   * Replays SpectroSERVER starts and stops (all running before) and returns
   * the instants at which a landscape had none running. Equal times count
   * the stop first, the pessimistic reading.
   */
  function landscapeOutages(events: Happening[], landscapes: Record<string, string[]>): string[] {
    const running = new Map<string, boolean>(Object.values(landscapes).flat().map(name => [name, true]));
    const outages: string[] = [];
    const ordered = [...events].sort((a, b) => a.timeUs - b.timeUs || (a.event === 'ss-stop' ? -1 : 1));
    for (const e of ordered) {
      if (e.event !== 'ss-start' && e.event !== 'ss-stop') continue;
      running.set(e.name, e.event === 'ss-start');
      for (const [landscape, servers] of Object.entries(landscapes)) {
        if (!servers.some(s => running.get(s))) outages.push(`${landscape} down at ${e.timeUs} (${e.name} ${e.event})`);
      }
    }
    return outages;
  }

  describe('base release + update media, OneClick on the primary\'s host (test/e2e/fixtures/upgrade)', () => {
    let fixture: CdktfProject;
    const updates = (versions: string[]) => ({
      SPECTRUM_E2E_UPDATES: JSON.stringify(versions.map(version => ({ mediaPath: media(version, '10.4.1'), version }))),
    });

    beforeAll(() => {
      fixture = project({ dir: 'test/e2e/fixtures/upgrade', stack: 'e2e-upgrade', hostNames: ['primary', 'secondary'] });
    });

    test('a first deploy installs the base release, then the update, on both hosts; both products end up on the shared host', () => {
      expectSuccess(fixture.deploy(updates(['10.4.1.1'])));
      for (const name of ['primary', 'secondary']) {
        const runs = happenings([name]).filter(e => e.event.endsWith('-end')).map(e => `${e.event} ${e.detail.split(' ')[0]}`);
        expect(runs.indexOf('install-end 10.4.1')).toBeLessThan(runs.indexOf('update-end 10.4.1.1'));
        expect(readSimHistory(specroot(name))).toContain('10.4.1.1');
        expect(isSimRunning(specroot(name))).toBe(true);
      }
      // Issue 9.1: the SpectroSERVER and OneClick both installed on the primary's host, at the update's version.
      const conf = fs.readFileSync(path.join(specroot('primary'), 'SS/.sim/install.conf'), 'utf8');
      expect(conf).toContain('ss_version=10.4.1.1\n');
      expect(fs.readFileSync(path.join(specroot('primary'), 'tomcat/webapps/spectrum/.oneclick'), 'utf8')).toContain('version=10.4.1.1\n');
      expect(fs.existsSync(path.join(specroot('primary'), 'SS/.vnmrc'))).toBe(true);
      expect(fixture.plan().code).toBe(0);
    });

    test('adding a second update applies only that one, the primary first, and the landscape keeps a SpectroSERVER running', () => {
      const since = lastUs(['primary', 'secondary']);
      const result = fixture.deploy(updates(['10.4.1.1', '10.4.1.2']));
      expectSuccess(result);
      const replaced = [...result.output.matchAll(/terraform_data\.(\S+) \([^)]*\): Creation complete/g)].map(m => m[1].replace(/_[0-9A-F]{8}$/, '')).sort();
      // OneClick's web server restarts after the primary's upgrade (KB 192703; docs/host-preparation.md).
      expect(replaced).toEqual([
        'spectrum_oneclick_upgrade', 'spectrum_oneclick_webserver', 'spectrum_primary_hostrc', 'spectrum_primary_upgrade', 'spectrum_secondary_hostrc', 'spectrum_secondary_upgrade',
      ]);
      const events = happenings(['primary', 'secondary'], since);
      const runs = events.filter(e => e.event.endsWith('-start') && e.event !== 'ss-start').map(e => `${e.name} ${e.event} ${e.detail}`);
      expect(runs).toEqual(['primary update-start 10.4.1.2', 'secondary update-start 10.4.1.2']);
      expect(lastOf(events, 'primary')).toBeLessThan(firstOf(events, 'secondary'));
      expect(landscapeOutages(events, { spectrum: ['primary', 'secondary'] })).toEqual([]);
      // The shared host's OneClick was upgraded with its SpectroSERVER.
      expect(fs.readFileSync(path.join(specroot('primary'), 'tomcat/webapps/spectrum/.oneclick'), 'utf8')).toContain('version=10.4.1.2\n');
      for (const name of ['primary', 'secondary']) expect(isSimRunning(specroot(name))).toBe(true);
      expect(fixture.plan().code).toBe(0);
    });
  });

  describe('examples/distributed upgraded to a new release', () => {
    let dss: CdktfProject;
    const landscapes = Object.fromEntries(LANDSCAPES.map(l => [l, [`${l}-primary`, `${l}-secondary`]]));
    const primaries = LANDSCAPES.map(l => `${l}-primary`);
    const secondaries = LANDSCAPES.map(l => `${l}-secondary`);
    /** Deploys `version` from its own media. */
    const deployVersion = (version: string) => {
      const vars = JSON.parse(fs.readFileSync(dss.varFile, 'utf8'));
      fs.writeFileSync(dss.varFile, JSON.stringify({ ...vars, spectrum_media_path: media(version) }), { mode: 0o600 });
      return dss.deploy({ SPECTRUM_VERSION: version });
    };

    beforeAll(() => {
      dss = project({ dir: 'examples/distributed', stack: 'distributed', hostNames: DSS_HOSTS });
    });

    test('first deploy: installed everywhere, every SpectroSERVER running', () => {
      expectSuccess(dss.deploy());
      for (const name of DSS_SERVERS) expect(isSimRunning(specroot(name))).toBe(true);
    });

    test('a version upgrade rolls: the master primary, then the other primaries and OneClick, then the secondaries; every landscape always has a SpectroSERVER running', () => {
      const since = lastUs(DSS_HOSTS);
      expectSuccess(deployVersion('10.5.0'));
      const events = happenings(DSS_HOSTS, since);
      const installs = events.filter(e => e.event === 'install-start').map(e => e.name);
      expect(installs.sort()).toEqual([...DSS_HOSTS].sort());
      // The master primary first: done (and started again) before anything else begins.
      for (const name of DSS_HOSTS.filter(n => n !== 'master-primary')) expect(firstOf(events, name)).toBeGreaterThan(lastOf(events, 'master-primary'));
      // Secondaries last: each begins after every primary and OneClick are done.
      const primariesDone = Math.max(...[...primaries, 'oneclick'].map(name => lastOf(events, name)));
      for (const name of secondaries) expect(firstOf(events, name)).toBeGreaterThan(primariesDone);
      expect(landscapeOutages(events, landscapes)).toEqual([]);
      for (const name of DSS_HOSTS) expect(readSimHistory(specroot(name)).slice(-1)).toEqual(['10.5.0']);
      for (const name of DSS_SERVERS) expect(isSimRunning(specroot(name))).toBe(true);
      expect(dss.plan().code).toBe(0);
    });

    test('an installer failing on a primary stops the deploy with its output; that landscape\'s secondary is untouched and runs; after the fix a deploy converges', () => {
      injectFault(specroot('east-primary'), 'sdiclinux.exe', 'always');
      const since = lastUs(DSS_HOSTS);
      const failed = deployVersion('10.5.1');
      expect(failed.code).not.toBe(0);
      expect(failed.output).toContain('Installation failure: simulated fault');
      expect(failed.output).toContain('the Spectrum installer failed for Spectrum 10.5.1');
      const events = happenings(DSS_HOSTS, since);
      expect(events.filter(e => e.name === 'east-secondary')).toEqual([]);
      // No secondary starts before every primary is done.
      for (const name of secondaries) expect(events.filter(e => e.name === name)).toEqual([]);
      expect(isSimRunning(specroot('east-secondary'))).toBe(true);
      expect(isSimRunning(specroot('east-primary'))).toBe(true);
      expect(readSimHistory(specroot('east-primary')).slice(-1)).toEqual(['10.5.0']);
      expect(landscapeOutages(events, landscapes)).toEqual([]);

      clearFault(specroot('east-primary'));
      expectSuccess(deployVersion('10.5.1'));
      for (const name of DSS_HOSTS) expect(readSimHistory(specroot(name)).slice(-1)).toEqual(['10.5.1']);
      for (const name of DSS_SERVERS) expect(isSimRunning(specroot(name))).toBe(true);
      expect(dss.plan().code).toBe(0);
    });
  });
});
