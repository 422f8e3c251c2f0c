import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { CONNECTION, landscapeProps, runCli, synthApp, tempDir } from './fixtures';
import { DistributedLandscape, FaultTolerantLandscape, PlanResource, StandbyMode } from '../../lib';
import { REPORT_SCHEMA } from '../../lib/cli/report-schema';
import { readSynth } from '../../lib/cli/synth-reader';
import { rebuildTopology } from '../../lib/cli/topology-rebuild';

interface Release {
  version?: string;
  media?: string;
  /** Host of the east landscape's secondary. */
  eastSecondary?: string;
}

/**
 * One version of an estate: distributed landscape `estate` (master `mls`,
 * members `east` and `west`, each with a secondary; OneClick `console`)
 * and landscape `solo` of its own without a secondary, every server
 * installed from media.
 */
function synthRelease(release: Release = {}): string {
  return synthApp(path.join(tempDir(), 'cdktf.out'), app => {
    const stack = new TerraformStack(app, 'prod');
    const password = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true });
    const install = { mediaPath: release.media ?? '/mnt/spectrum', version: release.version, ownerPassword: password.stringValue };
    const dss = new DistributedLandscape(stack, 'estate', {
      master: landscapeProps('mls', 0x100000),
      standbyMode: StandbyMode.HOT,
      connection: CONNECTION,
      install,
      planResource: PlanResource.TERRAFORM_DATA,
    });
    dss.addLandscape('east', landscapeProps('east', 0x200000, { secondaries: [{ host: release.eastSecondary ?? 'east-2.example.net' }] }));
    dss.addLandscape('west', landscapeProps('west', 0x300000));
    dss.addOneClickServer('console', { host: 'console.example.net' });
    new FaultTolerantLandscape(stack, 'solo', landscapeProps('solo', 0x500000, { secondaries: [], standbyMode: StandbyMode.WARM, install }));
  });
}

async function compare(baseline: string, current: string, format = 'json') {
  const run = await runCli(['check', current, '--baseline', baseline, '--format', format], path.dirname(path.dirname(baseline)));
  expect(run.stderr).toBe('');
  return run;
}

const kinds = (report: any) => report.changes.map((c: any) => [c.ruleId, c.kind, c.path]);

describe('--baseline: a version or media change is a rolling upgrade', () => {
  let base: string;
  beforeAll(() => {
    base = synthRelease({ version: '10.4.1' });
  });

  test('the same release: no upgrade reported', async () => {
    const report = JSON.parse((await compare(base, synthRelease({ version: '10.4.1' }))).stdout);
    expect(report.changes).toEqual([]);
  });

  test('a version change: one rolling upgrade per distributed landscape, in the plan\'s order, and a warning for the landscape without secondary', async () => {
    const run = await compare(base, synthRelease({ version: '10.4.2' }));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(kinds(report)).toEqual([
      ['SPX307', 'rolling-upgrade', 'prod/estate'],
      ['SPX307', 'rolling-upgrade', 'prod/solo'],
      ['SPX308', 'upgrade-without-standby', 'prod/solo'],
    ]);
    const [estate, solo, down] = report.changes;
    expect(estate).toMatchObject({ before: '10.4.1', after: '10.4.2' });
    expect(estate.message).toBe("distributed landscape 'estate': Spectrum 10.4.1 -> 10.4.2 on 7 server(s), upgraded as a rolling upgrade");
    expect(estate.upgradeOrder.map((s: any) => [s.position, s.phase, s.path, s.host.text, s.landscape])).toEqual([
      [1, 'master-primary', 'prod/estate/master/primary', 'mls-1.example.net', 'prod/estate/master'],
      [2, 'primary', 'prod/estate/east/primary', 'east-1.example.net', 'prod/estate/east'],
      [2, 'primary', 'prod/estate/west/primary', 'west-1.example.net', 'prod/estate/west'],
      [2, 'oneclick', 'prod/estate/console', 'console.example.net', null],
      [3, 'secondary', 'prod/estate/master/secondary', 'mls-2.example.net', 'prod/estate/master'],
      [3, 'secondary', 'prod/estate/east/secondary', 'east-2.example.net', 'prod/estate/east'],
      [3, 'secondary', 'prod/estate/west/secondary', 'west-2.example.net', 'prod/estate/west'],
    ]);
    expect(estate.effect).toContain("1. master primary 'prod/estate/master/primary' on 'mls-1.example.net'; "
      + "2. primaries 'prod/estate/east/primary' on 'east-1.example.net', 'prod/estate/west/primary' on 'west-1.example.net' "
      + "and OneClick server 'prod/estate/console' on 'console.example.net'; 3. secondaries");
    expect(estate.effect).toContain('(KB 192703)');
    // The install steps hold the version: Terraform replaces them (and what follows them).
    expect(estate.replaced.length).toBeGreaterThanOrEqual(7);
    expect(estate.replaced.every((a: string) => a.startsWith('terraform_data.'))).toBe(true);

    expect(solo.upgradeOrder.map((s: any) => [s.position, s.phase, s.path])).toEqual([[1, 'primary', 'prod/solo/primary']]);
    expect(solo.effect).toContain("1. primary 'prod/solo/primary' on 'solo-1.example.net'.");
    expect(solo.effect).not.toContain('KB 192703');
    expect(solo.effect).not.toContain('secondaries serve');
    expect(down.message).toBe("landscape 'solo' (0x500000): upgraded from 10.4.1 to 10.4.2 without a secondary; primary 'primary' of landscape 'solo' (0x500000) is its only SpectroSERVER");
    expect(down.effect).toContain("the landscape is down while its primary on 'solo-1.example.net' is upgraded");
    expect(down.upgradeOrder).toBeUndefined();

    // Findings: the upgrade is a note, the landscape without secondary a warning.
    const findings = report.findings.filter((f: any) => /^SPX30[78]$/.test(f.ruleId)).map((f: any) => [f.ruleId, f.severity, f.path]);
    expect(findings).toEqual([['SPX308', 'warning', 'prod/solo'], ['SPX307', 'info', 'prod/estate'], ['SPX307', 'info', 'prod/solo']]);

    const validate = new Ajv({ strict: true, allErrors: true }).compile(REPORT_SCHEMA);
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, changes: [{ ...estate, upgradeOrder: [{ ...estate.upgradeOrder[0], phase: 'tertiary' }] }] })).toBe(false);
  });

  test('text: the upgrade order as a table under the change', async () => {
    const text = (await compare(base, synthRelease({ version: '10.4.2' }), 'text')).stdout;
    expect(text).toContain([
      '  SPX307 rolling-upgrade  prod/estate  10.4.1 -> 10.4.2',
      '    replaces: ',
    ].join('\n'));
    expect(text).toContain([
      '    upgrade order:',
      '      STEP  PHASE           SERVER                        HOST                 RELEASE',
      '      1.    master primary  prod/estate/master/primary    mls-1.example.net    10.4.1 -> 10.4.2',
      '      2.    primary         prod/estate/east/primary      east-1.example.net   10.4.1 -> 10.4.2',
      '      2.    primary         prod/estate/west/primary      west-1.example.net   10.4.1 -> 10.4.2',
      '      2.    OneClick        prod/estate/console           console.example.net  10.4.1 -> 10.4.2',
      '      3.    secondary       prod/estate/master/secondary  mls-2.example.net    10.4.1 -> 10.4.2',
      '      3.    secondary       prod/estate/east/secondary    east-2.example.net   10.4.1 -> 10.4.2',
      '      3.    secondary       prod/estate/west/secondary    west-2.example.net   10.4.1 -> 10.4.2',
    ].join('\n'));
    expect(text).toMatch(/^warning SPX308 {2}stack prod {2}prod\/solo\n {2}landscape 'solo' \(0x500000\): upgraded from 10\.4\.1 to 10\.4\.2 without a secondary/m);
    expect(text).toContain('  SPX308 upgrade-without-standby  prod/solo  10.4.1 -> 10.4.2');
  });

  test('a fault-tolerant landscape of its own: primary, then its secondaries and OneClick servers side by side', async () => {
    const synth = (version: string) => synthApp(path.join(tempDir(), 'cdktf.out'), app => {
      const stack = new TerraformStack(app, 'prod');
      const password = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true });
      const east = new FaultTolerantLandscape(stack, 'east', landscapeProps('east', 0x400000, {
        install: { mediaPath: '/mnt/spectrum', version, ownerPassword: password.stringValue },
      }));
      east.addOneClickServer('console', { host: 'console.example.net', connection: CONNECTION });
    });
    const report = JSON.parse((await compare(synth('10.4.1'), synth('10.4.2'))).stdout);
    expect(report.changes.map((c: any) => [c.kind, c.path])).toEqual([['rolling-upgrade', 'prod/east']]);
    expect(report.changes[0].upgradeOrder.map((s: any) => [s.position, s.phase, s.path])).toEqual([
      [1, 'primary', 'prod/east/primary'],
      [2, 'oneclick', 'prod/east/console'],
      [2, 'secondary', 'prod/east/secondary'],
    ]);
  });

  test('new media without a version: the media path is the release', async () => {
    const before = synthRelease({ media: '/mnt/spectrum-10.4.1' });
    const report = JSON.parse((await compare(before, synthRelease({ media: '/mnt/spectrum-10.4.2' }))).stdout);
    const estate = report.changes.find((c: any) => c.path === 'prod/estate');
    expect(estate).toMatchObject({ kind: 'rolling-upgrade', before: 'media /mnt/spectrum-10.4.1', after: 'media /mnt/spectrum-10.4.2' });
    expect(estate.upgradeOrder).toHaveLength(7);
  });

  test('a server on a new host is installed, not upgraded: it is left out of the order (host-replaced reports it)', async () => {
    const report = JSON.parse((await compare(base, synthRelease({ version: '10.4.2', eastSecondary: 'east-3.example.net' }))).stdout);
    const estate = report.changes.find((c: any) => c.kind === 'rolling-upgrade' && c.path === 'prod/estate');
    expect(estate.upgradeOrder.map((s: any) => s.path)).not.toContain('prod/estate/east/secondary');
    expect(estate.upgradeOrder).toHaveLength(6);
    expect(report.changes.find((c: any) => c.kind === 'host-replaced').path).toBe('prod/estate/east/secondary');
  });
});

describe('check reads the host-preparation facts back', () => {
  test('a synth with prepareHost: check rebuilds its topology from cdktf.out (no unusable input)', async () => {
    const out = synthApp(path.join(tempDir(), 'cdktf.out'), app => {
      const stack = new TerraformStack(app, 'prod');
      const password = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true });
      new FaultTolerantLandscape(stack, 'east', landscapeProps('east', 0x400000, {
        install: { mediaPath: '/mnt/spectrum', ownerPassword: password.stringValue, prepareHost: true, osPackages: ['ksh'], sradminDir: '/opt/sradmin' },
      }));
    });
    const run = await runCli(['check', out, '--format', 'json'], path.dirname(out));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The metadata holds the facts (never the password).
    const metadata = JSON.stringify(JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'))['//']);
    expect(metadata).toContain('"prepareHost":true');
    expect(metadata).toContain('"sradminDir":{"isToken":false,"text":"/opt/sradmin"}');
    expect(metadata).toContain('"osPackages":[{"isToken":false,"text":"ksh"}]');
    expect(metadata).not.toContain('owner_password');
    const [east] = rebuildTopology(readSynth([out], path.dirname(out), { withResources: false }).stacks).landscapes;
    expect(east.primary.install).toMatchObject({ prepareHost: true, osPackages: [{ text: 'ksh', isToken: false }], sradminDir: { text: '/opt/sradmin', isToken: false } });
  });
});
