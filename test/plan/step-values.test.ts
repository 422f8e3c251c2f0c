import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';
import { SshTarget } from '../../lib/plan/plan-step';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal, ShellValue } from '../../lib/plan/shell';
import { hostrcStep } from '../../lib/plan/steps/hostrc-step';
import { savefileStep } from '../../lib/plan/steps/savefile-step';
import { transferStep } from '../../lib/plan/steps/transfer-step';

/** A token whose value Terraform resolved to `value` (what base64encode() gives the script). */
const token = (value: string): ShellValue => ({ text: '${var.x}', isToken: true, encoded: Buffer.from(value, 'utf8').toString('base64') });

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINCHQviGgmLETRZior6p/zUDh59VXQW5wyFEutIIGIhS';

function server(name: string, target: Partial<SshTarget> = {}): ServerPlanInput {
  return {
    name,
    host: literal(`${name}.example.net`),
    role: name === 'a' ? 'PRIMARY' : 'SECONDARY',
    handle: '0x400000',
    precedence: name === 'a' ? 10 : 20,
    mainLocationServer: literal('a.example.net'),
    vnmrc: {},
    install: { installDir: literal('/opt/CA/Spectrum'), owner: literal('spectrum'), excludeParts: [], updates: [] },
    target: { host: literal(`${name}.example.net`), user: literal('root'), port: literal('22'), agent: false, timeout: '5m', ...target },
  } as unknown as ServerPlanInput;
}

function run(script: string): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('steps check user values with the kinds the rules use', () => {
  test('the transfer takes SSH login names, key files in ~ and host key lines, which are not install owners or install paths', () => {
    const script = transferStep(server('a', {
      user: literal('svc.deploy'), privateKeyFile: literal('~/.ssh/id_ed25519'), hostKey: literal(ED25519),
    }), server('b', {
      user: literal('Administrator'), bastionHost: literal('jump'), bastionUser: literal('ec2-user'), privateKeyFile: literal('/keys/my key'),
    })).script;
    expect(script).not.toContain('rejected at synth time');
    expect(script).toContain('P_USER=\'svc.deploy\'');
    expect(script).toContain('S_KEY_FILE=\'/keys/my key\'');
  });

  test('the transfer refuses what SPX153 and SPX156 refuse', () => {
    expect(transferStep(server('a', { user: literal('a b') }), server('b')).script).toContain('P_USER\' \'not an SSH login name');
    expect(transferStep(server('a'), server('b', { hostKey: literal('ssh-ed25519 AAAAC3Nza...') })).script)
      .toContain('\'S_HOST_KEY\' \'not empty or an OpenSSH public key');
  });

  test('a token SSH user is re-checked at apply as an SSH login name', () => {
    const script = transferStep(server('a', { user: token('svc.deploy') }), server('b')).script;
    expect(script).toContain('require_value P_USER is_ssh_user ');
  });

  test('a token backup command never reaches the script: the step refuses to run; a literal one of several lines is refused', () => {
    const viaToken = savefileStep(server('a'), token('touch /tmp/x')).script;
    expect(viaToken).not.toContain(Buffer.from('touch /tmp/x').toString('base64'));
    const result = run(viaToken);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('a backup command must be a literal string in the code (SPX142)');
    expect(savefileStep(server('a'), literal('a\nb')).script).toContain('\'BACKUP_COMMAND\' \'values must be single-line\'');
    expect(savefileStep(server('a'), literal('/opt/backup/run "$SPECTRUM_SAVEFILE"')).script).toContain('BACKUP_COMMAND=\'/opt/backup/run "$SPECTRUM_SAVEFILE"\'');
  });
});

describe('the scripts\' is_host is as strict as SPX120', () => {
  test.each(['999.1.1.1', 'a..b', '::::', '1::2::3'])('a token host list holding %s is refused before the file is touched', bad => {
    const root = join(mkdtempSync(join(tmpdir(), 'spx-')), 'Spectrum');
    mkdirSync(join(root, 'SS'), { recursive: true });
    writeFileSync(join(root, '.hostrc'), 'localhost\n');
    const install = { installDir: literal(root), owner: literal(userInfo().username), excludeParts: [], updates: [] };
    const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };
    const result = run(hostrcStep(target, install, [token(`ss-1\n${bad}\n2001:db8::1\n`)], literal('d')).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`HOSTS holds the line ${bad}, which is not a host name or IP address (SPX120)`);
    expect(readFileSync(join(root, '.hostrc'), 'utf8')).toBe('localhost\n');
  });
});
