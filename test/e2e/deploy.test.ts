/**
 * The plan really runs: `cdktf deploy` (the real cdktf CLI, terraform_data
 * plan, Terraform on this machine) of the examples onto sandbox hosts reached
 * over real SSH, with the Spectrum simulator behind them. Each test asserts
 * on the hosts' files after the deploy.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject } from './deploy/cdktf-project';
import { expectSuccess, filesUnder, managedHosts } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { TransitFault } from './deploy/transit-fault';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { readSimDatabase, readSimEvents, SimEvent } from './simulator';

const unavailable = sandboxUnavailableReason();
const DSS_HOSTS = ['master-primary', 'master-secondary', 'east-primary', 'east-secondary', 'west-primary', 'west-secondary', 'oneclick'];
const FIXTURE_HOSTS = ['primary', 'secondary', 'tertiary'];

/** Wipes a host's /opt/CA/Spectrum, as on a freshly provisioned machine. */
function emptyInstallDir(sandbox: Sandbox, name: string): void {
  const root = sandbox.host(name).rootDir;
  for (const entry of fs.readdirSync(root)) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
}

const specroot = (sandbox: Sandbox, name: string) => path.join(sandbox.host(name).rootDir);
const events = (sandbox: Sandbox, name: string, tool?: string): SimEvent[] =>
  readSimEvents(specroot(sandbox, name)).filter(e => tool === undefined || e.tool === tool);

describeIfAvailable(unavailable)(`cdktf deploy onto sandbox hosts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('deploy', { hosts: ['primary', 'secondary', ...DSS_HOSTS, 'tertiary'], firstAddressOctet: 40 });
  const { password, project } = suite;
  let workDir: string;
  let sandbox: Sandbox;
  beforeAll(() => ({ workDir, sandbox } = suite));

  describe('examples/fault-tolerant', () => {
    let ft: CdktfProject;
    beforeAll(() => {
      ft = project({ dir: 'examples/fault-tolerant', stack: 'fault-tolerant', hostNames: ['primary', 'secondary'] });
    });

    test('deploys: both hosts installed with LH 0x400000, the secondary holds the primary database at precedence 20', () => {
      const result = ft.deploy();
      expectSuccess(result);

      const primary = readSimDatabase(specroot(sandbox, 'primary'));
      const secondary = readSimDatabase(specroot(sandbox, 'secondary'));
      expect(primary.handle).toBe('0x400000');
      expect(secondary.handle).toBe('0x400000');
      expect(secondary.generation).toBe(primary.generation);
      expect(secondary.loadedFrom).toBe(sandbox.host('primary').address);
      expect(secondary.loadedPrecedence).toBe(20);
      expect(secondary.map).toContainEqual({ handle: '0x400000', precedence: 20, host: sandbox.host('secondary').address });
      // The secondary's own database was saved aside before the load.
      expect(filesUnder(path.join(specroot(sandbox, 'secondary'), 'SS', 'cdktf-spectrum', 'before-load')).some(f => f.endsWith('.SSdb'))).toBe(true);
    });

    test('the primary .vnmrc has secondary_polling=yes and keeps every line it had', () => {
      const vnmrc = fs.readFileSync(path.join(specroot(sandbox, 'primary'), 'SS', '.vnmrc'), 'utf8').split('\n');
      expect(vnmrc).toContain('secondary_polling=yes');
      const backups = fs.readdirSync(path.join(specroot(sandbox, 'primary'), 'SS')).filter(f => f.startsWith('.vnmrc.cdktf-spectrum-') && f.endsWith('.bak'));
      expect(backups).toHaveLength(1);
      const before = fs.readFileSync(path.join(specroot(sandbox, 'primary'), 'SS', backups[0]), 'utf8').split('\n').filter(l => l !== '');
      expect(before.length).toBeGreaterThan(0);
      for (const line of before) expect(vnmrc).toContain(line);
    });

    test('both .hostrc files list both hosts, next to the line the installer wrote', () => {
      const both = [sandbox.host('primary').address, sandbox.host('secondary').address];
      for (const name of ['primary', 'secondary']) {
        const hostrc = path.join(specroot(sandbox, name), '.hostrc');
        expect(managedHosts(hostrc)).toEqual(both);
        expect(fs.readFileSync(hostrc, 'utf8').split('\n')[0]).toBe(sandbox.host(name).address);
      }
    });

    test('no password file remains on any host, and the password is in no output, state or synthesized file', () => {
      for (const name of ['primary', 'secondary']) {
        const host = sandbox.host(name);
        const leftovers = [...filesUnder(host.rootDir), ...filesUnder(host.tmpDir!)];
        expect(leftovers.filter(f => f.endsWith('.pw') || f.endsWith('/secret'))).toEqual([]);
        for (const file of leftovers) expect(fs.readFileSync(file, 'utf8')).not.toContain(password);
      }
      expect(fs.readFileSync(ft.stateFile, 'utf8')).not.toContain(password);
      for (const file of filesUnder(ft.outDir)) expect(fs.readFileSync(file, 'utf8')).not.toContain(password);
    });

    test('a second deploy changes nothing: terraform plan -detailed-exitcode returns 0', () => {
      const plan = ft.plan();
      expectSuccess(plan);
      expect(plan.output).toContain('No changes');
      expect(plan.output).not.toContain(password);
    });
  });

  describe('examples/distributed', () => {
    let dss: CdktfProject;
    beforeAll(() => {
      dss = project({ dir: 'examples/distributed', stack: 'distributed', hostNames: DSS_HOSTS });
    });

    test('deploys six SpectroSERVERs and the OneClick server with main_loc_serv = the master primary', () => {
      const result = dss.deploy();
      expectSuccess(result);
      const master = sandbox.host('master-primary').address;
      for (const name of DSS_HOSTS) {
        const conf = fs.readFileSync(path.join(specroot(sandbox, name), 'SS', '.sim', 'install.conf'), 'utf8');
        expect(conf).toContain(`main_loc_serv=${master}`);
        expect(conf).toContain(name === 'oneclick' ? 'oc_install=yes' : 'ss_install=yes');
      }
      for (const [name, handle] of [['master', '0x100000'], ['east', '0x200000'], ['west', '0x300000']]) {
        const primary = readSimDatabase(specroot(sandbox, `${name}-primary`));
        const secondary = readSimDatabase(specroot(sandbox, `${name}-secondary`));
        expect(primary.handle).toBe(handle);
        expect(secondary.generation).toBe(primary.generation);
      }
    });

    test('every .hostrc lists every SpectroSERVER and OneClick host of the DSS', () => {
      const all = DSS_HOSTS.map(name => sandbox.host(name).address);
      for (const name of DSS_HOSTS.filter(n => n !== 'oneclick')) {
        expect(managedHosts(path.join(specroot(sandbox, name), '.hostrc'))).toEqual(all);
      }
    });

    test('the distributed landscapes are provisioned in parallel, after the master primary', () => {
      const firstEvent = (name: string) => events(sandbox, name)[0].time.getTime();
      const loads = (name: string) => events(sandbox, name, 'SSdbload').filter(e => e.message.startsWith('ok')).map(e => e.time.getTime());
      const masterConfigured = Math.max(...events(sandbox, 'master-primary', 'startSS.pl').map(e => e.time.getTime()).slice(0, 2));
      const memberStarts = ['east-primary', 'east-secondary', 'west-primary', 'west-secondary'].map(firstEvent);
      // Every member landscape starts only after the master primary was configured...
      for (const start of memberStarts) expect(start).toBeGreaterThan(masterConfigured);
      // ...and east and west are both installed before either has loaded its secondary: neither waits for the other.
      expect(Math.max(...memberStarts)).toBeLessThan(Math.min(...loads('east-secondary'), ...loads('west-secondary')));
      // The graph says the same: no resource of east depends on one of west, or the other way round.
      const json = dss.synthesized();
      for (const resource of Object.values(json.resource.terraform_data) as any[]) {
        const mine = resource['//'].metadata.path as string;
        for (const dependency of resource.depends_on ?? []) {
          if (mine.includes('/east/')) expect(dependency).not.toContain('_west_');
          if (mine.includes('/west/')) expect(dependency).not.toContain('_east_');
        }
      }
    });
  });

  describe('changes and faults (test/e2e/fixtures/landscape)', () => {
    let fixture: CdktfProject;
    const secondaries = (list: { id: string; host: string; precedence: number }[]) => ({ SPECTRUM_E2E_SECONDARIES: JSON.stringify(list) });
    const two = [{ id: 'secondary', host: 'secondary', precedence: 20 }, { id: 'tertiary', host: 'tertiary', precedence: 30 }];
    let fault: TransitFault;

    beforeAll(() => {
      // The fault-tolerant example above used `primary` and `secondary`: start from fresh installations.
      for (const name of FIXTURE_HOSTS) emptyInstallDir(sandbox, name);
      fixture = project({ dir: 'test/e2e/fixtures/landscape', stack: 'e2e-landscape', hostNames: FIXTURE_HOSTS });
      fault = new TransitFault(workDir);
      fixture.extraEnv = fault.env();
    });

    test('a savefile corrupted in transit fails the deploy before SSdbload touches the secondary, and a new deploy converges', () => {
      fault.arm();
      const failed = fixture.deploy(secondaries(two));
      expect(fault.armed).toBe(false);
      expect(failed.code).not.toBe(0);
      const corrupted = /the savefile arrived corrupted on the secondary (127\.0\.0\.\d+) \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\)/.exec(failed.output);
      expect(corrupted).not.toBeNull();
      expect(failed.output).toContain("it was not loaded and the secondary's database is unchanged");
      // The secondary that got the corrupted copy never ran SSdbload: its database is the one its installer made.
      // (Whether the other secondary loaded before Terraform stopped depends on timing.)
      const victim = FIXTURE_HOSTS.slice(1).find(name => sandbox.host(name).address === corrupted![1])!;
      expect(events(sandbox, victim, 'SSdbload')).toEqual([]);
      const db = readSimDatabase(specroot(sandbox, victim));
      expect(db.originHost).toBe(sandbox.host(victim).address);
      expect(db.loadedFrom).toBeUndefined();

      const fixed = fixture.deploy(secondaries(two));
      expectSuccess(fixed);
      const primary = readSimDatabase(specroot(sandbox, 'primary'));
      for (const name of ['secondary', 'tertiary']) expect(readSimDatabase(specroot(sandbox, name)).generation).toBe(primary.generation);
      expect(fixture.plan().code).toBe(0);
    });

    test("changing one secondary's precedence reloads only that secondary, and the primary drops the old map entry", () => {
      const before = Object.fromEntries(FIXTURE_HOSTS.map(name => [name, events(sandbox, name).length]));
      const changed = [{ ...two[0], precedence: 25 }, two[1]];
      const result = fixture.deploy(secondaries(changed));
      expectSuccess(result);
      const replaced = [...result.output.matchAll(/terraform_data\.(\S+) \([^)]*\): Creation complete/g)].map(m => m[1]).sort();
      expect(replaced.map(id => id.replace(/_[0-9A-F]{8}$/, ''))).toEqual(['spectrum_primary_deregister', 'spectrum_secondary_load']);
      const newEvents = (name: string) => events(sandbox, name).slice(before[name]);
      expect(newEvents('tertiary')).toEqual([]);
      expect(newEvents('secondary').filter(e => e.tool === 'SSdbload' && e.message.startsWith('start')).map(e => e.message)).toEqual([expect.stringContaining('-add 25')]);
      expect(readSimDatabase(specroot(sandbox, 'secondary')).loadedPrecedence).toBe(25);
      // On the primary: only the old entry's removal, no save, no restart.
      expect(newEvents('primary').map(e => e.tool).filter((t, i, all) => all.indexOf(t) === i)).toEqual(['MapUpdate']);
      expect(newEvents('primary')[0].message).toContain('-remove 0x400000 -precedence 20');
      two[0] = changed[0];
    });

    test('removing a secondary runs MapUpdate -remove on the primary', () => {
      const before = events(sandbox, 'primary').length;
      const result = fixture.deploy(secondaries([two[0]]));
      expectSuccess(result);
      const mapUpdates = events(sandbox, 'primary').slice(before).filter(e => e.tool === 'MapUpdate');
      expect(mapUpdates.map(e => e.message)).toEqual([expect.stringContaining('start -remove 0x400000 -precedence 30'), expect.stringMatching(/^ok/)]);
      expect(fixture.plan().code).toBe(0);
    });
  });

  test('a wrong host key: the deploy refuses to connect and nothing is installed', () => {
    const wrong = sandbox.host('oneclick').hostKey; // a real key, of another host
    emptyInstallDir(sandbox, 'tertiary');
    const impostor = project({
      dir: 'test/e2e/fixtures/landscape',
      stack: 'e2e-landscape',
      hostNames: ['primary', 'tertiary'].map(n => n),
      hostKeyOverrides: { primary: wrong },
    });
    // Point `primary` at the freshly emptied host so an accepted connection would show.
    const vars = JSON.parse(fs.readFileSync(impostor.varFile, 'utf8'));
    vars.hosts.primary = sandbox.host('tertiary').address;
    fs.writeFileSync(impostor.varFile, JSON.stringify(vars));
    const result = impostor.deploy({ SPECTRUM_E2E_SECONDARIES: '[]', SPECTRUM_E2E_SSH_TIMEOUT: '10s' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/host key|handshake failed/i);
    expect(fs.readdirSync(sandbox.host('tertiary').rootDir)).toEqual([]);
  });
});
