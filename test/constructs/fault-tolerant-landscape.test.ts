import { TerraformStack } from 'cdktf';
import { FaultTolerantLandscape, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';
import { address, HOST_KEY, KEY_FILE, scriptOf, secrets, step, stepsOf, synthStack, triggersOf } from '../support/synth';

function pair(stack: TerraformStack, overrides: { secondaryPrecedence?: number; standbyMode?: StandbyMode; resource?: PlanResource } = {}) {
  const { password, key } = secrets(stack);
  return new FaultTolerantLandscape(stack, 'east', {
    handle: LandscapeHandle.parse('0x400000'),
    primary: { host: 'ss-east-1' },
    secondaries: [{ host: 'ss-east-2', precedence: overrides.secondaryPrecedence }],
    standbyMode: overrides.standbyMode ?? StandbyMode.HOT,
    install: { mediaPath: '/mnt/spectrum', ownerPassword: password, version: '10.4.1' },
    connection: { privateKey: key, privateKeyFile: KEY_FILE, hostKey: HOST_KEY },
    planResource: overrides.resource,
  });
}

describe('FaultTolerantLandscape plan', () => {
  test('has the seven steps of the README plan, the upgrade step and promotion\'s two (docs/promotion.md) under construct ids that are a public contract', () => {
    const json = synthStack(stack => pair(stack));
    expect([...stepsOf(json).keys()].sort()).toEqual([
      'east/primary/deregister', 'east/primary/hostrc', 'east/primary/install', 'east/primary/promote', 'east/primary/savefile', 'east/primary/upgrade',
      'east/primary/vnmrc',
      'east/ready',
      'east/secondary/demote', 'east/secondary/hostrc', 'east/secondary/install', 'east/secondary/load',
      'east/secondary/transfer', 'east/secondary/upgrade', 'east/secondary/vnmrc',
    ]);
  });

  test('orders the steps with depends_on: install, upgrade, hostrc, vnmrc, savefile, transfer, load; the secondary upgrades after its primary', () => {
    const json = synthStack(stack => pair(stack));
    const dependsOn = (path: string) => step(json, path).body.depends_on ?? [];
    const at = (path: string) => address(step(json, path));
    expect(dependsOn('east/primary/install')).toEqual([]);
    expect(dependsOn('east/secondary/install')).toEqual([]);
    expect(dependsOn('east/primary/upgrade')).toEqual([at('east/primary/install')]);
    expect(dependsOn('east/secondary/upgrade')).toEqual([at('east/secondary/install'), at('east/primary/vnmrc')]);
    expect(dependsOn('east/primary/hostrc')).toEqual([at('east/primary/upgrade')]);
    expect(dependsOn('east/secondary/hostrc')).toEqual([at('east/secondary/upgrade')]);
    expect(dependsOn('east/primary/vnmrc')).toEqual([at('east/primary/hostrc')]);
    // Promotion: a former primary is stopped (demote) before the new one is promoted, before the savefile.
    expect(dependsOn('east/secondary/demote')).toEqual([at('east/secondary/vnmrc')]);
    expect(dependsOn('east/primary/promote')).toEqual([at('east/primary/vnmrc'), at('east/secondary/demote')]);
    expect(dependsOn('east/primary/savefile')).toEqual([at('east/primary/vnmrc'), at('east/primary/promote')]);
    expect(dependsOn('east/secondary/transfer')).toEqual([at('east/primary/savefile'), at('east/secondary/vnmrc')]);
    expect(dependsOn('east/secondary/load')).toEqual([at('east/secondary/transfer')]);
    expect(dependsOn('east/primary/deregister')).toEqual([at('east/secondary/load')]);
    expect(dependsOn('east/ready').sort()).toEqual([at('east/primary/vnmrc'), at('east/secondary/load'), at('east/primary/deregister')].sort());
  });

  test("a secondary precedence change re-triggers its load and the primary's deregister only", () => {
    const before = stepsOf(synthStack(stack => pair(stack, { secondaryPrecedence: 20 })));
    const after = stepsOf(synthStack(stack => pair(stack, { secondaryPrecedence: 30 })));
    const changed = [...before.keys()].filter(path =>
      JSON.stringify(triggersOf(before.get(path)!)) !== JSON.stringify(triggersOf(after.get(path)!)));
    expect(changed.sort()).toEqual(['east/primary/deregister', 'east/secondary/load']);
  });

  test('the standby mode changes only the vnmrc step of the primary', () => {
    const hot = stepsOf(synthStack(stack => pair(stack, { standbyMode: StandbyMode.HOT })));
    const warm = stepsOf(synthStack(stack => pair(stack, { standbyMode: StandbyMode.WARM })));
    const changed = [...hot.keys()].filter(path =>
      JSON.stringify(triggersOf(hot.get(path)!)) !== JSON.stringify(triggersOf(warm.get(path)!)));
    expect(changed).toEqual(['east/primary/vnmrc']);
    expect(scriptOf(hot.get('east/primary/vnmrc')!)).toContain("KEY_0='secondary_polling'\nVALUE_0='yes'");
    expect(scriptOf(warm.get('east/primary/vnmrc')!)).toContain("KEY_0='secondary_polling'\nVALUE_0='no'");
    expect(scriptOf(hot.get('east/secondary/vnmrc')!)).not.toContain('secondary_polling');
  });

  test('chains replacements through ids: a re-made savefile re-runs transfer, a new transfer re-runs load', () => {
    const json = synthStack(stack => pair(stack));
    expect(triggersOf(step(json, 'east/secondary/transfer')).after_savefile).toBe(`\${${address(step(json, 'east/primary/savefile'))}.id}`);
    expect(triggersOf(step(json, 'east/secondary/load')).after_transfer).toBe(`\${${address(step(json, 'east/secondary/transfer'))}.id}`);
    expect(triggersOf(step(json, 'east/primary/hostrc')).after_install).toBe(`\${${address(step(json, 'east/primary/install'))}.id}`);
  });

  test('secrets reach only provisioner content and connections, never triggers, locals or metadata', () => {
    const json = synthStack(stack => pair(stack));
    const secretRefs = ['var.owner_password', 'var.ssh_key'];
    for (const s of stepsOf(json).values()) {
      const triggers = JSON.stringify(triggersOf(s) ?? {});
      for (const ref of secretRefs) expect(triggers).not.toContain(ref);
    }
    expect(JSON.stringify(json.locals)).not.toMatch(/owner_password|ssh_key/);
    expect(JSON.stringify(json['//'])).not.toMatch(/owner_password|ssh_key/);
    // The password travels in its own file provisioner into the 0700 staging directory.
    const install = step(json, 'east/primary/install').body.provisioner;
    expect(install[0]['remote-exec'].inline[0]).toMatch(/mkdir -m 0700/);
    expect(install[1].file.content).toBe('${var.owner_password}');
    expect(JSON.stringify(install[2])).not.toContain('owner_password');
  });

  test('the private key appears only in connection blocks: the transfer\'s local-exec has no environment and names the key file only', () => {
    const json = synthStack(stack => pair(stack));
    const places: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node === 'string') {
        if (node.includes('var.ssh_key')) places.push(at);
      } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
      }
    };
    walk(json, '');
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place).toMatch(/\/connection\/private_key$/);
    const transfer = step(json, 'east/secondary/transfer').body.provisioner;
    expect(transfer).toHaveLength(1);
    expect(Object.keys(transfer[0]['local-exec']).sort()).toEqual(['command', 'interpreter']);
    expect(transfer[0]['local-exec'].command).toContain(`P_KEY_FILE='${KEY_FILE}'`);
  });

  test('install writes hostargs with the handle, owner and main location server and removes the password file on exit', () => {
    const script = scriptOf(step(synthStack(stack => pair(stack)), 'east/secondary/install'));
    expect(script).toContain("LH='0x400000'");
    expect(script).toContain("MLS='ss-east-1'");
    expect(script).toContain("OWNER='spectrum'");
    expect(script).toContain('trap finish EXIT');
    expect(script).toMatch(/finish\(\) \{\n  local status=\$\?\n  rm -rf -- "\$STAGE"\n/);
    expect(script).toContain('install -m 0600 /dev/null "$PWFILE"');
    expect(script).toContain('-accept');
  });

  test('load verifies the checksum before stopping the server and uses -add with the precedence', () => {
    const script = scriptOf(step(synthStack(stack => pair(stack, { secondaryPrecedence: 25 })), 'east/secondary/load'));
    expect(script.indexOf('sha256sum')).toBeLessThan(script.indexOf('ss_stop ||'));
    expect(script.indexOf('before-load')).toBeLessThan(script.indexOf('SSdbload'));
    expect(script).toContain("PRECEDENCE='25'");
    expect(script).toContain('SSdbload" -ilq -add "$PRECEDENCE"');
  });

  test('deregister runs on the primary after the loads and removes map entries the code no longer has', () => {
    const deregister = step(synthStack(stack => pair(stack, { secondaryPrecedence: 25 })), 'east/primary/deregister');
    expect(deregister.body.connection.host).toBe('ss-east-1');
    const script = scriptOf(deregister);
    expect(script).toContain("SECONDARIES=''\nSECONDARIES+='0x400000 25'$'\\n'\n");
    expect(script).toContain('MapUpdate" -remove "$lh" -precedence "$precedence"');
    expect(deregister.body.provisioner[0]['remote-exec'].when).toBeUndefined();
  });

  test('addSecondary after construction adds a secondary with the next precedence', () => {
    const json = synthStack(stack => {
      const landscape = pair(stack);
      const third = landscape.addSecondary({ host: 'ss-east-3' }, 'tertiary');
      expect(third.precedence).toBe(30);
      expect(landscape.secondaries.map(s => s.node.id)).toEqual(['secondary', 'tertiary']);
    });
    expect(scriptOf(step(json, 'east/tertiary/load'))).toContain("PRECEDENCE='30'");
    expect(step(json, 'east/ready').body.depends_on).toContain(address(step(json, 'east/tertiary/load')));
    expect(scriptOf(step(json, 'east/primary/deregister'))).toContain("SECONDARIES+='0x400000 20'$'\\n'\nSECONDARIES+='0x400000 30'$'\\n'\n");
    expect(json.locals!['east_hostrc-hosts_F6AAA5D4'] ?? Object.values(json.locals!)[0]).toEqual(['ss-east-1', 'ss-east-2', 'ss-east-3']);
  });

  test('without media the plan configures only: no install step, hostrc first', () => {
    const json = synthStack(stack => new FaultTolerantLandscape(stack, 'east', {
      handle: LandscapeHandle.of(0x400000),
      primary: { host: 'ss-east-1', connection: { hostKey: HOST_KEY } },
      secondaries: [{ host: 'ss-east-2', connection: { hostKey: HOST_KEY } }],
    }));
    expect([...stepsOf(json).keys()].filter(p => p.endsWith('/install'))).toEqual([]);
    expect(step(json, 'east/primary/hostrc').body.depends_on ?? []).toEqual([]);
  });
});

describe('plan resources', () => {
  test('NULL_RESOURCE (default) writes null_resource with triggers and adds the null provider', () => {
    const json = synthStack(stack => pair(stack));
    expect(Object.keys(json.resource)).toEqual(['null_resource']);
    expect(json.provider).toHaveProperty('null');
    expect(triggersOf(step(json, 'east/primary/install'))).toHaveProperty('inputs_sha256');
    expect(step(json, 'east/primary/install').body.triggers).toBeDefined();
  });

  test('TERRAFORM_DATA writes terraform_data with triggers_replace and needs no provider', () => {
    const json = synthStack(stack => pair(stack, { resource: PlanResource.TERRAFORM_DATA }));
    expect(Object.keys(json.resource)).toEqual(['terraform_data']);
    expect(json.provider).toBeUndefined();
    expect(step(json, 'east/primary/install').body.triggers_replace).toHaveProperty('inputs_sha256');
  });
});
