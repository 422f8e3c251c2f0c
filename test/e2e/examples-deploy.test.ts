/**
 * Every example deploys for real: `cdktf deploy` of examples/composed (hosts
 * from other resources, a downstream resource waiting for `landscape.ready`)
 * and of examples/multi-stack (one DSS sharded over stacks, `cdktf deploy
 * '*'`) onto sandbox hosts, one sandbox shared by both. test/e2e/deploy.test.ts
 * deploys the fault-tolerant and distributed examples.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CdktfProject, CommandResult } from './deploy/cdktf-project';
import { expectSuccess, managedHosts, pathsWith, resourceEvents } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { readSimDatabase, readSimEvents, SimEvent } from './simulator';
import { REGISTERED_SECONDARIES } from '../../lib/plan/steps/deregister-step';

const unavailable = sandboxUnavailableReason();

const COMPOSED_HOSTS = ['primary', 'secondary'];
/** examples/multi-stack: the master stack's servers, and each member stack's sites with their handles. */
const MASTER_STACK = 'spectrum-master';
const MASTER_SERVERS = ['mls-1', 'mls-2', 'oneclick-1'];
const MEMBER_STACKS: { [stack: string]: { [site: string]: string } } = {
  'spectrum-emea': { paris: '0x200000', berlin: '0x300000' },
  'spectrum-apac': { tokyo: '0x400000', sydney: '0x500000' },
};
/** The stack the growth scenario adds to the inventory, after the example's groups. */
const ADDED_STACK = 'spectrum-amer';
const ADDED_SITE = 'chicago';
const ADDED_HANDLE = '0x600000';
const serversOf = (site: string) => [`${site}-1`, `${site}-2`];
const MEMBER_SERVERS = Object.values(MEMBER_STACKS).flatMap(sites => Object.keys(sites).flatMap(serversOf));
const ESTATE_SERVERS = [...MASTER_SERVERS, ...MEMBER_SERVERS];
const ESTATE_SPECTROSERVERS = ESTATE_SERVERS.filter(name => name !== 'oneclick-1');

const specroot = (sandbox: Sandbox, name: string) => sandbox.host(name).rootDir;
const events = (sandbox: Sandbox, name: string, tool?: string): SimEvent[] =>
  readSimEvents(specroot(sandbox, name)).filter(e => tool === undefined || e.tool === tool);
const sorted = (list: string[]) => [...list].sort();

/** The `output` of a top-level `terraform_data` resource in a stack's state. */
function terraformDataOutput(state: any, name: string): any {
  const resource = state.resources.find((r: any) => r.type === 'terraform_data' && r.name === name);
  if (!resource) throw new Error(`no terraform_data.${name} in the state`);
  return resource.instances[0].attributes.output.value;
}

describeIfAvailable(unavailable)(`examples deployed onto sandbox hosts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('examples', { hosts: [...COMPOSED_HOSTS, ...ESTATE_SERVERS, ...serversOf(ADDED_SITE)], firstAddressOctet: 140 });
  const { password, project } = suite;
  let workDir: string;
  let sandbox: Sandbox;
  beforeAll(() => ({ workDir, sandbox } = suite));
  const address = (name: string) => sandbox.host(name).address;

  describe('examples/composed', () => {
    let composed: CdktfProject;
    let deployed: CommandResult;
    let marker: string;

    beforeAll(() => {
      marker = path.join(workDir, 'onboarded');
      composed = project({
        dir: 'examples/composed',
        stack: 'composed',
        hostNames: COMPOSED_HOSTS,
        // The downstream resource records when it ran and which main location server it was given.
        variables: { onboarding_command: `printf '%s\\n' "$SPECTRUM_MAIN_LOCATION_SERVER" > '${marker}'` },
      });
    });

    test('deploys onto the hosts the stand-in VM resources named: both installed with LH 0x500000, the secondary seeded from the primary', () => {
      deployed = composed.deploy();
      expectSuccess(deployed);
      const state = composed.state();
      const primaryHost = terraformDataOutput(state, 'primary-vm').address;
      const secondaryHost = terraformDataOutput(state, 'secondary-vm').address;
      expect([primaryHost, secondaryHost]).toEqual([address('primary'), address('secondary')]);

      const primary = readSimDatabase(specroot(sandbox, 'primary'));
      const secondary = readSimDatabase(specroot(sandbox, 'secondary'));
      expect(primary.handle).toBe('0x500000');
      expect(secondary.handle).toBe('0x500000');
      expect(secondary.generation).toBe(primary.generation);
      expect(secondary.loadedFrom).toBe(primaryHost);
      expect(secondary.map).toContainEqual({ handle: '0x500000', precedence: 20, host: secondaryHost });
      for (const name of COMPOSED_HOSTS) {
        expect(managedHosts(path.join(specroot(sandbox, name), '.hostrc'))).toEqual([primaryHost, secondaryHost]);
      }
      expect(deployed.output).not.toContain(password);
      expect(fs.readFileSync(composed.stateFile, 'utf8')).not.toContain(password);
    });

    test("the downstream resource ran after the landscape's load and deregister steps, with the primary's host", () => {
      // What it was given: the host the primary VM resource named, resolved through the landscape.
      expect(fs.readFileSync(marker, 'utf8')).toBe(`${address('primary')}\n`);
      // When it ran, on the hosts: after the secondary's SSdbload succeeded and the primary's deregister step wrote its record.
      const ranAt = fs.statSync(marker).mtimeMs;
      const loaded = events(sandbox, 'secondary', 'SSdbload').filter(e => e.message.startsWith('ok'));
      expect(loaded).toHaveLength(1);
      expect(ranAt).toBeGreaterThan(loaded[0].time.getTime());
      const registered = path.join(specroot(sandbox, 'primary'), 'SS', REGISTERED_SECONDARIES);
      expect(fs.readFileSync(registered, 'utf8')).toContain('0x500000 20');
      expect(ranAt).toBeGreaterThan(fs.statSync(registered).mtimeMs);
      // And in Terraform's own account: it started only once both steps had completed.
      const progress = resourceEvents(deployed);
      const at = (resourcePath: string, action: string) => {
        const found = progress.filter(e => e.path === resourcePath && e.action === action);
        expect(found).toHaveLength(1);
        return found[0].line;
      };
      const started = at('onboard-devices', 'Creating...');
      expect(started).toBeGreaterThan(at('spectrum/secondary/load', 'Creation complete'));
      expect(started).toBeGreaterThan(at('spectrum/primary/deregister', 'Creation complete'));
    });
  });

  describe('examples/multi-stack', () => {
    let estate: CdktfProject;
    let inventoryFile: string;
    const writeInventory = (groups?: { [stack: string]: string[] }) => {
      const hosts = Object.fromEntries([...ESTATE_SERVERS, ...serversOf(ADDED_SITE)].map(name => [name, address(name)]));
      fs.writeFileSync(inventoryFile, JSON.stringify({ groups, hosts }));
    };
    const deployAll = () => estate.deploy({ SPECTRUM_INVENTORY: inventoryFile });

    beforeAll(() => {
      inventoryFile = path.join(workDir, 'inventory.json');
      writeInventory();
      estate = project({
        dir: 'examples/multi-stack',
        stack: '*',
        stacks: [MASTER_STACK, ...Object.keys(MEMBER_STACKS), ADDED_STACK],
        hostNames: [...ESTATE_SERVERS, ...serversOf(ADDED_SITE)],
      });
    });

    test("cdktf deploy '*' deploys the master stack first, then the member stacks, each into its own state file", () => {
      const deployed = deployAll();
      expectSuccess(deployed);
      expect(deployed.output).not.toContain(password);
      // On the hosts: no member server saw any tool run before the master stack's servers were done.
      const masterDone = Math.max(...MASTER_SERVERS.flatMap(name => events(sandbox, name).map(e => e.time.getTime())));
      for (const name of MEMBER_SERVERS) expect(events(sandbox, name)[0].time.getTime()).toBeGreaterThan(masterDone);
      // Each stack's state holds its own resources and no other stack's.
      const prefixes: { [stack: string]: string[] } = { [MASTER_STACK]: ['estate_'] };
      // A member stack also holds its own copy of the DSS's rolling-upgrade marker (docs/upgrades.md).
      for (const [stack, sites] of Object.entries(MEMBER_STACKS)) prefixes[stack] = [...Object.keys(sites).map(site => `${site}_`), 'estate-primaries-upgraded'];
      for (const [stack, mine] of Object.entries(prefixes)) {
        expect(fs.readFileSync(estate.stateFiles[stack], 'utf8')).not.toContain(password);
        const names: string[] = estate.state(stack).resources.filter((r: any) => r.mode === 'managed').map((r: any) => r.name);
        expect(names.length).toBeGreaterThan(5);
        for (const name of names) expect(mine.some(prefix => name.startsWith(prefix))).toBe(true);
      }
      expect(fs.existsSync(estate.stateFiles[ADDED_STACK])).toBe(false);
    });

    test('the DSS is configured as one: main_loc_serv = the master primary, every .hostrc lists every host, every secondary seeded', () => {
      const all = ESTATE_SERVERS.map(address);
      for (const name of ESTATE_SERVERS) {
        const conf = fs.readFileSync(path.join(specroot(sandbox, name), 'SS', '.sim', 'install.conf'), 'utf8');
        expect(conf).toContain(`main_loc_serv=${address('mls-1')}`);
      }
      for (const name of ESTATE_SPECTROSERVERS) {
        expect(sorted(managedHosts(path.join(specroot(sandbox, name), '.hostrc')))).toEqual(sorted(all));
      }
      const handles: { [site: string]: string } = { mls: '0x100000', ...Object.assign({}, ...Object.values(MEMBER_STACKS)) };
      for (const [site, handle] of Object.entries(handles)) {
        const primary = readSimDatabase(specroot(sandbox, `${site}-1`));
        const secondary = readSimDatabase(specroot(sandbox, `${site}-2`));
        expect([primary.handle, secondary.handle]).toEqual([handle, handle]);
        expect(secondary.generation).toBe(primary.generation);
        expect(secondary.loadedFrom).toBe(address(`${site}-1`));
      }
    });

    test('a second deploy changes nothing: terraform plan of each stack reports no changes', () => {
      for (const stack of [MASTER_STACK, ...Object.keys(MEMBER_STACKS)]) {
        const plan = estate.plan(stack);
        expectSuccess(plan);
        expect(plan.output).toContain('No changes');
      }
    });

    test('a landscape added in a new stack re-runs only the hostrc steps of the existing servers', () => {
      const before = Object.fromEntries(ESTATE_SERVERS.map(name => [name, events(sandbox, name).length]));
      writeInventory({ ...memberGroups(), [ADDED_STACK]: [ADDED_SITE] });
      const grown = deployAll();
      expectSuccess(grown);

      // Every existing SpectroSERVER's hostrc step is replaced, and nothing else of the existing stacks.
      const existingHostrc = ['estate/master', ...Object.values(MEMBER_STACKS).flatMap(sites => Object.keys(sites))]
        .flatMap(landscape => [`${landscape}/primary/hostrc`, `${landscape}/secondary/hostrc`]);
      // The new stack's own rolling-upgrade marker is created once; the other stacks' are left alone.
      const isAdded = (resourcePath: string) => resourcePath.startsWith(`${ADDED_SITE}/`) || resourcePath === 'estate-primaries-upgraded';
      expect(pathsWith(grown, 'Creation complete').filter(p => p === 'estate-primaries-upgraded')).toHaveLength(1);
      expect(pathsWith(grown, 'Creation complete').filter(p => !isAdded(p))).toEqual(sorted(existingHostrc));
      expect(pathsWith(grown, 'Destruction complete')).toEqual(sorted(existingHostrc));
      // No Spectrum tool ran on an existing server: no install, restart, save or load.
      for (const name of ESTATE_SERVERS) expect(events(sandbox, name).slice(before[name])).toEqual([]);

      // The new landscape is a full member of the DSS, in its own state.
      const added = pathsWith(grown, 'Creation complete').filter(isAdded);
      expect(added).toEqual(expect.arrayContaining([`${ADDED_SITE}/primary/install`, `${ADDED_SITE}/secondary/load`, `${ADDED_SITE}/ready`]));
      expect(fs.existsSync(estate.stateFiles[ADDED_STACK])).toBe(true);
      const [primary, secondary] = serversOf(ADDED_SITE).map(name => readSimDatabase(specroot(sandbox, name)));
      expect(primary.handle).toBe(ADDED_HANDLE);
      expect(secondary.generation).toBe(primary.generation);
      const conf = fs.readFileSync(path.join(specroot(sandbox, `${ADDED_SITE}-1`), 'SS', '.sim', 'install.conf'), 'utf8');
      expect(conf).toContain(`main_loc_serv=${address('mls-1')}`);
      const all = [...ESTATE_SERVERS, ...serversOf(ADDED_SITE)].map(address);
      for (const name of [...ESTATE_SPECTROSERVERS, ...serversOf(ADDED_SITE)]) {
        expect(sorted(managedHosts(path.join(specroot(sandbox, name), '.hostrc')))).toEqual(sorted(all));
      }
      // ...and the grown estate is converged: no stack plans a change.
      for (const stack of [MASTER_STACK, ...Object.keys(MEMBER_STACKS), ADDED_STACK]) expectSuccess(estate.plan(stack));
    });
  });
});

/** The member stacks as inventory groups (stack -> sites), in the example's order. */
function memberGroups(): { [stack: string]: string[] } {
  return Object.fromEntries(Object.entries(MEMBER_STACKS).map(([stack, sites]) => [stack, Object.keys(sites)]));
}
