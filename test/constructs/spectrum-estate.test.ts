import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, StandbyMode } from '../../lib';
import { SpectrumEstate } from '../../lib/constructs/spectrum-estate';
import { step, stepsOf, synthStack, Synthesized } from '../support/synth';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'estate', 'estate.yaml');
const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

describe('SpectrumEstate', () => {
  test('install.updates build the same upgrade steps as in code', () => {
    const install = { mediaPath: '/mnt/spectrum', version: '10.4.1', updates: [{ mediaPath: '/mnt/u1', version: '10.4.1.1' }] };
    const fromData = synthStack(stack => {
      new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
      SpectrumEstate.fromObject(stack, 'estate', {
        version: 1,
        landscapes: { east: { handle: '0x400000', connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' }, primary: { host: 'east-1' }, install: { ...install, ownerPassword: { variable: 'pw' } } } },
      });
    });
    const fromCode = synthStack(stack => {
      const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
      new FaultTolerantLandscape(new Construct(stack, 'estate'), 'east', {
        handle: LandscapeHandle.parse('0x400000'),
        connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' },
        primary: { host: 'east-1' },
        install: { ...install, ownerPassword: pw.stringValue },
      });
    });
    expect(JSON.stringify(fromData.resource)).toContain('UPDATE_1_VERSION');
    expect(fromData.resource).toEqual(fromCode.resource);
  });

  test('builds the same plan as the same estate written in code', () => {
    const fromData = synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', {
        version: 1,
        landscapes: {
          east: {
            handle: '0x400000',
            standbyMode: 'HOT',
            connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' },
            primary: { host: 'east-1' },
            secondaries: [{ host: 'east-2' }, { host: 'east-3', precedence: 50, vnmrc: { wait_active: 'yes' } }],
          },
        },
      });
    });
    const fromCode = synthStack(stack => {
      const scope = new Construct(stack, 'estate');
      new FaultTolerantLandscape(scope, 'east', {
        handle: LandscapeHandle.parse('0x400000'),
        standbyMode: StandbyMode.HOT,
        connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' },
        primary: { host: 'east-1' },
        secondaries: [{ host: 'east-2' }, { host: 'east-3', precedence: 50, vnmrc: { wait_active: 'yes' } }],
      });
    });
    expect(fromData.resource).toEqual(fromCode.resource);
    expect(fromData.locals).toEqual(fromCode.locals);
  });

  test('examples/estate/estate.yaml builds the plan of examples/distributed', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'distributed');
    const estate = SpectrumEstate.fromFile(stack, 'estate', EXAMPLE);
    expect(estate.distributedLandscapes.map(d => d.landscapes.map(l => l.node.id))).toEqual([['east', 'west']]);
    expect(estate.distributedLandscapes[0]).toBeInstanceOf(DistributedLandscape);
    const json = JSON.parse(Testing.synth(stack, true));
    // One variable per name, typed by its use; secrets sensitive.
    expect(json.variable).toEqual({
      hosts: { type: 'map(string)', description: 'Host name or address of each server, by server name' },
      host_keys: { type: 'map(string)', description: 'SSH public host key of each server, by server name' },
      ssh_user: { type: 'string', default: 'root' },
      ssh_port: { type: 'number', default: 22 },
      ssh_private_key_file: { type: 'string', description: 'SSH private key file on the machine that runs Terraform' },
      spectrum_owner_password: { type: 'string', sensitive: true, description: 'Password of the Spectrum install owner' },
      spectrum_media_path: { type: 'string', default: '/mnt/spectrum' },
    });
    expect(findHost(json, 'spectrum_east_primary_hostrc_')).toBe('${var.hosts["east-primary"]}');
    // 6 SpectroSERVERs (install, upgrade, hostrc, vnmrc), 3 savefiles, 3 transfers, 3 loads, 3 deregisters, 3 ready markers,
    // 1 OneClick install, upgrade, webserver and mainlocation step, the DSS's primaries-upgraded marker, 3 promote and 3 demote
    // steps (docs/promotion.md).
    expect(Object.keys(json.resource.null_resource)).toHaveLength(50);
  });

  test('host preparation from an estate file: prepareHost, osPackages and sradminDir reach the prepare step', () => {
    const json = synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', {
        version: 1,
        landscapes: {
          east: {
            handle: '0x400000',
            primary: { host: 'east-1' },
            install: { mediaPath: '/mnt/spectrum', ownerPassword: { variable: 'pw' }, prepareHost: true, osPackages: ['ksh'], sradminDir: '/opt/sradmin' },
          },
        },
      });
    }, { validate: false });
    const prepare = Object.values<any>(json.resource.null_resource ?? json.resource.terraform_data)
      .find(body => body['//'].metadata.path.endsWith('/east/primary/prepare'));
    const script: string = prepare.provisioner[prepare.provisioner.length - 1]['remote-exec'].inline[0];
    expect(script).toContain("SRADMIN_DIR='/opt/sradmin'");
    expect(script).toContain("DEB_PACKAGES+='ksh'");
  });

  test('a Terraform variable the stack already has is reused, not declared twice', () => {
    const json = synthStack(stack => {
      new TerraformVariable(stack, 'hosts', { type: 'map(string)' });
      SpectrumEstate.fromObject(stack, 'estate', {
        version: 1,
        landscapes: { east: { handle: '0x400000', primary: { host: { variable: 'hosts', key: 'east-1' } } } },
      });
    }, { validate: false });
    expect(Object.keys(json.variable ?? {})).toEqual(['hosts']);
  });

  test('environment references are read at synth; a missing one fails clearly', () => {
    process.env.ESTATE_TEST_HOST = 'east-9.example.net';
    try {
      const json = synthStack(stack => {
        SpectrumEstate.fromObject(stack, 'estate', { version: 1, landscapes: { east: { handle: '0x400000', primary: { host: { env: 'ESTATE_TEST_HOST' } } } } });
      }, { validate: false });
      expect(JSON.stringify(json)).toContain('east-9.example.net');
    } finally {
      delete process.env.ESTATE_TEST_HOST;
    }
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => SpectrumEstate.fromObject(stack, 'estate', { version: 1, landscapes: { east: { handle: '0x400000', primary: { host: { env: 'ESTATE_TEST_HOST' } } } } }))
      .toThrow("SpectrumEstate 'estate': /landscapes/east/primary/host reads the environment variable ESTATE_TEST_HOST, which is not set; "
        + 'set it before synthesizing, or use { variable: ... }');
  });

  test('a variable used both as a map and as text, a default for a secret, clashing names: all reported at once', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    let message = '';
    try {
      SpectrumEstate.fromObject(stack, 'estate', {
        version: 1,
        variables: { pw: { default: 'x' } },
        distributedLandscapes: { dss: { master: { handle: '0x100000', primary: { host: { variable: 'hosts', key: 'm' } }, install: { ownerPassword: { variable: 'pw' } } } } },
        landscapes: { dss: { handle: '0x200000', primary: { host: { variable: 'hosts' } } } },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      "SpectrumEstate 'estate': /landscapes/dss/primary/host uses variable hosts without a key, but /distributedLandscapes/dss/master/primary/host uses it as a map with a key; use it one way everywhere",
      "SpectrumEstate 'estate': /variables/pw/default is not allowed: /distributedLandscapes/dss/master/install/ownerPassword is a secret, whose value never goes into the estate file (SPX150)",
      "SpectrumEstate 'estate': /landscapes/dss has the name of the distributed landscape /distributedLandscapes/dss; give each its own name",
    ]);
  });

  test('synth-time rules see the estate: an SPX error fails synth as in code', () => {
    const app = new App({ stackTraces: false });
    const stack = new TerraformStack(app, 'test');
    SpectrumEstate.fromObject(stack, 'estate', {
      version: 1,
      landscapes: { east: { handle: '0x400000', primary: { host: 'east-1' }, secondaries: [{ host: 'east-1' }] } },
    });
    expect(() => Testing.synth(stack, true)).toThrow(/SPX121/);
  });

  test('a policy section naming an unknown rule is refused at its pointer', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => SpectrumEstate.fromObject(stack, 'estate', {
      version: 1,
      policy: { suppressions: [{ rule: 'SPX999', reason: 'lab' }] },
      landscapes: { east: { handle: '0x400000', primary: { host: 'east-1' } } },
    })).toThrow(/^SpectrumEstate 'estate': \/policy\/suppressions\/0\/rule SPX999 is not a rule of cdktf-spectrum \(known: SPX100, /);
  });

  test('the policy section is applied to the stack', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const estate = SpectrumEstate.fromObject(stack, 'estate', {
      version: 1,
      policy: { rules: { SPX141: { severity: 'error' } } },
      landscapes: { east: { handle: '0x400000', primary: { host: 'east-1' }, connection: { hostKey: HOST_KEY } } },
    });
    Testing.synth(stack);
    const errors = stack.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === '@cdktf/error').map(m => `${c.node.path} ${String(m.data)}`));
    expect(errors).toEqual([expect.stringMatching(/^test\/estate\/east \[SPX141\] /)]);
    expect(estate.policy).toBeDefined();
  });
});

/** The script a step runs (its last provisioner). */
function scriptOf(json: Synthesized, stepPath: string): string {
  const provisioners: any[] = step(json, stepPath).body.provisioner;
  const last = provisioners[provisioners.length - 1];
  return last['remote-exec'] ? last['remote-exec'].inline[0] : last['local-exec'].command;
}

/** Triggers of the step at `path` (null_resource or terraform_data). */
function triggersOf(json: Synthesized, stepPath: string): { [key: string]: string } {
  const body = step(json, stepPath).body;
  return body.triggers ?? body.triggers_replace;
}

/** Paths of the steps whose triggers differ between two synths of the same estate. */
function changedTriggers(before: Synthesized, after: Synthesized): string[] {
  const old = stepsOf(before);
  return [...stepsOf(after).values()]
    .filter(s => {
      const previous = old.get(s.path)?.body;
      return JSON.stringify(s.body.triggers ?? s.body.triggers_replace) !== JSON.stringify(previous?.triggers ?? previous?.triggers_replace);
    })
    .map(s => s.path);
}

/** The messages of one kind of annotation (`@cdktf/warn`, `@cdktf/error`) anywhere in the stack, each after its construct path. */
function annotations(stack: TerraformStack, type: string): string[] {
  return stack.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === type).map(m => `${c.node.path} ${String(m.data)}`));
}

describe('SpectrumEstate: re-seeding, retention and promotion (docs/reseed.md, docs/promotion.md)', () => {
  const pair = (extra: object) => ({
    version: 1,
    landscapes: {
      east: { handle: '0x400000', connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' }, primary: { host: 'east-1' }, secondaries: [{ host: 'east-2' }], ...extra },
    },
  });

  test('a OneClick server with manageMainLocation false has no mainlocation step; by default it has one', () => {
    const withConsole = (console: object) => synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', pair({ oneClickServers: { console: { host: 'oc-1', ...console } } }));
    });
    const paths = (json: Synthesized) => [...stepsOf(json).keys()].filter(p => p.startsWith('estate/east/console/'));
    expect(paths(withConsole({}))).toEqual(['estate/east/console/mainlocation']);
    expect(paths(withConsole({ manageMainLocation: false }))).toEqual([]);
  });

  test('reseed and retain build the same plan as in code: the reseed is the savefile step\'s trigger input, retain reaches every script', () => {
    const fromData = synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', pair({ reseed: 'nightly-2026-12-01', retain: 5 }));
    });
    const fromCode = synthStack(stack => {
      new FaultTolerantLandscape(new Construct(stack, 'estate'), 'east', {
        handle: LandscapeHandle.parse('0x400000'),
        connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' },
        primary: { host: 'east-1' },
        secondaries: [{ host: 'east-2' }],
        reseed: 'nightly-2026-12-01',
        retain: 5,
      });
    });
    expect(fromData.resource).toEqual(fromCode.resource);
    // A literal is one of the savefile step's inputs (in its digest); another value changes that step's trigger and no other.
    const inputs = { backupCommand: '', host: 'east-1', owner: 'spectrum', reseed: 'nightly-2026-12-01', saveBase: 'seed-0x400000', specroot: '/opt/CA/Spectrum' };
    expect(triggersOf(fromData, 'estate/east/primary/savefile').inputs_sha256).toBe(createHash('sha256').update(JSON.stringify(inputs)).digest('hex'));
    const nextNight = synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', pair({ reseed: 'nightly-2026-12-02', retain: 5 }));
    });
    expect(changedTriggers(fromData, nextNight)).toEqual(['estate/east/primary/savefile']);
    for (const stepPath of ['estate/east/primary/savefile', 'estate/east/primary/hostrc', 'estate/east/primary/vnmrc', 'estate/east/secondary/load', 'estate/east/primary/promote']) {
      expect(scriptOf(fromData, stepPath)).toContain("RETAIN='5'");
    }
  });

  test('reseed from a Terraform variable: declared once as a string with its default, the savefile trigger is ${var.reseed}', () => {
    const json = synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', {
        ...pair({ reseed: { variable: 'reseed' } }),
        variables: { reseed: { default: '', description: 'A new value re-seeds the secondaries' } },
      });
    });
    expect(json.variable).toEqual({ reseed: { type: 'string', default: '', description: 'A new value re-seeds the secondaries' } });
    expect(triggersOf(json, 'estate/east/primary/savefile').reseed).toBe('${var.reseed}');
  });

  test('a distributed landscape\'s reseed and retain reach every member that sets none; a member\'s own win', () => {
    const json = synthStack(stack => {
      SpectrumEstate.fromObject(stack, 'estate', {
        version: 1,
        distributedLandscapes: {
          dss: {
            reseed: { variable: 'reseed' },
            retain: 2,
            connection: { hostKey: HOST_KEY, privateKeyFile: '/keys/id' },
            master: { handle: '0x100000', primary: { host: 'mls-1' }, secondaries: [{ host: 'mls-2' }] },
            landscapes: { east: { handle: '0x200000', primary: { host: 'east-1' }, secondaries: [{ host: 'east-2' }], reseed: 'hourly-07', retain: 6 } },
          },
        },
        variables: { reseed: { default: '' } },
      });
    });
    expect(triggersOf(json, 'estate/dss/master/primary/savefile').reseed).toBe('${var.reseed}');
    expect(triggersOf(json, 'estate/dss/east/primary/savefile').reseed).toBeUndefined();
    expect(scriptOf(json, 'estate/dss/master/secondary/load')).toContain("RETAIN='2'");
    expect(scriptOf(json, 'estate/dss/east/secondary/load')).toContain("RETAIN='6'");
  });

  test('promotedFrom naming the secondary that was the primary: synth warns SPX144 and succeeds; it changes no trigger', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    SpectrumEstate.fromObject(stack, 'estate', pair({ primary: { host: 'east-2' }, secondaries: [{ host: 'east-1' }], promotedFrom: 'east-1' }));
    const declared = JSON.parse(Testing.synth(stack, true));
    expect(annotations(stack, '@cdktf/warn')).toContainEqual(expect.stringMatching(
      /^test\/estate\/east \[SPX144\] landscape 'east' \(0x400000\): promotes 'east-2' to primary .*stops the former primary 'east-1' \(KB 49550\)/));
    const plain = new TerraformStack(Testing.app(), 'test');
    SpectrumEstate.fromObject(plain, 'estate', pair({ primary: { host: 'east-2' }, secondaries: [{ host: 'east-1' }] }));
    expect(declared.resource).toEqual(JSON.parse(Testing.synth(plain, true)).resource);
  });

  test('promotedFrom naming a host that is not a secondary fails synth with SPX144 and its fix', () => {
    const stack = new TerraformStack(new App({ stackTraces: false }), 'test');
    SpectrumEstate.fromObject(stack, 'estate', pair({ primary: { host: 'east-2' }, secondaries: [{ host: 'east-3' }], promotedFrom: 'east-1' }));
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[SPX144\] test\/estate\/east: landscape 'east' \(0x400000\): the former primary 'east-1' is not a secondary of the landscape, .*; keep it as a secondary for the promoting deploy/);
  });

  test('the commented reseed of examples/estate/estate.yaml, uncommented as it says, re-seeds every landscape from one variable', () => {
    const text = fs.readFileSync(EXAMPLE, 'utf8');
    expect(text).toContain('    # reseed: { variable: reseed }\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spx-estate-')), 'estate.yaml');
    fs.writeFileSync(file, text.replace('    # reseed: { variable: reseed }\n', '    reseed: { variable: reseed }\n').replace('variables:\n', 'variables:\n  reseed:\n    default: ""\n'));
    const json = synthStack(stack => {
      SpectrumEstate.fromFile(stack, 'estate', file);
    }, { validate: false });
    const reseeded = [...stepsOf(json).values()].filter(s => (s.body.triggers ?? s.body.triggers_replace ?? {}).reseed === '${var.reseed}').map(s => s.path);
    expect(reseeded.sort()).toEqual(['estate/spectrum/east/primary/savefile', 'estate/spectrum/master/primary/savefile', 'estate/spectrum/west/primary/savefile']);
    expect(json.variable?.reseed).toEqual({ type: 'string', default: '' });
  });

  test('a reseed read from the environment is checked where the file reads it (SPX143, with the fix)', () => {
    process.env.ESTATE_TEST_RESEED = 'x; reboot';
    try {
      const stack = new TerraformStack(Testing.app(), 'test');
      expect(() => SpectrumEstate.fromObject(stack, 'estate', pair({ reseed: { env: 'ESTATE_TEST_RESEED' } }))).toThrow(
        "SpectrumEstate 'estate': /landscapes/east/reseed reads ESTATE_TEST_RESEED='x; reboot' from the environment, which is not a re-seed label "
        + '(at most 128 letters, digits, spaces and ".", "_", ":", "+", "@", "/", "-") (SPX143); use a date, a run id or a commit as the re-seed value, '
        + 'e.g. reseed: \'2026-12-01\', or { variable: reseed } to pass it in when Terraform applies (docs/estate.md, "Re-seeding from a pipeline")');
      process.env.ESTATE_TEST_RESEED = 'run 4711';
      const json = synthStack(s => {
        SpectrumEstate.fromObject(s, 'estate', pair({ reseed: { env: 'ESTATE_TEST_RESEED' } }));
      });
      const other = synthStack(s => {
        SpectrumEstate.fromObject(s, 'estate', pair({ reseed: 'run 4711' }));
      });
      expect(json.resource).toEqual(other.resource);
    } finally {
      delete process.env.ESTATE_TEST_RESEED;
    }
  });
});

/** The SSH host of the step whose logical id contains `id`. */
function findHost(json: any, id: string): string | undefined {
  const entry = Object.entries(json.resource.null_resource).find(([logicalId]) => logicalId.includes(id)) as [string, any] | undefined;
  return entry?.[1].connection?.host;
}
