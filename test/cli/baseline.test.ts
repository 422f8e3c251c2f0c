import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { CONNECTION, readJson, runCli, server, stackFile, synthApp, tempDir } from './fixtures';
import { FaultTolerantLandscape, FaultTolerantLandscapeProps, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';

interface Version {
  eastHandle?: number;
  secondary?: { host: string; precedence?: number } | undefined;
  standby?: StandbyMode;
  withSolo?: boolean;
  planResource?: PlanResource;
}

/** Synthesizes one version of the estate: landscape `east` (primary + secondary) and, by default, `solo`. */
function synthVersion(version: Version = {}): string {
  return synthApp(path.join(tempDir(), 'cdktf.out'), app => {
    const stack = new TerraformStack(app, 'prod');
    const secondary = 'secondary' in version ? version.secondary : { host: 'east-2.example.net' };
    const props: FaultTolerantLandscapeProps = {
      handle: LandscapeHandle.of(version.eastHandle ?? 0x400000),
      primary: server('east-1.example.net'),
      secondaries: secondary ? [server(secondary.host, secondary.precedence)] : [],
      standbyMode: version.standby ?? StandbyMode.HOT,
      connection: CONNECTION,
      planResource: version.planResource ?? PlanResource.TERRAFORM_DATA,
    };
    new FaultTolerantLandscape(stack, 'east', props);
    if (version.withSolo ?? true) {
      new FaultTolerantLandscape(stack, 'solo', {
        handle: LandscapeHandle.of(0x500000),
        primary: server('solo-1.example.net'),
        secondaries: [server('solo-2.example.net')],
        standbyMode: StandbyMode.HOT,
        connection: CONNECTION,
        planResource: PlanResource.TERRAFORM_DATA,
      });
    }
  });
}

/** Terraform address of each construct path in a synthesized stack. */
function addresses(dir: string): Map<string, string> {
  const json = readJson(stackFile(dir, 'prod'));
  const map = new Map<string, string>();
  for (const [type, byName] of Object.entries<any>(json.resource)) {
    for (const [name, body] of Object.entries<any>(byName)) map.set(body['//'].metadata.path, `${type}.${name}`);
  }
  return map;
}

function addressesOf(dir: string, ...paths: string[]): string[] {
  const map = addresses(dir);
  return paths.map(p => {
    const address = map.get(p);
    if (!address) throw new Error(`no resource at ${p}`);
    return address;
  }).sort();
}

/** `check CURRENT --baseline BASELINE --format json` run from the parent of both. */
async function compare(baseline: string, current: string, ...extra: string[]) {
  const cwd = path.dirname(path.dirname(baseline));
  const run = await runCli(['check', current, '--baseline', baseline, '--format', 'json', ...extra], cwd);
  expect(run.stderr).toBe('');
  return { run, report: JSON.parse(run.stdout) };
}

describe('--baseline: destructive changes against an earlier synth', () => {
  let base: string;
  beforeAll(() => {
    base = synthVersion();
  });

  test('the same synth: no changes, and the text report says so', async () => {
    const { report } = await compare(base, synthVersion());
    expect(report.changes).toEqual([]);
    const text = await runCli(['check', synthVersion(), '--baseline', base], '/');
    expect(text.stdout).toContain(`Destructive changes against the baseline ${base}: none`);
  });

  test('an LH change: reinstall, with the replaced steps of the landscape', async () => {
    const current = synthVersion({ eastHandle: 0x600000 });
    const { run, report } = await compare(base, current);
    expect(run.code).toBe(0); // a warning by default
    expect(report.changes).toHaveLength(1);
    const [change] = report.changes;
    expect(change).toMatchObject({ ruleId: 'SPX300', kind: 'handle-changed', stack: 'prod', path: 'prod/east', before: '0x400000', after: '0x600000' });
    expect(change.message).toBe("landscape 'east' (0x600000): handle changes from 0x400000 to 0x600000, which means a reinstall of every server");
    expect(change.effect).toContain("the primary's deregister step then runs 'MapUpdate -remove 0x400000 -precedence 20'");
    expect(change.effect).toContain('uninstall Spectrum from');
    // savefile, load and the primary's deregister hold the handle; transfer and load follow the savefile's new id.
    expect(change.replaced).toEqual(addressesOf(current,
      'prod/east/primary/savefile', 'prod/east/secondary/transfer', 'prod/east/secondary/load', 'prod/east/primary/deregister',
      'prod/east/primary/promote'));
    expect(change.destroyed).toEqual([]);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'SPX300', severity: 'warning', path: 'prod/east' }));
  });

  test('a removed secondary: MapUpdate on the primary, its resources destroyed', async () => {
    const { report } = await compare(base, synthVersion({ secondary: undefined }));
    const removed = report.changes.filter((c: any) => c.kind === 'secondary-removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ ruleId: 'SPX301', path: 'prod/east/secondary', before: '20', after: '(removed)' });
    expect(removed[0].effect).toContain("the primary's deregister step runs 'MapUpdate -remove 0x400000 -precedence 20' on 'east-1.example.net'");
    expect(removed[0].effect).toContain("the SpectroSERVER on 'east-2.example.net' keeps running");
    expect(removed[0].destroyed).toEqual(addressesOf(base,
      'prod/east/secondary/hostrc', 'prod/east/secondary/vnmrc', 'prod/east/secondary/transfer', 'prod/east/secondary/load',
      'prod/east/secondary/demote'));
    // The primary's deregister step lists the code's secondaries: it is replaced, and runs the MapUpdate.
    expect(removed[0].replaced).toEqual(addressesOf(base, 'prod/east/primary/deregister'));
  });

  test('a precedence change: the secondary is reloaded, the old precedence removed from the map', async () => {
    const current = synthVersion({ secondary: { host: 'east-2.example.net', precedence: 30 } });
    const { report } = await compare(base, current);
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({ ruleId: 'SPX302', kind: 'precedence-changed', path: 'prod/east/secondary', before: '20', after: '30' });
    expect(report.changes[0].effect).toContain("the primary's deregister step then runs 'MapUpdate -remove 0x400000 -precedence 20' on 'east-1.example.net'");
    expect(report.changes[0].effect).toContain("'SSdbload -add 30'");
    expect(report.changes[0].replaced).toEqual(addressesOf(current, 'prod/east/secondary/load', 'prod/east/primary/deregister'));
  });

  test('a host replaced: the steps run again on the new host', async () => {
    const current = synthVersion({ secondary: { host: 'east-3.example.net' } });
    const { report } = await compare(base, current);
    const replaced = report.changes.find((c: any) => c.kind === 'host-replaced');
    expect(replaced).toMatchObject({ ruleId: 'SPX303', path: 'prod/east/secondary', before: 'east-2.example.net', after: 'east-3.example.net' });
    expect(replaced.message).toBe("secondary 'secondary' of landscape 'east' (0x400000): host changes from 'east-2.example.net' to 'east-3.example.net'");
    expect(replaced.effect).toContain("Nothing is removed from 'east-2.example.net'");
    // Every step of the secondary runs again (the new host is in their triggers or in the .hostrc list).
    expect(replaced.replaced).toEqual(expect.arrayContaining(addressesOf(current,
      'prod/east/secondary/hostrc', 'prod/east/secondary/transfer', 'prod/east/secondary/load')));
    // ...and the primary's .hostrc lists the new host: it runs again too, reported as a re-run of the primary's step.
    expect(report.changes.map((c: any) => [c.ruleId, c.path])).toEqual([['SPX303', 'prod/east/secondary'], ['SPX309', 'prod/east/primary']]);
    expect(report.changes[1].replaced).toEqual(addressesOf(current, 'prod/east/primary/hostrc'));
    expect(report.changes[1].effect).toBe(".hostrc's managed block is rewritten (no restart)");
  });

  test('a landscape removed: its resources destroyed, Spectrum left on the hosts', async () => {
    const { report } = await compare(base, synthVersion({ withSolo: false }));
    expect(report.changes).toHaveLength(1);
    const [removed] = report.changes;
    expect(removed).toMatchObject({ ruleId: 'SPX304', kind: 'landscape-removed', path: 'prod/solo', before: '0x500000', after: '(removed)' });
    expect(removed.effect).toContain("Spectrum stays installed and running on 'solo-1.example.net', 'solo-2.example.net'");
    expect(removed.effect).toContain("the primary's landscape map keeps its entries");
    const expected = [...addresses(base).entries()].filter(([p]) => p.startsWith('prod/solo/')).map(([, a]) => a).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(removed.destroyed).toEqual(expected);
  });

  test('a standby mode change restarts the primary', async () => {
    const current = synthVersion({ standby: StandbyMode.WARM });
    const { report } = await compare(base, current);
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({ ruleId: 'SPX305', path: 'prod/east', before: 'HOT', after: 'WARM' });
    expect(report.changes[0].effect).toContain('secondary_polling=no and restarts the primary SpectroSERVER');
    expect(report.changes[0].replaced).toEqual(addressesOf(current, 'prod/east/primary/vnmrc'));
  });

  test('steps created anew under other addresses (planResource changed)', async () => {
    const current = synthVersion({ planResource: PlanResource.NULL_RESOURCE, withSolo: false });
    const { report } = await compare(synthVersion({ withSolo: false }), current);
    expect(report.changes.map((c: any) => [c.ruleId, c.path])).toEqual([['SPX306', 'prod/east/primary'], ['SPX306', 'prod/east/secondary']]);
    expect(report.changes[0].effect).toContain('a new savefile is taken (SSdbsave stops the primary)');
    expect(report.changes[1].effect).toContain("the secondary is stopped and reloaded from the primary's savefile");
  });

  test('a precedence change together with an LH change: the old deregister step removes the old handle', async () => {
    const { report } = await compare(base, synthVersion({ eastHandle: 0x600000, secondary: { host: 'east-2.example.net', precedence: 30 } }));
    const precedence = report.changes.find((c: any) => c.kind === 'precedence-changed');
    expect(precedence.effect).toContain("'MapUpdate -remove 0x400000 -precedence 20' on 'east-1.example.net'");
    expect(precedence.effect).not.toContain('0x600000 -precedence');
  });

  test('a policy can block a change (error, exit 1) or acknowledge it with a reason', async () => {
    const dir = tempDir();
    const policy = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policy, [
      'version: 1',
      'rules:',
      '  SPX300: { severity: error }',
      'suppressions:',
      '  - rule: SPX304',
      '    path: prod/solo',
      '    reason: solo is retired in change CHG-1234',
    ].join('\n'));
    const { run, report } = await compare(base, synthVersion({ eastHandle: 0x600000, withSolo: false }), '--policy', policy);
    expect(run.code).toBe(1);
    expect(report.findings.filter((f: any) => f.ruleId.startsWith('SPX3')).map((f: any) => [f.ruleId, f.severity])).toEqual([['SPX300', 'error']]);
    expect(report.suppressed.map((f: any) => [f.ruleId, f.path, f.reason])).toEqual([['SPX304', 'prod/solo', 'solo is retired in change CHG-1234']]);
    expect(report.changes).toHaveLength(2);
  });
});
