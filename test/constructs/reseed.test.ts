/**
 * Re-seed on demand (LandscapeOptions.reseed, docs/reseed.md): a new value
 * replaces the savefile step and the transfer and load steps chained after
 * it, and nothing else (hostrc, vnmrc, deregister, install keep their
 * triggers); `retain` re-runs nothing. Also with a Terraform variable, and as
 * a DistributedLandscape default for its members.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  DistributedLandscape, FaultTolerantLandscape, FaultTolerantLandscapeProps, LandscapeHandle, PlanResource, StandbyMode,
} from '../../lib';
import { CONNECTION, readJson, runCli, stackFile, synthApp, tempDir } from '../cli/fixtures';

const P = 'east/primary';
const S = 'east/secondary';
const SEEDING = [`${P}/savefile`, `${S}/load`, `${S}/transfer`];

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

/** Synthesizes the landscape; `reseedVariable` makes `reseed` a Terraform variable. */
function synth(overrides: Partial<FaultTolerantLandscapeProps>, reseedVariable = false): string {
  return synthApp(path.join(tempDir(), 'cdktf.out'), app => {
    const stack = new TerraformStack(app, 'prod');
    const ownerPassword = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true }).stringValue;
    const reseed = reseedVariable ? new TerraformVariable(stack, 'reseed', { type: 'string', default: '' }).stringValue : undefined;
    const landscape = props({ ...(reseed === undefined ? {} : { reseed }), ...overrides });
    new FaultTolerantLandscape(stack, 'east', { ...landscape, install: { ...landscape.install, ownerPassword } });
  });
}

interface Resource { readonly address: string; readonly path: string; readonly triggers: { [key: string]: string } }

function resourcesOf(outdir: string, stack = 'prod'): Map<string, Resource> {
  const json = readJson(stackFile(outdir, stack));
  const resources = new Map<string, Resource>();
  for (const [type, byName] of Object.entries<any>(json.resource)) {
    for (const [name, body] of Object.entries<any>(byName)) {
      const address = `${type}.${name}`;
      resources.set(address, { address, path: body['//'].metadata.path.replace(/^[^/]+\//, ''), triggers: body.triggers_replace ?? body.triggers ?? {} });
    }
  }
  return resources;
}

/** Changed triggers, then every resource whose triggers hold the id of a replaced one (the after_* chain). */
function replacedSteps(before: string, after: string): string[] {
  const old = resourcesOf(before);
  const now = resourcesOf(after);
  const replaced = new Set<string>();
  for (const [address, resource] of now) {
    if (JSON.stringify(resource.triggers) !== JSON.stringify(old.get(address)?.triggers)) replaced.add(address);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const [address, resource] of now) {
      if (replaced.has(address)) continue;
      if ([...replaced].some(r => Object.values(resource.triggers).join(' ').includes(`${r}.id`))) {
        replaced.add(address);
        grew = true;
      }
    }
  }
  return [...replaced].map(address => now.get(address)!.path).sort();
}

async function replacedByCheck(before: string, after: string): Promise<string[]> {
  const run = await runCli(['check', after, '--baseline', before, '--format', 'json'], '/');
  const report = JSON.parse(run.stdout);
  const paths = new Map([...resourcesOf(after).values()].map(r => [r.address, r.path]));
  return [...new Set<string>(report.changes.flatMap((c: any) => c.replaced))].map(a => paths.get(a)!).sort();
}

const triggersAt = (outdir: string, step: string) => [...resourcesOf(outdir).values()].find(r => r.path === step)!.triggers;

describe('reseed', () => {
  test('a new value replaces exactly savefile, transfer and load; check --baseline reports exactly those', async () => {
    const before = synth({ reseed: '2026-11-30' });
    const after = synth({ reseed: '2026-12-01' });
    expect(replacedSteps(before, after)).toEqual(SEEDING);
    expect(await replacedByCheck(before, after)).toEqual(SEEDING);
    // Setting it for the first time is a new value too.
    expect(replacedSteps(synth({}), before)).toEqual(SEEDING);
    expect(replacedSteps(before, synth({ reseed: '2026-11-30' }))).toEqual([]);
  });

  test('code without reseed keeps the savefile trigger it had (no reseed input), so upgrading the library re-seeds nothing', () => {
    const outdir = synth({});
    expect(Object.keys(triggersAt(outdir, `${P}/savefile`)).sort()).toEqual(['after_install', 'inputs_sha256', 'step']);
    // The digest of exactly the inputs it had before reseed and retain existed (neither is among them).
    const inputs = { backupCommand: '', host: 'east-1.example.net', owner: 'spectrum', saveBase: 'seed-0x400000', specroot: '/opt/CA/Spectrum' };
    expect(triggersAt(outdir, `${P}/savefile`).inputs_sha256).toBe(createHash('sha256').update(JSON.stringify(inputs)).digest('hex'));
  });

  test('a Terraform variable: only the savefile trigger references it; transfer and load follow through after_savefile', () => {
    const outdir = synth({}, true);
    const all = [...resourcesOf(outdir).values()];
    const referencing = all.filter(r => JSON.stringify(r.triggers).includes('var.reseed')).map(r => r.path);
    expect(referencing).toEqual([`${P}/savefile`]);
    expect(triggersAt(outdir, `${P}/savefile`).reseed).toBe('${var.reseed}');
    expect(triggersAt(outdir, `${S}/transfer`).after_savefile).toMatch(/^\$\{terraform_data\.east_primary_savefile_[0-9A-F]+\.id\}$/);
    expect(triggersAt(outdir, `${S}/load`).after_transfer).toMatch(/^\$\{terraform_data\.east_secondary_transfer_[0-9A-F]+\.id\}$/);
    // Neither the deregister step nor hostrc/vnmrc is chained to the seeding steps.
    for (const step of [`${P}/deregister`, `${P}/hostrc`, `${P}/vnmrc`, `${S}/hostrc`, `${S}/vnmrc`]) {
      expect(JSON.stringify(triggersAt(outdir, step))).not.toMatch(/savefile|transfer|_load_|reseed/);
    }
  });

  test('retain re-runs no step: it applies the next time each step runs', () => {
    expect(replacedSteps(synth({}), synth({ retain: 7 }))).toEqual([]);
  });

  test('a DistributedLandscape reseed re-seeds every member that sets none; a member\'s own value wins', () => {
    const build = (estateReseed: string, eastReseed?: string) => synthApp(path.join(tempDir(), 'cdktf.out'), app => {
      const stack = new TerraformStack(app, 'prod');
      const dss = new DistributedLandscape(stack, 'estate', {
        master: { handle: LandscapeHandle.of(0x100000), primary: { host: 'mls-1' }, secondaries: [{ host: 'mls-2' }] },
        connection: CONNECTION,
        planResource: PlanResource.TERRAFORM_DATA,
        reseed: estateReseed,
      });
      dss.addLandscape('east', { handle: LandscapeHandle.of(0x200000), primary: { host: 'east-1' }, secondaries: [{ host: 'east-2' }], reseed: eastReseed });
      dss.addLandscape('west', { handle: LandscapeHandle.of(0x300000), primary: { host: 'west-1' }, secondaries: [{ host: 'west-2' }] });
    });
    const seeding = (landscape: string) => [`${landscape}/primary/savefile`, `${landscape}/secondary/load`, `${landscape}/secondary/transfer`];
    expect(replacedSteps(build('a'), build('b'))).toEqual([...seeding('estate/east'), ...seeding('estate/master'), ...seeding('estate/west')].sort());
    expect(replacedSteps(build('a', 'own'), build('b', 'own'))).toEqual([...seeding('estate/master'), ...seeding('estate/west')].sort());
  });

  test('a literal reseed that is not a label fails synth with SPX143', () => {
    expect(() => synth({ reseed: 'x; reboot' })).toThrow(/\[SPX143\] prod\/east: landscape 'east' \(0x400000\): reseed 'x; reboot' is not a label/);
    expect(() => synth({ retain: 0 })).toThrow(/\[SPX143\] prod\/east: landscape 'east' \(0x400000\): retain 0 is not a whole number/);
  });
});
