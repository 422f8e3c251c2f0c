/**
 * Every step re-runs exactly when something its script or its target depends
 * on changes (issue 9.4): for each input of a fault-tolerant landscape, the
 * steps Terraform replaces (triggers that differ, then everything whose
 * triggers hold the id of a replaced step or a changed local) are exactly the
 * steps that use it; and `cdktf-spectrum check --baseline` reports exactly
 * those resources among its changes.
 */
import * as path from 'path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  BackupMethod, DistributedLandscape, FaultTolerantLandscape, FaultTolerantLandscapeProps, LandscapeHandle, OneClickServerOptions, PlanResource,
  StandbyMode,
} from '../../lib';
import { CONNECTION, readJson, runCli, stackFile, synthApp, tempDir } from '../cli/fixtures';

const P = 'east/primary';
const S = 'east/secondary';
const EVERY_STEP = [`${P}/install`, `${P}/upgrade`, `${P}/hostrc`, `${P}/vnmrc`, `${P}/promote`, `${P}/savefile`, `${P}/deregister`,
  `${S}/install`, `${S}/upgrade`, `${S}/hostrc`, `${S}/vnmrc`, `${S}/demote`, `${S}/transfer`, `${S}/load`];
/** A new release or update list: the upgrade steps only, and the hostrc each is chained to (docs/upgrades.md). */
const UPGRADE_STEPS = [`${P}/upgrade`, `${P}/hostrc`, `${S}/upgrade`, `${S}/hostrc`];

function props(overrides: Partial<FaultTolerantLandscapeProps>): FaultTolerantLandscapeProps {
  return {
    handle: LandscapeHandle.of(0x400000),
    primary: { host: 'east-1.example.net' },
    secondaries: [{ host: 'east-2.example.net' }],
    standbyMode: StandbyMode.HOT,
    install: { mediaPath: '/mnt/spectrum/10.4.1', version: '10.4.1' },
    connection: CONNECTION,
    planResource: PlanResource.TERRAFORM_DATA,
    ...overrides,
  };
}

function synth(overrides: Partial<FaultTolerantLandscapeProps>, oneClick?: OneClickServerOptions): string {
  return synthApp(path.join(tempDir(), 'cdktf.out'), app => {
    const stack = new TerraformStack(app, 'prod');
    const ownerPassword = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true }).stringValue;
    const landscape = props(overrides);
    const east = new FaultTolerantLandscape(stack, 'east', { ...landscape, install: { ...landscape.install, ownerPassword } });
    if (oneClick) east.addOneClickServer('console', oneClick);
  });
}

interface Resource { readonly address: string; readonly path: string; readonly triggers: { [key: string]: string } }

function resourcesOf(outdir: string): { resources: Map<string, Resource>; locals: unknown } {
  const json = readJson(stackFile(outdir, 'prod'));
  const resources = new Map<string, Resource>();
  for (const [type, byName] of Object.entries<any>(json.resource)) {
    for (const [name, body] of Object.entries<any>(byName)) {
      const address = `${type}.${name}`;
      resources.set(address, { address, path: body['//'].metadata.path.replace(/^prod\//, ''), triggers: body.triggers_replace ?? {} });
    }
  }
  return { resources, locals: json.locals };
}

/** What Terraform replaces: changed triggers, then every resource whose triggers reference a replaced one or a changed local. */
function replacedSteps(before: string, after: string): string[] {
  const old = resourcesOf(before);
  const now = resourcesOf(after);
  const replaced = new Set<string>();
  for (const [address, resource] of now.resources) {
    if (JSON.stringify(resource.triggers) !== JSON.stringify(old.resources.get(address)?.triggers)) replaced.add(address);
  }
  const localsChanged = JSON.stringify(old.locals) !== JSON.stringify(now.locals);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [address, resource] of now.resources) {
      if (replaced.has(address)) continue;
      const refs = Object.values(resource.triggers).join(' ');
      if ([...replaced].some(r => refs.includes(`${r}.id`)) || (localsChanged && refs.includes('local.'))) {
        replaced.add(address);
        grew = true;
      }
    }
  }
  return [...replaced].map(address => now.resources.get(address)!.path).sort();
}

/** Every resource `check --baseline` says will be replaced, across all its changes. */
async function replacedByCheck(before: string, after: string): Promise<string[]> {
  const run = await runCli(['check', after, '--baseline', before, '--format', 'json'], '/');
  const report = JSON.parse(run.stdout);
  const paths = new Map([...resourcesOf(after).resources.values()].map(r => [r.address, r.path]));
  return [...new Set<string>(report.changes.flatMap((c: any) => c.replaced))].map(a => paths.get(a)!).sort();
}

const base = synth({});

test.each<[string, Partial<FaultTolerantLandscapeProps>, string[]]>([
  ['the secondary moves to another host', { secondaries: [{ host: 'east-3.example.net' }] },
    [`${P}/hostrc`, `${S}/install`, `${S}/upgrade`, `${S}/hostrc`, `${S}/vnmrc`, `${S}/demote`, `${S}/transfer`, `${S}/load`]],
  // The secondary's installer steps pass main_loc_serv but do not re-run for it: a promotion must not
  // replace every install of an estate (docs/promotion.md).
  ['the primary moves to another host (it is also the main location server)', { primary: { host: 'east-9.example.net' } },
    [`${P}/install`, `${P}/upgrade`, `${P}/hostrc`, `${P}/vnmrc`, `${P}/promote`, `${P}/savefile`, `${P}/deregister`,
      `${S}/hostrc`, `${S}/transfer`, `${S}/load`]],
  ['the handle', { handle: LandscapeHandle.of(0x600000) }, EVERY_STEP],
  ["a secondary's precedence", { secondaries: [{ host: 'east-2.example.net', precedence: 25 }] }, [`${P}/deregister`, `${S}/load`]],
  ['the install dir', { install: { mediaPath: '/mnt/spectrum/10.4.1', version: '10.4.1', installDir: '/opt/spectrum' } }, EVERY_STEP],
  ['the install owner', { install: { mediaPath: '/mnt/spectrum/10.4.1', version: '10.4.1', owner: 'spx' } }, EVERY_STEP],
  ['the media', { install: { mediaPath: '/mnt/spectrum/other', version: '10.4.1' } }, UPGRADE_STEPS],
  ['the version', { install: { mediaPath: '/mnt/spectrum/10.4.1', version: '10.4.2' } }, UPGRADE_STEPS],
  ['an added update', { install: { mediaPath: '/mnt/spectrum/10.4.1', version: '10.4.1', updates: [{ mediaPath: '/mnt/u/10.4.1.1', version: '10.4.1.1' }] } }, UPGRADE_STEPS],
  ['a .vnmrc key of the primary', { primary: { host: 'east-1.example.net', vnmrc: { wait_active: 'yes' } } }, [`${P}/vnmrc`]],
  ['a .vnmrc key of the secondary', { secondaries: [{ host: 'east-2.example.net', vnmrc: { wait_active: 'yes' } }] }, [`${S}/vnmrc`]],
  ['the standby mode', { standbyMode: StandbyMode.WARM }, [`${P}/vnmrc`]],
  ['the backup method and command', { backup: BackupMethod.COMMAND, backupCommand: 'online-backup "$SPECTRUM_SAVEFILE"' },
    [`${P}/savefile`, `${S}/transfer`, `${S}/load`]],
])('%s: exactly the steps that use it are replaced, and check --baseline reports exactly those', async (_input, overrides, expected) => {
  const changed = synth(overrides);
  expect(replacedSteps(base, changed)).toEqual([...expected].sort());
  expect(await replacedByCheck(base, changed)).toEqual([...expected].sort());
});

test('without media (configure only), a host move re-runs every step that targets it, vnmrc included', async () => {
  const configureOnly = { install: {} };
  const before = synth(configureOnly);
  const after = synth({ ...configureOnly, primary: { host: 'east-9.example.net' } });
  const expected = [`${P}/deregister`, `${P}/hostrc`, `${P}/promote`, `${P}/savefile`, `${P}/vnmrc`, `${S}/hostrc`, `${S}/load`, `${S}/transfer`];
  expect(replacedSteps(before, after)).toEqual(expected);
  expect(await replacedByCheck(before, after)).toEqual(expected);
});

test('a changed backup command alone re-runs the savefile and what follows it', async () => {
  const before = synth({ backup: BackupMethod.COMMAND, backupCommand: 'online-backup "$SPECTRUM_SAVEFILE"' });
  const after = synth({ backup: BackupMethod.COMMAND, backupCommand: 'online-backup --fast "$SPECTRUM_SAVEFILE"' });
  expect(replacedSteps(before, after)).toEqual([`${P}/savefile`, `${S}/load`, `${S}/transfer`]);
  expect(await replacedByCheck(before, after)).toEqual([`${P}/savefile`, `${S}/load`, `${S}/transfer`]);
});

test('the same code replaces nothing', async () => {
  expect(replacedSteps(base, synth({}))).toEqual([]);
  expect(await replacedByCheck(base, synth({}))).toEqual([]);
});

describe('a OneClick server and its main location server (docs/promotion.md)', () => {
  const C = 'east/console';
  const ONE_CLICK = { host: 'oc-1.example.net' };
  const oneClickBase = synth({}, ONE_CLICK);

  test('OneClick pointed at another main location server: its mainlocation step alone', async () => {
    const after = synth({}, { ...ONE_CLICK, mainLocationServer: 'east-2.example.net' });
    // install/upgrade pass main_loc_serv to an installer but do not re-run for it (they would do nothing on an
    // installed, current OneClick, and the webserver step chained to them would restart it for nothing).
    const expected = [`${C}/mainlocation`];
    expect(replacedSteps(oneClickBase, after)).toEqual(expected);
    expect(await replacedByCheck(oneClickBase, after)).toEqual(expected);
  });

  test('without media, the same change replaces the mainlocation step alone', async () => {
    const configureOnly = { install: {} };
    const before = synth(configureOnly, ONE_CLICK);
    const after = synth(configureOnly, { ...ONE_CLICK, mainLocationServer: 'east-2.example.net' });
    expect(replacedSteps(before, after)).toEqual([`${C}/mainlocation`]);
    expect(await replacedByCheck(before, after)).toEqual([`${C}/mainlocation`]);
  });

  test('a promotion (the hosts swap) re-runs OneClick\'s mainlocation step with every step of the two servers', async () => {
    const after = synth({ primary: { host: 'east-2.example.net' }, secondaries: [{ host: 'east-1.example.net' }] }, ONE_CLICK);
    // The webserver step is chained to the primaries' install steps (KB 192703's restart after they change); it
    // writes .locrc before its one restart, and the mainlocation step then finds the file right.
    const expected = [...EVERY_STEP, `${C}/mainlocation`, `${C}/webserver`].sort();
    expect(replacedSteps(oneClickBase, after)).toEqual(expected);
  });

  test('a change that does not touch the main location server leaves the mainlocation step alone', async () => {
    const after = synth({ secondaries: [{ host: 'east-2.example.net', vnmrc: { wait_active: 'yes' } }] }, ONE_CLICK);
    expect(replacedSteps(oneClickBase, after)).toEqual([`${S}/vnmrc`]);
  });
});

describe('a distributed landscape (docs/promotion.md)', () => {
  function synthEstate(master: { primary: string; secondary: string }): string {
    return synthApp(path.join(tempDir(), 'cdktf.out'), app => {
      const stack = new TerraformStack(app, 'prod');
      const ownerPassword = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true }).stringValue;
      const install = { mediaPath: '/mnt/spectrum/10.4.1', version: '10.4.1', ownerPassword };
      const estate = new DistributedLandscape(stack, 'dss', {
        master: { handle: LandscapeHandle.of(0x100000), primary: { host: master.primary }, secondaries: [{ host: master.secondary }] },
        standbyMode: StandbyMode.HOT,
        install,
        connection: CONNECTION,
        planResource: PlanResource.TERRAFORM_DATA,
      });
      estate.addLandscape('east', { handle: LandscapeHandle.of(0x400000), primary: { host: 'east-1.example.net' }, secondaries: [{ host: 'east-2.example.net' }] });
      estate.addOneClickServer('console', { host: 'oc-1.example.net' });
    });
  }

  test('promoting the master primary re-runs the master landscape and OneClick, not a member landscape', () => {
    const before = synthEstate({ primary: 'm-1.example.net', secondary: 'm-2.example.net' });
    const after = synthEstate({ primary: 'm-2.example.net', secondary: 'm-1.example.net' });
    const replaced = replacedSteps(before, after);
    // Every member server passes the master primary to its installer as main_loc_serv; were that a trigger input,
    // the promotion would replace every install step and, through them, re-seed every member landscape.
    // Only their .hostrc steps re-run (the estate's host list changed order; they restart nothing).
    expect(replaced.filter(step => step.startsWith('dss/east/'))).toEqual(['dss/east/primary/hostrc', 'dss/east/secondary/hostrc']);
    expect(replaced).toEqual(expect.arrayContaining(['dss/console/mainlocation', 'dss/master/primary/promote', 'dss/master/secondary/load']));
  });
});
