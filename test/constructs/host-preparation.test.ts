import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, PlanResource, SpectrumInstallOptions } from '../../lib';
import { address, HOST_KEY, scriptOf, secrets, step, stepsOf, synthStack, triggersOf } from '../support/synth';

function pair(stack: TerraformStack, install: Partial<SpectrumInstallOptions> = {}, resource?: PlanResource) {
  const { password, key } = secrets(stack);
  return new FaultTolerantLandscape(stack, 'east', {
    handle: LandscapeHandle.of(0x400000),
    primary: { host: 'ss-east-1' },
    secondaries: [{ host: 'ss-east-2' }],
    install: { mediaPath: '/mnt/spectrum', ownerPassword: password, version: '10.4.1', ...install },
    connection: { privateKey: key, privateKeyFile: '/home/ci/.ssh/id_ed25519', hostKey: HOST_KEY },
    planResource: resource,
  });
}

describe('host preparation (install.prepareHost)', () => {
  test('a prepare step per server before its install, the password only in the file provisioner', () => {
    for (const resource of [PlanResource.NULL_RESOURCE, PlanResource.TERRAFORM_DATA]) {
      const json = synthStack(stack => pair(stack, { prepareHost: true, osPackages: ['ksh', 'libaio'], sradminDir: '/opt/sradmin' }, resource));
      for (const server of ['primary', 'secondary']) {
        const prepare = step(json, `east/${server}/prepare`);
        expect(step(json, `east/${server}/install`).body.depends_on).toEqual([address(prepare)]);
        expect(prepare.body.depends_on ?? []).toEqual([]);
        const provisioners: any[] = prepare.body.provisioner;
        expect(provisioners.find(p => p.file)?.file.content).toBe('${var.owner_password}');
        expect(JSON.stringify(triggersOf(prepare))).not.toContain('owner_password');
        const script = scriptOf(prepare);
        expect(script).toContain("SRADMIN_DIR='/opt/sradmin'");
        expect(script).toContain("DEB_PACKAGES+='libaio'");
        expect(script).not.toContain('owner_password');
      }
    }
  });

  test('no prepare step unless asked for, or without media', () => {
    const plain = synthStack(stack => pair(stack));
    expect([...stepsOf(plain).keys()].filter(p => p.endsWith('/prepare'))).toEqual([]);
    const noMedia = synthStack(stack => pair(stack, { prepareHost: true, mediaPath: undefined, ownerPassword: undefined }));
    expect([...stepsOf(noMedia).keys()].filter(p => p.endsWith('/prepare'))).toEqual([]);
  });

  test('a changed package list re-runs prepare only, not the install', () => {
    const a = synthStack(stack => pair(stack, { prepareHost: true, osPackages: ['ksh'] }));
    const b = synthStack(stack => pair(stack, { prepareHost: true, osPackages: ['ksh', 'libaio'] }));
    expect(triggersOf(step(a, 'east/primary/prepare'))).not.toEqual(triggersOf(step(b, 'east/primary/prepare')));
    expect(triggersOf(step(a, 'east/primary/install'))).toEqual(triggersOf(step(b, 'east/primary/install')));
  });

  test('a package list from Terraform (a token) reaches the script as base64 and is checked there, not at synth', () => {
    const json = synthStack(stack => {
      const extra = new TerraformVariable(stack, 'extra_package', { type: 'string' }).stringValue;
      pair(stack, { prepareHost: true, osPackages: ['ksh', extra] });
    });
    const script = scriptOf(step(json, 'east/primary/prepare'));
    expect(script).toContain("DEB_PACKAGES+='ksh'");
    expect(script).toContain("decode_value DEB_PACKAGES_PART_1 '${base64encode(var.extra_package)}'");
    expect(script).toContain('require_lines DEB_PACKAGES_PART_1 is_os_package');
  });

  test('SPX132 refuses a package name that is not one and an unsafe SRAdmin directory', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'prod');
    pair(stack, { prepareHost: true, osPackages: ['ksh', '-y; rm -rf /'], sradminDir: '/opt/../etc' });
    expect(() => Testing.fullSynth(stack)).toThrow(/SPX132[\s\S]*OS package '-y; rm -rf \/' \(osPackages\) is not a package name/);
    expect(() => Testing.fullSynth(stack)).toThrow(/SRAdmin directory \(sradminDir\) '\/opt\/\.\.\/etc' is not an absolute path/);
  });
});

describe('OneClick web server step', () => {
  function estate(stack: TerraformStack) {
    const { password, key } = secrets(stack);
    const dss = new DistributedLandscape(stack, 'estate', {
      master: { handle: LandscapeHandle.of(0x100000), primary: { host: 'm-1' }, secondaries: [{ host: 'm-2' }] },
      install: { mediaPath: '/mnt/spectrum', ownerPassword: password },
      connection: { privateKey: key, privateKeyFile: '/home/ci/.ssh/id_ed25519', hostKey: HOST_KEY },
      planResource: PlanResource.TERRAFORM_DATA,
    });
    // The OneClick server comes first: landscapes added after it count too.
    dss.addOneClickServer('console', { host: 'oc-1' });
    dss.addLandscape('east', { handle: LandscapeHandle.of(0x200000), primary: { host: 'e-1' }, secondaries: [{ host: 'e-2' }] });
    dss.addLandscape('west', { handle: LandscapeHandle.of(0x300000), primary: { host: 'w-1' } });
  }

  test('after OneClick\'s install and upgrade and every primary\'s install and upgrade; their ids are in its trigger', () => {
    const json = synthStack(estate);
    const webserver = step(json, 'estate/console/webserver');
    const primaries = ['master', 'east', 'west'].flatMap(l => [`estate/${l}/primary/install`, `estate/${l}/primary/upgrade`]).map(p => step(json, p));
    const own = ['estate/console/install', 'estate/console/upgrade'].map(p => step(json, p));
    // And the master primary's promote step: the web server it starts reads the main location server (docs/promotion.md).
    expect(webserver.body.depends_on).toEqual([...own.map(address), ...primaries.map(address), address(step(json, 'estate/master/primary/promote'))]);
    const triggers = triggersOf(webserver);
    expect(triggers.after_oneclick).toBe(own.map(p => `\${${address(p)}.id}`).join(','));
    expect(triggers.after_primaries).toBe(primaries.map(p => `\${${address(p)}.id}`).join(','));
    // Secondaries do not restart the web server.
    expect(triggers.after_primaries).not.toContain('secondary');
    expect(scriptOf(webserver)).toContain('startWebTomcat.sh');
  });

  test('mainlocation: after OneClick\'s install, upgrade and webserver and the master primary\'s promote; triggered by the main location server alone', () => {
    const json = synthStack(estate);
    const mainLocation = step(json, 'estate/console/mainlocation');
    const after = ['estate/console/install', 'estate/console/upgrade', 'estate/console/webserver', 'estate/master/primary/promote'];
    expect(mainLocation.body.depends_on).toEqual(after.map(p => address(step(json, p))));
    const triggers = triggersOf(mainLocation);
    expect(Object.keys(triggers).filter(k => k.startsWith('after_'))).toEqual([]);
    expect(scriptOf(mainLocation)).toContain("MLS='m-1'");
  });

  test('manageMainLocation false: no mainlocation step, and the webserver step leaves .locrc alone', () => {
    const json = synthStack(stack => pair(stack).addOneClickServer('console', { host: 'oc-1', manageMainLocation: false }));
    expect([...stepsOf(json).keys()].filter(p => p.startsWith('east/console/'))).toEqual(['east/console/install', 'east/console/upgrade', 'east/console/webserver']);
    expect(scriptOf(step(json, 'east/console/webserver'))).not.toContain('.locrc');
    const managed = synthStack(stack => pair(stack).addOneClickServer('console', { host: 'oc-1' }));
    expect(scriptOf(step(managed, 'east/console/webserver'))).toContain('LOCRC=');
    expect([...stepsOf(managed).keys()]).toContain('east/console/mainlocation');
  });

  test('the hook for rolling upgrades: an upgrade step of a primary is chained as well', () => {
    const json = synthStack(stack => {
      estate(stack);
      // What a primary's `upgrade` step looks like to the web server step: any resource under _steps.upgrade.
      const dss = stack.node.findChild('estate') as DistributedLandscape;
      dss.master.primary._steps.upgrade = dss.master.primary._steps.vnmrc;
    });
    expect(triggersOf(step(json, 'estate/console/webserver')).after_primaries)
      .toContain(`\${${address(step(json, 'estate/master/primary/vnmrc'))}.id}`);
  });
});
