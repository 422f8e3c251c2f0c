/**
 * How the plan tells a first install from an upgrade, and the rolling order
 * of upgrades in a DSS (docs/upgrades.md).
 */
import { TerraformStack } from 'cdktf';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, SpectrumInstallOptions } from '../../lib';
import { address, HOST_KEY, KEY_FILE, planDepth, scriptOf, secrets, step, stepsOf, synthStack, triggersOf } from '../support/synth';

function estate(stack: TerraformStack, landscapes: number, install: Partial<SpectrumInstallOptions> = {}) {
  const { password, key } = secrets(stack);
  const pair = (name: string) => ({ primary: { host: `${name}-1` }, secondaries: [{ host: `${name}-2` }] });
  const dss = new DistributedLandscape(stack, 'estate', {
    master: { handle: LandscapeHandle.of(0x100000), ...pair('master') },
    install: { mediaPath: '/mnt/spectrum', ownerPassword: password, version: '10.4.1', ...install },
    connection: { privateKey: key, privateKeyFile: KEY_FILE, hostKey: HOST_KEY },
  });
  for (let i = 0; i < landscapes; i++) {
    dss.addLandscape(`ls${i}`, { handle: LandscapeHandle.of(0x200000 + i * 0x100000), ...pair(`ls${i}`) });
  }
  dss.addOneClickServer('console', { host: 'oneclick-1' });
  return dss;
}

/** Paths of the steps whose triggers differ between two synths. */
function changedSteps(before: any, after: any): string[] {
  const a = stepsOf(before);
  const b = stepsOf(after);
  return [...a.keys()].filter(path => JSON.stringify(triggersOf(a.get(path)!)) !== JSON.stringify(triggersOf(b.get(path)!))).sort();
}

describe('rolling upgrades in a distributed landscape', () => {
  const upgrades = ['estate/console/upgrade', ...['master', 'ls0', 'ls1'].flatMap(l => [`estate/${l}/primary/upgrade`, `estate/${l}/secondary/upgrade`])].sort();

  test.each<[string, Partial<SpectrumInstallOptions>]>([
    ['a new version and its media', { version: '10.4.2', mediaPath: '/mnt/spectrum-10.4.2' }],
    ['an added update', { updates: [{ mediaPath: '/mnt/update-1', version: '10.4.1.1' }] }],
  ])('%s replaces the upgrade steps, and nothing else', (_, change) => {
    const before = synthStack(stack => estate(stack, 2));
    const after = synthStack(stack => estate(stack, 2, change));
    expect(changedSteps(before, after)).toEqual(upgrades);
  });

  test('hostrc re-runs after a replaced upgrade (an installer run resets .hostrc); vnmrc and the seeding do not', () => {
    const json = synthStack(stack => estate(stack, 1));
    expect(triggersOf(step(json, 'estate/ls0/secondary/hostrc')).after_upgrade).toBe(`\${${address(step(json, 'estate/ls0/secondary/upgrade'))}.id}`);
    for (const path of ['estate/ls0/primary/vnmrc', 'estate/ls0/primary/savefile', 'estate/ls0/secondary/transfer', 'estate/ls0/secondary/load']) {
      expect(triggersOf(step(json, path)).after_upgrade).toBeUndefined();
    }
  });

  test('order: the master primary, then every other primary and OneClick, then the secondaries', () => {
    const json = synthStack(stack => estate(stack, 2));
    const at = (path: string) => address(step(json, path));
    const dependsOn = (path: string) => step(json, path).body.depends_on ?? [];
    const masterConfigured = at('estate/master/primary/vnmrc');
    expect(dependsOn('estate/master/primary/upgrade')).toEqual([at('estate/master/primary/install')]);
    expect(dependsOn('estate/master/primary/vnmrc')).toEqual([at('estate/master/primary/hostrc')]);
    expect(dependsOn('estate/master/primary/hostrc')).toEqual([at('estate/master/primary/upgrade')]);
    for (const name of ['ls0', 'ls1']) {
      // The member primary's install waits for the master primary configured, so upgraded.
      expect(dependsOn(`estate/${name}/primary/install`)).toEqual([masterConfigured]);
      expect(dependsOn(`estate/${name}/primary/upgrade`)).toEqual([at(`estate/${name}/primary/install`)]);
    }
    expect(dependsOn('estate/console/upgrade')).toEqual([at('estate/console/install'), masterConfigured, at('estate/master/primary/savefile')]);
    const barrierName = Object.keys(json.resource.null_resource).find(name => name.startsWith('estate_primaries-upgraded'))!;
    const barrier = json.resource.null_resource[barrierName];
    const barrierAddress = `null_resource.${barrierName}`;
    expect([...(barrier as any).depends_on].sort()).toEqual([
      masterConfigured, at('estate/ls0/primary/vnmrc'), at('estate/ls1/primary/vnmrc'), at('estate/console/upgrade'),
    ].sort());
    for (const name of ['master', 'ls0', 'ls1']) {
      expect(dependsOn(`estate/${name}/secondary/upgrade`)).toEqual([at(`estate/${name}/secondary/install`), at(`estate/${name}/primary/vnmrc`), barrierAddress]);
      expect(dependsOn(`estate/${name}/secondary/hostrc`)).toEqual([at(`estate/${name}/secondary/upgrade`)]);
    }
  });

  test('first installs stay parallel: every install waits only for the master primary', () => {
    const json = synthStack(stack => estate(stack, 2));
    const masterConfigured = address(step(json, 'estate/master/primary/vnmrc'));
    for (const path of ['estate/ls0/secondary/install', 'estate/ls1/secondary/install']) {
      expect(step(json, path).body.depends_on).toEqual([masterConfigured]);
    }
    // OneClick may share the master primary's host: its installer must not overlap the savefile.
    expect(step(json, 'estate/console/install').body.depends_on).toEqual([masterConfigured, address(step(json, 'estate/master/primary/savefile'))]);
    expect(step(json, 'estate/master/secondary/install').body.depends_on).toEqual([]);
  });

  test('the plan depth does not grow with the number of landscapes', () => {
    const small = planDepth(synthStack(stack => estate(stack, 2, { updates: [{ mediaPath: '/mnt/u1', version: '10.4.1.1' }] })));
    const large = planDepth(synthStack(stack => estate(stack, 40, { updates: [{ mediaPath: '/mnt/u1', version: '10.4.1.1' }] })));
    expect(large).toBe(small);
  });

  test('updates reach the scripts in order; the install step applies them all on a fresh host, the upgrade step each one missing', () => {
    const json = synthStack(stack => estate(stack, 0, { updates: [{ mediaPath: '/mnt/u1', version: '10.4.1.1' }, { mediaPath: '/mnt/u2', version: '10.4.1.2' }] }));
    const install = scriptOf(step(json, 'estate/master/secondary/install'));
    expect(install).toContain("UPDATE_1_MEDIA='/mnt/u1'\n# UPDATE_1_VERSION does not re-run this step");
    expect(install).toContain('apply_update "$UPDATE_1_MEDIA" "$UPDATE_1_VERSION" all\napply_update "$UPDATE_2_MEDIA" "$UPDATE_2_VERSION" all');
    const upgrade = scriptOf(step(json, 'estate/master/secondary/upgrade'));
    expect(upgrade).toContain('apply_update "$UPDATE_1_MEDIA" "$UPDATE_1_VERSION"\napply_update "$UPDATE_2_MEDIA" "$UPDATE_2_VERSION"\n');
    expect(upgrade).toContain("VERSION='10.4.1'");
  });

  test('without media, updates alone give each server an upgrade step and no install step', () => {
    const json = synthStack(stack => {
      const { password, key } = secrets(stack);
      new FaultTolerantLandscape(stack, 'east', {
        handle: LandscapeHandle.of(0x400000),
        primary: { host: 'east-1' },
        secondaries: [{ host: 'east-2' }],
        install: { ownerPassword: password, updates: [{ mediaPath: '/mnt/u1', version: '10.4.1.1' }] },
        connection: { privateKey: key, privateKeyFile: KEY_FILE, hostKey: HOST_KEY },
      });
    });
    const steps = [...stepsOf(json).keys()];
    expect(steps.filter(p => p.endsWith('/install'))).toEqual([]);
    expect(steps.filter(p => p.endsWith('/upgrade')).sort()).toEqual(['east/primary/upgrade', 'east/secondary/upgrade']);
    expect(step(json, 'east/secondary/upgrade').body.depends_on).toEqual([address(step(json, 'east/primary/vnmrc'))]);
  });
});
