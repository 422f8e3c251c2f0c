import { execFileSync, spawnSync } from 'child_process';
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { fakeSpecroot as makeFakeSpecroot, FakeSpecroot } from './fake-specroot';
import { FaultTolerantLandscape, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';
import { SshTarget } from '../../lib/plan/plan-step';
import { literal } from '../../lib/plan/shell';
import { deregisterStep } from '../../lib/plan/steps/deregister-step';
import { HOSTRC_BEGIN, HOSTRC_END, hostrcStep } from '../../lib/plan/steps/hostrc-step';
import { vnmrcStep } from '../../lib/plan/steps/vnmrc-step';
import { HOST_KEY, KEY_FILE, scriptOf, secrets, stepsOf, synthStack } from '../support/synth';

const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };

const fakes: FakeSpecroot[] = [];
/** A fake $SPECROOT (fake-specroot.ts) whose SpectroSERVER processes are killed after the tests. */
function fakeSpecroot(): FakeSpecroot {
  const fake = makeFakeSpecroot();
  fakes.push(fake);
  return fake;
}
afterAll(() => fakes.forEach(f => f.cleanup()));

function run(script: string): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function backups(dir: string, name: string): string[] {
  return readdirSync(dir).filter(f => f.startsWith(`${name}.cdktf-spectrum-`) && f.endsWith('.bak'));
}

describe('hostrc script', () => {
  test('adds the managed block, keeps the other lines, is idempotent and keeps a backup of what it replaced', () => {
    const { root, install } = fakeSpecroot();
    const hostrc = join(root, '.hostrc');
    writeFileSync(hostrc, 'localhost-only\n# site note\n');
    const script = (hosts: string[]) => hostrcStep(target, install, hosts.map(literal), literal('digest')).script;

    expect(run(script(['ss-1', 'ss-2', 'oc-1'])).status).toBe(0);
    expect(readFileSync(hostrc, 'utf8')).toBe(`localhost-only\n# site note\n${HOSTRC_BEGIN}\nss-1\nss-2\noc-1\n${HOSTRC_END}\n`);
    expect(backups(root, '.hostrc')).toHaveLength(1);

    const second = run(script(['ss-1', 'ss-2', 'oc-1']));
    expect(second.output).toContain('unchanged');
    expect(backups(root, '.hostrc')).toHaveLength(1);

    expect(run(script(['ss-1', 'ss-3'])).status).toBe(0);
    expect(readFileSync(hostrc, 'utf8')).toBe(`localhost-only\n# site note\n${HOSTRC_BEGIN}\nss-1\nss-3\n${HOSTRC_END}\n`);
  });

  test('refuses a host that is not a host name before touching the file', () => {
    const { root, install } = fakeSpecroot();
    writeFileSync(join(root, '.hostrc'), 'localhost\n');
    // A token that Terraform resolves to something malicious is re-validated at run time.
    const resolved = { text: '${local.hosts}', isToken: true, encoded: Buffer.from('ss-1\n+\n').toString('base64') };
    const result = run(hostrcStep(target, install, [resolved], literal('d')).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('HOSTS holds the line +, which is not a host name or IP address (SPX120); refused before anything ran');
    expect(readFileSync(join(root, '.hostrc'), 'utf8')).toBe('localhost\n');
  });

  test('fails clearly when Spectrum is not installed', () => {
    const { root, install } = fakeSpecroot();
    execFileSync('rm', ['-rf', join(root, 'SS')]);
    const result = run(hostrcStep(target, install, [literal('ss-1')], literal('d')).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('Spectrum is not installed');
  });
});

describe('vnmrc script', () => {
  test('upserts managed keys in place, keeps comments and other keys, restarts only on change', () => {
    const { root, install, calls } = fakeSpecroot();
    const vnmrc = join(root, 'SS', '.vnmrc');
    writeFileSync(vnmrc, '# SpectroSERVER settings\nagent_port=161\nsecondary_polling=no\nsecondary_polling=no\n');

    expect(run(vnmrcStep(target, install, { secondary_polling: literal('yes'), wait_active: literal('yes') }).script).status).toBe(0);
    expect(readFileSync(vnmrc, 'utf8')).toBe('# SpectroSERVER settings\nagent_port=161\nsecondary_polling=yes\nwait_active=yes\n');
    expect(calls()).toEqual(['stopSS.pl', 'startSS.pl']);
    expect(backups(join(root, 'SS'), '.vnmrc')).toHaveLength(1);

    const again = run(vnmrcStep(target, install, { secondary_polling: literal('yes'), wait_active: literal('yes') }).script);
    expect(again.output).toContain('unchanged, no restart');
    expect(calls()).toEqual(['stopSS.pl', 'startSS.pl']);

    // A key the plan managed before and no longer wants is removed; the user's own keys stay.
    expect(run(vnmrcStep(target, install, { secondary_polling: literal('yes') }).script).status).toBe(0);
    expect(readFileSync(vnmrc, 'utf8')).toBe('# SpectroSERVER settings\nagent_port=161\nsecondary_polling=yes\n');
  });
});

describe('deregister script', () => {
  test('removes only the map entries it registered before and the code no longer has', () => {
    const { root, install, calls } = fakeSpecroot();
    writeFileSync(join(root, 'SS-Tools', 'MapUpdate'), `#!/bin/sh\necho "MapUpdate $*" >> "${root}/calls.log"\n`, { mode: 0o755 });
    const primary = { path: 'app/east/primary', host: literal('ss-1'), target, install, handle: '0x400000', precedence: 10, mainLocationServer: literal('ss-1'), vnmrc: {} };
    const runWith = (precedences: number[]) => run(deregisterStep(primary, precedences).script);

    expect(runWith([20, 30]).status).toBe(0);
    expect(calls()).toEqual([]); // nothing registered before: nothing to remove
    expect(runWith([25, 30]).status).toBe(0);
    expect(calls()).toEqual(['MapUpdate -remove 0x400000 -precedence 20']);
    expect(runWith([]).status).toBe(0);
    expect(calls()).toEqual(['MapUpdate -remove 0x400000 -precedence 20', 'MapUpdate -remove 0x400000 -precedence 25', 'MapUpdate -remove 0x400000 -precedence 30']);
    expect(runWith([]).output).not.toContain('removed');
  });
});

describe('every generated script', () => {
  test('is valid bash (bash -n), and the remote wrapper is valid sh', () => {
    for (const resource of [PlanResource.NULL_RESOURCE, PlanResource.TERRAFORM_DATA]) {
      const json = synthStack(stack => {
        const { password, key } = secrets(stack);
        new FaultTolerantLandscape(stack, 'east', {
          handle: LandscapeHandle.of(0x400000),
          primary: { host: 'ss-east-1' },
          secondaries: [{ host: 'ss-east-2' }],
          standbyMode: StandbyMode.HOT,
          install: { mediaPath: '/mnt/spectrum', ownerPassword: password, excludeParts: ['SA-RPT-MGR'] },
          connection: { privateKey: key, privateKeyFile: KEY_FILE, hostKey: HOST_KEY, bastionHost: 'jump-1' },
          planResource: resource,
        });
      });
      const kinds = new Set<string>();
      for (const s of stepsOf(json).values()) {
        if (!s.body.provisioner) continue;
        kinds.add(s.path.split('/').pop()!);
        // Terraform references stand for values only known at apply time.
        const text = scriptOf(s).replace(/\$\{(var|local|self|sha256|join|file|base64encode|terraform_data|null_resource)[^}]*\}/g, 'value');
        const remote = s.body.provisioner.some((p: any) => p['remote-exec']);
        const check = spawnSync(remote ? 'sh' : 'bash', ['-n'], { input: text, encoding: 'utf8' });
        expect({ path: s.path, stderr: check.stderr }).toEqual({ path: s.path, stderr: '' });
        if (remote) {
          const inner = text.split("<<'CDKTF_SPECTRUM_SCRIPT'\n")[1].split('\nCDKTF_SPECTRUM_SCRIPT\n')[0];
          const bashCheck = spawnSync('bash', ['-n'], { input: inner, encoding: 'utf8' });
          expect({ path: s.path, stderr: bashCheck.stderr }).toEqual({ path: s.path, stderr: '' });
        }
      }
      expect([...kinds].sort()).toEqual(['demote', 'deregister', 'hostrc', 'install', 'load', 'promote', 'savefile', 'transfer', 'upgrade', 'vnmrc']);
    }
  });
});
