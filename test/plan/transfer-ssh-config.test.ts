import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SshTarget } from '../../lib/plan/plan-step';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { transferStep } from '../../lib/plan/steps/transfer-step';
import { TRANSFER_WORK_PREFIX } from '../../lib/plan/transfer-ssh-config';

/**
 * The transfer's ssh_config and known_hosts: the transfer step's script,
 * rendered with literal values, run by bash with an `ssh` on PATH that
 * keeps what it was given and fails; read back with OpenSSH itself
 * (`ssh -G`, `ssh-keygen -F`).
 */

const CA_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const BASTION_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBastionBastionBastionBastionBastionBastion0';

interface Peer {
  readonly host: string;
  readonly port?: string;
  readonly hostKey?: string;
  /** Default: the test's key file; null for none. */
  readonly keyFile?: string | null;
  readonly keyContent?: boolean;
  readonly agent?: boolean;
  readonly bastion?: string;
  readonly bastionUser?: string;
  readonly bastionPort?: string;
  readonly bastionHostKey?: string;
}

let tmp: string;
let keyFile: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'transfer-ssh-config-'));
  keyFile = path.join(tmp, 'id_ed25519');
  fs.writeFileSync(keyFile, 'not a key: the config only names it\n', { mode: 0o600 });
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function peer(overrides: Partial<Peer> = {}): Peer {
  return { host: '192.0.2.10', hostKey: CA_KEY, ...overrides };
}

function serverInput(p: Peer, handle = '0x400000'): ServerPlanInput {
  const optional = (text: string | undefined) => (text === undefined ? undefined : literal(text));
  const file = p.keyFile === undefined ? keyFile : p.keyFile ?? undefined;
  const target: SshTarget = {
    host: literal(p.host),
    user: literal('root'),
    port: literal(p.port ?? '22'),
    privateKey: p.keyContent ? '${var.ssh_key}' : undefined,
    privateKeyFile: optional(file),
    agent: p.agent ?? false,
    hostKey: optional(p.hostKey),
    bastionHost: optional(p.bastion),
    bastionUser: optional(p.bastionUser),
    bastionPort: optional(p.bastionPort),
    bastionHostKey: optional(p.bastionHostKey),
    timeout: '5m',
  };
  return {
    path: `app/east/${p.host}`,
    host: literal(p.host),
    target,
    install: { installDir: literal('/opt/CA/Spectrum'), owner: literal('spectrum'), excludeParts: [], updates: [] },
    handle,
    precedence: 10,
    mainLocationServer: literal(p.host),
    vnmrc: {},
  };
}

interface Built { code: number | null; stderr: string; config: string; known: string; workDir: string; workFiles: string[] }

/** An `ssh` that keeps the ssh_config it was given (-F), the known_hosts and a listing of their directory, then fails. */
function fakeSsh(out: string): string {
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'ssh'), [
    '#!/bin/bash',
    `out=${out}`,
    '[ -d "$out" ] && exit 255',
    'work=$(dirname "$2")',
    'mkdir "$out" && cp -- "$2" "$work/known_hosts" "$out"/ && ls -A "$work" > "$out/files" && printf %s "$work" > "$out/work"',
    'exit 255',
    '',
  ].join('\n'), { mode: 0o755 });
  return bin;
}

/** Runs the transfer script with these peers in a private TMPDIR; returns what ssh was given before the trap removed it. */
function build(primary: Peer, secondary: Peer, env: NodeJS.ProcessEnv = {}): Built {
  const tmpdir = path.join(tmp, 'tmpdir');
  fs.mkdirSync(tmpdir, { recursive: true });
  const out = path.join(tmp, 'out');
  fs.rmSync(out, { recursive: true, force: true });
  const script = transferStep(serverInput(primary), serverInput(secondary)).script;
  // stdin not a socket: bash would take itself for an sshd session and read ~/.bashrc.
  const run = spawnSync('bash', ['-c', script], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${fakeSsh(out)}:${process.env.PATH}`, TMPDIR: tmpdir, ...env },
  });
  const read = (name: string) => (fs.existsSync(path.join(out, name)) ? fs.readFileSync(path.join(out, name), 'utf8') : '');
  return {
    code: run.status,
    stderr: run.stderr,
    config: read('ssh_config'),
    known: read('known_hosts'),
    workDir: read('work'),
    workFiles: read('files').split('\n').filter(Boolean).sort(),
  };
}

/** The ssh_config and known_hosts were written and ssh was run (the fake fails it: the script stops there). */
function expectBuilt(built: Built): void {
  expect(built.stderr).toContain('could not read /opt/CA/Spectrum/SS/');
  expect(built.code).toBe(1);
  expect(built.config).toContain('Host spectrum-primary');
}

/** `ssh -G`: the settings OpenSSH takes for `alias` from the built config. */
function effective(built: Built, alias: string): Map<string, string[]> {
  const config = path.join(tmp, 'ssh_config.check');
  fs.writeFileSync(config, built.config);
  const g = spawnSync('ssh', ['-G', '-T', '-F', config, alias], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(g.stderr).toBe('');
  const settings = new Map<string, string[]>();
  for (const line of g.stdout.split('\n').filter(Boolean)) {
    const [key, ...rest] = line.split(' ');
    settings.set(key, [...(settings.get(key) ?? []), rest.join(' ')]);
  }
  return settings;
}

/** `ssh-keygen -F host`: the known_hosts lines OpenSSH finds for `host` (as it looks hosts up). */
function lookup(built: Built, host: string): string[] {
  const known = path.join(tmp, 'known_hosts.check');
  fs.writeFileSync(known, built.known);
  const f = spawnSync('ssh-keygen', ['-F', host, '-f', known], { encoding: 'utf8' });
  return f.stdout.split('\n').filter(line => line !== '' && !line.startsWith('#'));
}

describe('transfer ssh_config and known_hosts', () => {
  test('a bastion gets its own Host block (own user, port, host key, the same key file) and the peer jumps through its alias, IPv6 literals included', () => {
    const built = build(
      peer({ host: '2001:db8::5', port: '2222', bastion: '::1', bastionUser: 'jump', bastionPort: '2301', bastionHostKey: BASTION_KEY }),
      peer({ host: '192.0.2.11' }),
    );
    expectBuilt(built);
    const bastion = effective(built, 'spectrum-primary-bastion');
    expect(bastion.get('hostname')).toEqual(['::1']);
    expect(bastion.get('port')).toEqual(['2301']);
    expect(bastion.get('user')).toEqual(['jump']);
    expect(bastion.get('identityfile')).toEqual([keyFile]);
    expect(bastion.get('stricthostkeychecking')).toEqual(['true']);
    expect(bastion.get('proxyjump')).toBeUndefined();
    const primary = effective(built, 'spectrum-primary');
    expect(primary.get('hostname')).toEqual(['2001:db8::5']);
    expect(primary.get('port')).toEqual(['2222']);
    expect(primary.get('proxyjump')).toEqual(['spectrum-primary-bastion']);
    expect(built.config).not.toMatch(/ProxyJump .*:/);
    for (const alias of ['spectrum-primary', 'spectrum-primary-bastion', 'spectrum-secondary']) {
      const settings = effective(built, alias);
      expect(settings.get('userknownhostsfile')).toEqual([path.join(built.workDir, 'known_hosts')]);
      expect(settings.get('globalknownhostsfile')).toEqual(['/dev/null']);
      expect(settings.get('batchmode')).toEqual(['yes']);
      expect(settings.get('identitiesonly')).toEqual(['yes']);
      expect(settings.get('forwardagent')).toEqual(['no']);
    }
    // Each host's key is trusted as its own key and as the CA of its host certificate, under [host]:port.
    expect(lookup(built, '[2001:db8::5]:2222')).toEqual([`@cert-authority [2001:db8::5]:2222 ${CA_KEY}`, `[2001:db8::5]:2222 ${CA_KEY}`]);
    expect(lookup(built, '[::1]:2301')).toEqual([`@cert-authority [::1]:2301 ${BASTION_KEY}`, `[::1]:2301 ${BASTION_KEY}`]);
    expect(lookup(built, '192.0.2.11')).toEqual([`@cert-authority 192.0.2.11 ${CA_KEY}`, `192.0.2.11 ${CA_KEY}`]);
    // The bastion's key is not trusted for the peer behind it, nor the other way round.
    expect(lookup(built, '[::1]:2222')).toEqual([]);
  });

  test('without a host key any key is accepted, as Terraform does, into this run\'s known_hosts only', () => {
    const built = build(peer({ hostKey: undefined }), peer({ host: '192.0.2.11' }));
    expectBuilt(built);
    expect(effective(built, 'spectrum-primary').get('stricthostkeychecking')).toEqual(['accept-new']);
    expect(effective(built, 'spectrum-secondary').get('stricthostkeychecking')).toEqual(['true']);
    expect(lookup(built, '192.0.2.10')).toEqual([]);
  });

  test('the agent: with a key file both are offered (no IdentitiesOnly), without one only ssh\'s defaults; SSH_AUTH_SOCK is required', () => {
    const built = build(peer({ agent: true }), peer({ host: '192.0.2.11', agent: true, keyFile: null }), { SSH_AUTH_SOCK: '/run/agent.sock' });
    expectBuilt(built);
    expect(effective(built, 'spectrum-primary').get('identitiesonly')).toEqual(['no']);
    expect(effective(built, 'spectrum-primary').get('identityfile')).toEqual([keyFile]);
    expect(built.config.split('Host spectrum-secondary')[1].split('Host *')[0]).not.toContain('IdentityFile');
    const noAgent = build(peer(), peer({ host: '192.0.2.11', agent: true, keyFile: null }));
    expect(noAgent.code).toBe(1);
    expect(noAgent.stderr).toContain('the secondary 192.0.2.11 is reached with the SSH agent (agent: true), but SSH_AUTH_SOCK is not set');
  });

  test('key content only is refused (SPX157); a key file that cannot be read is named', () => {
    const contentOnly = build(peer(), peer({ host: '192.0.2.11', keyFile: null, keyContent: true }));
    expect(contentOnly.code).toBe(1);
    expect(contentOnly.stderr).toContain('the secondary 192.0.2.11 is reached with private key content only, which the transfer never receives (SPX157)');
    const missing = build(peer({ keyFile: '/nonexistent/id_ed25519' }), peer({ host: '192.0.2.11' }));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the private key file /nonexistent/id_ed25519 (connection.privateKeyFile of the primary 192.0.2.10) is not readable');
  });

  test('the working directory is private, holds only ssh_config, known_hosts and the pid, and is gone after the script', () => {
    const built = build(peer(), peer({ host: '192.0.2.11' }));
    expectBuilt(built);
    expect(built.workFiles).toEqual(['known_hosts', 'pid', 'ssh_config']);
    expect(path.basename(built.workDir)).toMatch(new RegExp(`^${TRANSFER_WORK_PREFIX.replace('.', '\\.')}[A-Za-z0-9]{8}$`));
    expect(fs.existsSync(built.workDir)).toBe(false);
    expect(built.known + built.config).not.toContain('not a key');
  });

  test('a directory left by a SIGKILLed run (its process gone) is removed; a running one\'s, or one without a pid, is kept', () => {
    const tmpdir = path.join(tmp, 'tmpdir');
    const leftover = (name: string, pid?: number) => {
      const dir = path.join(tmpdir, `${TRANSFER_WORK_PREFIX}${name}`);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(dir, 'ssh_config'), 'Host x\n');
      if (pid !== undefined) fs.writeFileSync(path.join(dir, 'pid'), `${pid}\n`);
      return dir;
    };
    const exited = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' });
    const dead = leftover('killed01', Number(exited.stdout.trim()));
    const running = leftover('running1', process.pid);
    const starting = leftover('starting');
    expectBuilt(build(peer(), peer({ host: '192.0.2.11' })));
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(starting)).toBe(true);
    expect(fs.readdirSync(tmpdir).sort()).toEqual([path.basename(running), path.basename(starting)].sort());
  });

  test('a TMPDIR that ssh_config could not name safely is refused', () => {
    const built = build(peer(), peer({ host: '192.0.2.11' }), { TMPDIR: path.join(tmp, 'with space') });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('must be an absolute path of letters, digits');
    expect(built.config).toBe('');
  });
});

describe('transfer script', () => {
  test('passes shellcheck -s bash at severity warning, with a bastion and a token host', () => {
    const primary = serverInput(peer({ bastion: 'jump-1', bastionHostKey: BASTION_KEY }));
    const token = { text: '${var.secondary_host}', isToken: true, encoded: '${base64encode(var.secondary_host)}' };
    const secondary = { ...serverInput(peer({ host: '192.0.2.11' })), host: token };
    const script = transferStep(primary, { ...secondary, target: { ...secondary.target, host: token } }).script;
    expect(script).toContain("decode_value S_HOST '${base64encode(var.secondary_host)}'");
    const check = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-'], { input: script, encoding: 'utf8' });
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  test('only the hosts, the install directories and the savefile paths are trigger inputs: connection settings re-run nothing', () => {
    const step = transferStep(serverInput(peer()), serverInput(peer({ host: '192.0.2.11' })));
    expect(Object.keys(step.inputs).sort()).toEqual(['pHost', 'pSpecroot', 'sHost', 'sSpecroot', 'source', 'target']);
  });
});
