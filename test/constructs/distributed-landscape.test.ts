import { TerraformStack, TerraformVariable, Fn, Token } from 'cdktf';
import { DistributedLandscape, LandscapeHandle } from '../../lib';
import { address, HOST_KEY, KEY_FILE, planDepth, scriptOf, secrets, step, stepsOf, synthStack, triggersOf } from '../support/synth';

function estate(stack: TerraformStack, landscapes: number, hostOf: (name: string) => string = name => name) {
  const { password, key } = secrets(stack);
  const pair = (name: string) => ({
    primary: { host: hostOf(`${name}-1`) },
    secondaries: [{ host: hostOf(`${name}-2`) }],
  });
  const dss = new DistributedLandscape(stack, 'estate', {
    master: { handle: LandscapeHandle.of(0x100000), ...pair('master') },
    install: { mediaPath: '/mnt/spectrum', ownerPassword: password },
    connection: { privateKey: key, privateKeyFile: KEY_FILE, hostKey: HOST_KEY },
  });
  for (let i = 0; i < landscapes; i++) {
    dss.addLandscape(`ls${i}`, { handle: LandscapeHandle.of(0x200000 + i * 0x100000), ...pair(`ls${i}`) });
  }
  dss.addOneClickServer('console', { host: hostOf('oneclick-1') });
  return dss;
}

describe('DistributedLandscape plan', () => {
  test('every server and OneClick is installed with main_loc_serv = the master primary', () => {
    const json = synthStack(stack => estate(stack, 2));
    const installs = [...stepsOf(json.valueOf() as any).values()].filter(s => s.path.endsWith('/install'));
    expect(installs).toHaveLength(2 * 3 + 1);
    for (const install of installs) expect(scriptOf(install)).toContain("MLS='master-1'");
    expect(scriptOf(step(json, 'estate/console/install'))).toContain("PRODUCT='oneclick'");
    expect(scriptOf(step(json, 'estate/master/primary/install'))).toContain("PRODUCT='spectroserver'");
  });

  test('every .hostrc lists every SpectroSERVER and OneClick host of the DSS, from one shared local', () => {
    const json = synthStack(stack => estate(stack, 2));
    expect(Object.values(json.locals!)).toEqual([[
      'master-1', 'master-2', 'ls0-1', 'ls0-2', 'ls1-1', 'ls1-2', 'oneclick-1',
    ]]);
    const localName = Object.keys(json.locals!)[0];
    const hostrcs = [...stepsOf(json).values()].filter(s => s.path.endsWith('/hostrc'));
    expect(hostrcs).toHaveLength(6);
    for (const hostrc of hostrcs) {
      // The list reaches the script only as base64 that Terraform computes (lib/plan/shell.ts).
      expect(scriptOf(hostrc)).toContain(`decode_value HOSTS_PART_0 '\${base64encode(join("\\n", local.${localName}))}'`);
      expect(triggersOf(hostrc).hosts).toBe(`\${sha256(join("\\n", local.${localName}))}`);
    }
  });

  test('distributed landscapes wait only for the master primary, not for each other', () => {
    const json = synthStack(stack => estate(stack, 3));
    const masterPrimaryConfigured = address(step(json, 'estate/master/primary/vnmrc'));
    for (const name of ['ls0', 'ls1', 'ls2']) {
      expect(step(json, `estate/${name}/primary/install`).body.depends_on).toEqual([masterPrimaryConfigured]);
      expect(step(json, `estate/${name}/secondary/install`).body.depends_on).toEqual([masterPrimaryConfigured]);
    }
    // OneClick also waits for the master primary's savefile: on a shared host its installer stops the SpectroSERVER.
    expect(step(json, 'estate/console/install').body.depends_on).toEqual([masterPrimaryConfigured, address(step(json, 'estate/master/primary/savefile'))]);
  });

  test('the plan depth does not grow with the number of landscapes', () => {
    const small = planDepth(synthStack(stack => estate(stack, 2)));
    const large = planDepth(synthStack(stack => estate(stack, 40)));
    expect(large).toBe(small);
    expect(small).toBeGreaterThanOrEqual(9);
  });

  test('hosts that are tokens synthesize, appear as references, and get an info note instead of SPX120', () => {
    let stackRef: TerraformStack | undefined;
    const json = synthStack(stack => {
      stackRef = stack;
      const hosts = new TerraformVariable(stack, 'hosts', { type: 'map(string)' });
      estate(stack, 1, name => Token.asString(Fn.lookup(hosts.value, name)));
    });
    expect(scriptOf(step(json, 'estate/ls0/primary/install'))).toContain('decode_value MLS \'${base64encode(var.hosts["master-1"])}\'');
    expect(step(json, 'estate/ls0/primary/deregister').body.connection.host).toBe('${var.hosts["ls0-1"]}');
    expect(triggersOf(step(json, 'estate/ls0/primary/deregister')).host).toBe('${var.hosts["ls0-1"]}');
    const notes = stackRef!.node.findAll().flatMap(c => c.node.metadata).filter(m => m.type === '@cdktf/info');
    expect(JSON.stringify(notes.map(n => n.data))).toContain('SPX120');
  });

  test('the master is reachable as `master` and landscapes are listed in order', () => {
    synthStack(stack => {
      const dss = estate(stack, 2);
      expect(dss.master.node.id).toBe('master');
      expect(dss.landscapes.map(l => l.node.id)).toEqual(['ls0', 'ls1']);
      expect(dss.oneClickServers[0].mainLocationServer).toBe('master-1');
    });
  });
});

test('a OneClick server is installed with the master landscape handle (the installer requires one)', () => {
  const json = synthStack(stack => estate(stack, 1));
  expect(scriptOf(step(json, 'estate/console/install'))).toContain("LH='0x100000'");
});
