/**
 * Debian's shellcheck over the script of every step, for estates that use
 * every feature that changes a script: a fault-tolerant landscape, a DSS with
 * OneClick, a backup command, a bastion and token values. Any finding at
 * severity warning or above fails (issue 8.6). `.ci/run` installs shellcheck;
 * elsewhere the suite says it is missing instead of passing quietly.
 */
import { spawnSync } from 'child_process';
import { Fn, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { BackupMethod, DistributedLandscape, FaultTolerantLandscape, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';
import { HOST_KEY, secrets, stepsOf, synthStack, Synthesized } from '../support/synth';

const SCRIPT_DELIMITER = 'CDKTF_SPECTRUM_SCRIPT';
const available = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.CI === 'true' || process.env.SPECTRUM_E2E_REQUIRED === '1';

function faultTolerant(stack: TerraformStack): void {
  const { password, key } = secrets(stack);
  new FaultTolerantLandscape(stack, 'east', {
    handle: LandscapeHandle.of(0x400000),
    primary: { host: 'ss-east-1', vnmrc: { wait_active: 'yes' } },
    secondaries: [{ host: 'ss-east-2' }, { host: 'ss-east-3' }],
    standbyMode: StandbyMode.HOT,
    install: { mediaPath: '/mnt/spectrum', ownerPassword: password, excludeParts: ['SA-RPT-MGR'], version: '10.4.1' },
    connection: { privateKey: key, privateKeyFile: '/home/ci/.ssh/id_ed25519', hostKey: HOST_KEY },
    planResource: PlanResource.TERRAFORM_DATA,
  });
}

function distributedWithTokensBastionAndBackupCommand(stack: TerraformStack): void {
  const { password } = secrets(stack);
  const hosts = new TerraformVariable(stack, 'hosts', { type: 'map(string)' });
  const host = (name: string) => Token.asString(Fn.lookup(hosts.value, name));
  const dir = new TerraformVariable(stack, 'install_dir', { type: 'string' }).stringValue;
  const dss = new DistributedLandscape(stack, 'estate', {
    master: { handle: LandscapeHandle.of(0x100000), primary: { host: host('m-1') }, secondaries: [{ host: host('m-2') }] },
    install: { mediaPath: '/mnt/spectrum', installDir: dir, ownerPassword: password, prepareHost: true },
    connection: {
      privateKeyFile: '/home/ci/.ssh/id_ed25519',
      hostKey: HOST_KEY,
      bastionHost: 'jump.example.net',
      bastionUser: 'jump',
      bastionPort: 2222,
      bastionHostKey: HOST_KEY,
    },
  });
  dss.addLandscape('east', {
    handle: LandscapeHandle.of(0x200000),
    primary: { host: host('e-1'), vnmrc: { note: new TerraformVariable(stack, 'note', { type: 'string' }).stringValue } },
    secondaries: [{ host: host('e-2') }],
    backup: BackupMethod.COMMAND,
    backupCommand: 'online-backup --to "$SPECTRUM_SAVEFILE"',
  });
  dss.addOneClickServer('console', { host: host('oc-1') });
}

/** `[shell, path, text]` for every script of a plan: the remote wrapper (sh), the script it runs and local commands (bash). */
function scriptsOf(json: Synthesized): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const step of stepsOf(json).values()) {
    for (const provisioner of step.body.provisioner ?? []) {
      const unescape = (text: string) => text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      if (provisioner['local-exec']) out.push(['bash', step.path, unescape(provisioner['local-exec'].command)]);
      for (const inline of provisioner['remote-exec']?.inline ?? []) {
        const text = unescape(inline);
        const parts = text.split(`<<'${SCRIPT_DELIMITER}'\n`);
        if (parts.length === 1) {
          out.push(['sh', step.path, text]);
          continue;
        }
        const [script, rest] = parts[1].split(`\n${SCRIPT_DELIMITER}\n`);
        out.push(['sh', `${step.path} (wrapper)`, `${parts[0]}<<'${SCRIPT_DELIMITER}'\nscript\n${SCRIPT_DELIMITER}\n${rest}`]);
        out.push(['bash', step.path, script]);
      }
    }
  }
  return out;
}

(available || required ? describe : describe.skip)(`shellcheck -S warning${available ? '' : ' (skipped: shellcheck is not installed; apt-get install shellcheck)'}`, () => {
  test.each([
    ['a fault-tolerant landscape (HOT, two secondaries, media, .vnmrc keys)', faultTolerant],
    ['a DSS with OneClick, token hosts and install dir, a bastion, a backup command and host preparation', distributedWithTokensBastionAndBackupCommand],
  ])('%s: no finding in any script', (_name, build) => {
    const scripts = scriptsOf(synthStack(build));
    const kinds = new Set(scripts.map(([, p]) => p.replace(/ \(wrapper\)$/, '').split('/').pop()));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['deregister', 'hostrc', 'install', 'load', 'savefile', 'transfer', 'vnmrc']));
    if (build === distributedWithTokensBastionAndBackupCommand) expect([...kinds]).toEqual(expect.arrayContaining(['prepare', 'webserver', 'mainlocation']));
    const findings = scripts.flatMap(([shell, stepPath, text]) => {
      const result = spawnSync('shellcheck', ['-s', shell, '-S', 'warning', '-f', 'gcc', '-'], { input: text, encoding: 'utf8' });
      return result.status === 0 ? [] : [`${stepPath}:\n${result.stdout}${result.stderr}`];
    });
    expect(findings).toEqual([]);
  });
});
