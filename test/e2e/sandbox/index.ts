/**
 * SSH sandbox hosts for the end-to-end tests: one real OpenSSH server per
 * logical host, each on its own loopback address, each in its own mount (and
 * PID) namespace with a private `/opt/CA/Spectrum` and `/tmp`, sharing
 * read-only Spectrum SIMULATOR media. Nothing listens beyond 127.0.0.0/8.
 * Usage and layout: README.md beside this file.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { DEFAULT_SIM_VERSION, makeMedia } from '../simulator';
import { sandboxUnavailableReason } from './prerequisites';

/** Where Spectrum lives on every sandbox host (each host has its own). */
export const SANDBOX_SPECROOT = '/opt/CA/Spectrum';
/** The install owner the plans run Spectrum tools as (`runuser -u spectrum`). */
export const DEFAULT_INSTALL_OWNER = 'spectrum';
export const DEFAULT_SSH_PORT = 2222;
/** Host i listens on 127.0.0.(DEFAULT_FIRST_ADDRESS_OCTET + i). */
export const DEFAULT_FIRST_ADDRESS_OCTET = 10;

const SSHD = '/usr/sbin/sshd';
const HOST_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const HOST_KEY_FILE = 'ssh_host_ed25519_key';
/** The sandbox's host certificate authority (signs the host keys of `certifiedHosts`). */
const HOST_CA_FILE = 'host_ca';
/** The IPv6 loopback address, which `ipv6Host` also listens on. */
export const IPV6_LOOPBACK = '::1';

export interface SandboxOptions {
  /** Logical host names (lower case, e.g. `primary`, `secondary`). */
  readonly hosts: string[];
  /** Folder for everything the sandbox makes; removed by stopSandbox when the sandbox created it. */
  readonly workDir: string;
  /** SSH port of every host. Default 2222. */
  readonly port?: number;
  /** Last octet of the first host's address. Default 10 (127.0.0.10). */
  readonly firstAddressOctet?: number;
  /** Bind a per-host folder over /tmp. Default true. */
  readonly privateTmp?: boolean;
  /** Version written into the simulator media. Default 10.4.1. */
  readonly mediaVersion?: string;
  /** OS user created when missing, for plans that run tools as it. Default `spectrum`. */
  readonly installOwner?: string;
  /** How long to wait for each sshd to answer. Default 15 s. */
  readonly readyTimeoutMs?: number;
  /**
   * Hosts whose sshd also presents a host certificate (`HostCertificate`)
   * signed by the sandbox's host CA (`Sandbox.hostCaKey`), for the host
   * names it is known by (its address, and `::1` for the `ipv6Host`).
   * Default none.
   */
  readonly certifiedHosts?: string[];
  /**
   * One host that also listens on the IPv6 loopback `[::1]:port`, e.g. a
   * bastion reached over IPv6. Default none.
   */
  readonly ipv6Host?: string;
  /**
   * sshd `LogLevel` of every host. `DEBUG1` also logs each client's software
   * version and each forwarded connection (`direct-tcpip`) with its target,
   * which shows that a bastion was used and by whom. Default `VERBOSE`.
   */
  readonly logLevel?: 'VERBOSE' | 'DEBUG1';
}

/** One sandbox host, as a Terraform `connection` block needs it. */
export interface SandboxHost {
  readonly name: string;
  /** 127.0.0.x */
  readonly address: string;
  readonly port: number;
  /** Always root: the plans use `runuser` for the install owner. */
  readonly user: string;
  /** Public host key, `ssh-ed25519 AAAA...` (Terraform's `host_key`). */
  readonly hostKey: string;
  /** The directory bound over this host's /opt/CA/Spectrum. */
  readonly rootDir: string;
  /** The directory bound over this host's /root (root's home: empty, no dotfiles). */
  readonly homeDir: string;
  /** The directory bound over this host's /tmp (undefined without privateTmp). */
  readonly tmpDir?: string;
  /** The run's client private key (OpenSSH PEM armour) and its file. */
  readonly privateKey: string;
  readonly privateKeyPath: string;
  /** ssh_config and known_hosts covering every host of the sandbox. */
  readonly sshConfigPath: string;
  readonly knownHostsPath: string;
  /** sshd's own log (-e), at the sandbox's `logLevel`. */
  readonly logPath: string;
  /** `::1` when the host also listens on the IPv6 loopback (`ipv6Host`). */
  readonly ipv6Address?: string;
  /** Whether the host presents a certificate signed by the sandbox's host CA (`certifiedHosts`). */
  readonly certified: boolean;
  readonly logLevel: string;
}

export interface Sandbox {
  readonly workDir: string;
  /** Shared, read-only (inside the hosts) simulator media. */
  readonly mediaDir: string;
  readonly installOwner: string;
  readonly hosts: SandboxHost[];
  readonly privateKey: string;
  readonly privateKeyPath: string;
  readonly sshConfigPath: string;
  readonly knownHostsPath: string;
  /** Public key of the sandbox's host CA, `ssh-ed25519 AAAA...` (what `@cert-authority` lines trust). */
  readonly hostCaKey: string;
  /** The host of that logical name (throws when unknown). */
  host(name: string): SandboxHost;
}

export interface RunResult {
  /** Exit code of the remote command (255: ssh itself failed); null when killed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to the command's standard input. */
  readonly input?: string;
  /** Default 60 s; ssh is killed after it. */
  readonly timeoutMs?: number;
  /** Another known_hosts file, e.g. to check that a wrong host key is refused. */
  readonly knownHostsPath?: string;
}

/** A started sshd and what stopping it needs. */
interface RunningHost {
  readonly host: SandboxHost;
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
}

interface SandboxState {
  readonly sandbox: Sandbox;
  readonly running: RunningHost[];
  /** Whether startSandbox created workDir (then stopSandbox removes it whole). */
  readonly createdWorkDir: boolean;
}

/** Names of the things the sandbox makes in workDir, removed by stopSandbox. */
const OWNED_ENTRIES = ['media', 'ssh', 'hosts', 'sandbox.pids'];

const live = new Set<SandboxState>();

/**
 * Starts one sshd per host and waits until each answers with an SSH banner.
 * Throws (after stopping what it started) when a host does not come up.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const unavailable = sandboxUnavailableReason();
  if (unavailable) throw new Error(`cannot start the SSH sandbox: ${unavailable}`);
  // SPECTRUM_E2E_PORT lets several checkouts run their suites side by side on one machine.
  const port = options.port ?? Number(process.env.SPECTRUM_E2E_PORT ?? DEFAULT_SSH_PORT);
  const firstOctet = options.firstAddressOctet ?? DEFAULT_FIRST_ADDRESS_OCTET;
  const installOwner = options.installOwner ?? DEFAULT_INSTALL_OWNER;
  validateHosts(options.hosts, firstOctet);
  for (const name of [...(options.certifiedHosts ?? []), ...(options.ipv6Host ? [options.ipv6Host] : [])]) {
    if (!options.hosts.includes(name)) throw new Error(`'${name}' is not a sandbox host (hosts: ${options.hosts.join(', ')})`);
  }

  const createdWorkDir = !fs.existsSync(options.workDir);
  fs.mkdirSync(options.workDir, { recursive: true });
  const workDir = fs.realpathSync(options.workDir);
  if (workDir === '/' || workDir === '/tmp') throw new Error(`workDir ${workDir} is too broad`);
  killStale(workDir);
  removeOwnedEntries(workDir);

  ensureUser(installOwner);
  // sshd's privilege separation directory, and the mount point each host binds over.
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  fs.mkdirSync(SANDBOX_SPECROOT, { recursive: true });

  const mediaDir = makeMedia(path.join(workDir, 'media'), options.mediaVersion ?? DEFAULT_SIM_VERSION);
  const sshDir = mkdir(path.join(workDir, 'ssh'), 0o700);
  const privateKeyPath = path.join(sshDir, 'client_ed25519');
  const clientPublicKey = generateKey(privateKeyPath, 'cdktf-spectrum-e2e-client');
  const authorizedKeys = path.join(sshDir, 'authorized_keys');
  fs.writeFileSync(authorizedKeys, `${clientPublicKey}\n`, { mode: 0o600 });
  const privateKey = fs.readFileSync(privateKeyPath, 'utf8');
  const sshConfigPath = path.join(sshDir, 'ssh_config');
  const knownHostsPath = path.join(sshDir, 'known_hosts');
  const hostCaPath = path.join(sshDir, HOST_CA_FILE);
  const hostCaKey = generateKey(hostCaPath, 'cdktf-spectrum-e2e-host-ca');

  const hosts = options.hosts.map((name, i): SandboxHost => {
    const dir = mkdir(hostDir(workDir, name), 0o755);
    const address = `127.0.0.${firstOctet + i}`;
    const ipv6Address = options.ipv6Host === name ? IPV6_LOOPBACK : undefined;
    const certified = options.certifiedHosts?.includes(name) ?? false;
    const hostKey = generateKey(path.join(dir, HOST_KEY_FILE), name);
    if (certified) signHostKey(hostCaPath, path.join(dir, HOST_KEY_FILE), name, [address, ...(ipv6Address ? [ipv6Address] : [])]);
    return {
      name,
      address,
      ipv6Address,
      certified,
      port,
      user: 'root',
      hostKey,
      rootDir: mkdir(path.join(dir, 'root'), 0o755),
      homeDir: mkdir(path.join(dir, 'home'), 0o700),
      tmpDir: options.privateTmp === false ? undefined : mkdir(path.join(dir, 'tmp'), 0o1777),
      privateKey,
      privateKeyPath,
      sshConfigPath,
      knownHostsPath,
      logPath: path.join(dir, 'sshd.log'),
      logLevel: options.logLevel ?? 'VERBOSE',
    };
  });
  writeKnownHosts(hosts, knownHostsPath);
  writeSshConfig(hosts, sshConfigPath);

  const host = (name: string): SandboxHost => {
    const found = hosts.find((h) => h.name === name);
    if (!found) throw new Error(`no sandbox host '${name}' (hosts: ${hosts.map((h) => h.name).join(', ')})`);
    return found;
  };
  const sandbox: Sandbox = { workDir, mediaDir, installOwner, hosts, privateKey, privateKeyPath, sshConfigPath, knownHostsPath, hostCaKey, host };
  const state: SandboxState = { sandbox, running: [], createdWorkDir };
  live.add(state);
  installExitHandler();
  try {
    for (const h of hosts) {
      await assertPortFree(h);
      const configPath = path.join(hostDir(workDir, h.name), 'sshd_config');
      fs.writeFileSync(configPath, sshdConfig(h, hostDir(workDir, h.name), authorizedKeys));
      checkSshdConfig(configPath);
      state.running.push(launch(h, configPath, workDir, mediaDir));
    }
    fs.writeFileSync(path.join(workDir, 'sandbox.pids'), state.running.map((r) => `${r.process.pid}\n`).join(''));
    await Promise.all(state.running.map((r) => waitReady(r, options.readyTimeoutMs ?? 15_000)));
    await Promise.all(state.running.filter((r) => r.host.ipv6Address)
      .map((r) => waitReady(r, options.readyTimeoutMs ?? 15_000, r.host.ipv6Address)));
  } catch (e) {
    await stopSandbox(sandbox);
    throw e;
  }
  return sandbox;
}

/**
 * Stops the sandbox (every live one when omitted): kills each host's sshd,
 * which tears down its PID and mount namespaces with every process and mount
 * in them, then removes what the sandbox made. Safe to call twice.
 */
export async function stopSandbox(sandbox?: Sandbox): Promise<void> {
  for (const state of [...live]) {
    if (sandbox && state.sandbox !== sandbox) continue;
    live.delete(state);
    for (const r of state.running) killNamespace(r);
    await Promise.all(state.running.map((r) => withTimeout(r.exited, 10_000, `sshd of ${r.host.name} did not exit`)));
    cleanWorkDir(state);
  }
}

/**
 * Runs `command` (a shell command line) as root on `host` through ssh, with
 * the run's key and strict host key checking against the sandbox's
 * known_hosts. Resolves with the exit code and output; never rejects for a
 * non-zero exit.
 */
export function runInHost(host: SandboxHost, command: string, options: RunOptions = {}): Promise<RunResult> {
  const args = ['-F', host.sshConfigPath];
  if (options.knownHostsPath) args.push('-o', `UserKnownHostsFile=${options.knownHostsPath}`);
  args.push(host.name, '--', command);
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(options.input ?? '');
  });
}

/** Writes a known_hosts file (`[address]:port key`) for `hosts`. */
export function writeKnownHosts(hosts: readonly SandboxHost[], file: string): void {
  fs.writeFileSync(file, hosts.map((h) => `[${h.address}]:${h.port} ${h.hostKey}\n`).join(''), { mode: 0o600 });
}

/**
 * Writes an ssh_config with one `Host <name>` block per sandbox host: root,
 * the run's key only, strict host key checking against the hosts'
 * known_hosts, no prompts. `ssh -F <file> <name>` then reaches that host.
 */
export function writeSshConfig(hosts: readonly SandboxHost[], file: string): void {
  const blocks = hosts.map((h) => [
    `Host ${h.name}`,
    `  HostName ${h.address}`,
    `  Port ${h.port}`,
    `  User ${h.user}`,
    `  IdentityFile "${h.privateKeyPath}"`,
    '  IdentitiesOnly yes',
    `  UserKnownHostsFile "${h.knownHostsPath}"`,
    '  GlobalKnownHostsFile /dev/null',
    '  StrictHostKeyChecking yes',
    '  BatchMode yes',
    '  ConnectTimeout 10',
    '  LogLevel ERROR',
    '',
  ].join('\n'));
  fs.writeFileSync(file, blocks.join('\n'), { mode: 0o600 });
}

function validateHosts(hosts: readonly string[], firstOctet: number): void {
  if (hosts.length === 0) throw new Error('a sandbox needs at least one host');
  for (const name of hosts) {
    if (!HOST_NAME.test(name)) throw new Error(`sandbox host name '${name}' must match ${HOST_NAME}`);
  }
  if (new Set(hosts).size !== hosts.length) throw new Error(`sandbox host names repeat: ${hosts.join(', ')}`);
  if (!Number.isInteger(firstOctet) || firstOctet < 2 || firstOctet + hosts.length > 255) {
    throw new Error(`addresses 127.0.0.${firstOctet}.. do not fit ${hosts.length} hosts`);
  }
}

/** Creates the OS user the plans run Spectrum tools as, when missing. */
function ensureUser(name: string): void {
  if (spawnSync('id', ['-u', name]).status === 0) return;
  execFileSync('useradd', ['--system', '--no-create-home', name], { stdio: 'pipe' });
}

function mkdir(dir: string, mode: number): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, mode); // mkdir's mode is filtered by the umask; 1777 needs chmod
  return dir;
}

/** Generates an ed25519 key pair; returns the public key as `type base64` (no comment). */
function generateKey(file: string, comment: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { stdio: 'pipe' });
  const [type, key] = fs.readFileSync(`${file}.pub`, 'utf8').trim().split(/\s+/);
  return `${type} ${key}`;
}

/**
 * Signs `keyFile`.pub with the host CA as a host certificate
 * (`keyFile-cert.pub`) valid for `principals`, the names a client connects
 * with (OpenSSH and Terraform check the connected host name against them).
 */
function signHostKey(caFile: string, keyFile: string, identity: string, principals: readonly string[]): void {
  execFileSync('ssh-keygen', ['-q', '-s', caFile, '-h', '-I', identity, '-n', principals.join(','), `${keyFile}.pub`], { stdio: 'pipe' });
}

/** Per-host folder: sshd_config, host key, sshd.log, sshd.pid, root/, home/, tmp/. */
function hostDir(workDir: string, name: string): string {
  return path.join(workDir, 'hosts', name);
}

function sshdConfig(host: SandboxHost, dir: string, authorizedKeys: string): string {
  return [
    `# Sandbox host '${host.name}' (test/e2e/sandbox): loopback only, root by key only.`,
    `ListenAddress ${host.address}:${host.port}`,
    ...(host.ipv6Address ? [`ListenAddress [${host.ipv6Address}]:${host.port}`] : []),
    `HostKey ${path.join(dir, HOST_KEY_FILE)}`,
    ...(host.certified ? [`HostCertificate ${path.join(dir, `${HOST_KEY_FILE}-cert.pub`)}`] : []),
    `LogLevel ${host.logLevel}`,
    // Every host can serve as a bastion (ProxyJump); this is sshd's default, stated because tests rely on it.
    'AllowTcpForwarding yes',
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${authorizedKeys}`,
    'PermitRootLogin prohibit-password',
    'AllowUsers root',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    // The run's files live in a work folder whose parents need not be root-only.
    'StrictModes no',
    'UseDNS no',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    // Terraform opens several connections at once (parallelism 10 and more).
    'MaxStartups 100:30:200',
    'MaxSessions 50',
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n');
}

function checkSshdConfig(configPath: string): void {
  const check = spawnSync(SSHD, ['-t', '-f', configPath], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`sshd rejects ${configPath}: ${check.stderr.trim()}`);
}

/**
 * Shell run inside the host's new namespaces before sshd: bind the host's
 * root over /opt/CA/Spectrum, make the media read-only, give the host its own
 * /root (so sessions never run the machine's dotfiles, nor leave their locks
 * there when a teardown kills them) and, optionally, its own /tmp. When the
 * work folder lies under /tmp or /root it is bound again at its own path, so
 * sshd still finds its files. Paths come in as positional parameters, never
 * spliced into the script.
 */
const NAMESPACE_SCRIPT = `set -eu
specroot=$1 root=$2 media=$3 home=$4 tmpdir=$5 work=$6 config=$7
bind_private() {
  case $work/ in
    "$2"/*)
      mkdir -p "$1\${work#"$2"}"
      mount --rbind "$work" "$1\${work#"$2"}"
      ;;
  esac
  mount --rbind "$1" "$2"
}
mount --bind "$root" "$specroot"
mount --bind "$media" "$media"
mount -o remount,bind,ro "$media"
bind_private "$home" /root
if [ -n "$tmpdir" ]; then bind_private "$tmpdir" /tmp; fi
exec ${SSHD} -D -e -f "$config"
`;

function launch(host: SandboxHost, configPath: string, workDir: string, mediaDir: string): RunningHost {
  const log = fs.openSync(host.logPath, 'a');
  // setpriv --pdeathsig: unshare is killed when this process ends, however it
  // ends. --pid --fork: sshd is PID 1 of a namespace, so killing it kills every
  // session and command it started. --kill-child: if unshare dies first, sshd
  // is killed too. detached: its own process group; unref: a forgotten
  // sandbox does not keep the test process alive.
  const child = spawn('setpriv', [
    '--pdeathsig', 'KILL', 'unshare',
    '--mount', '--propagation', 'private', '--pid', '--fork', '--mount-proc', '--kill-child',
    'sh', '-c', NAMESPACE_SCRIPT, 'sandbox-host',
    SANDBOX_SPECROOT, host.rootDir, mediaDir, host.homeDir, host.tmpDir ?? '', workDir, configPath,
  ], { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  child.unref();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A spawn failure (no setpriv) surfaces as "exited" in waitReady, with the log.
    child.once('error', (e) => {
      fs.appendFileSync(host.logPath, `spawn failed: ${e.message}\n`);
      resolve();
    });
  });
  return { host, process: child, exited };
}

/** Resolves once the host answers with an SSH banner; rejects on timeout or early exit. */
async function waitReady(running: RunningHost, timeoutMs: number, address = running.host.address): Promise<void> {
  const { host } = running;
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void running.exited.then(() => { gone = true; });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`sshd of sandbox host ${host.name} exited: ${readTail(host.logPath)}`);
    if (await readsBanner(address, host.port)) return;
    await sleep(100);
  }
  throw new Error(`sshd of sandbox host ${host.name} not ready on [${address}]:${host.port} after ${timeoutMs} ms: ${readTail(host.logPath)}`);
}

function readsBanner(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (ok: boolean): void => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString('latin1').startsWith('SSH-2.0-')));
  });
}

async function assertPortFree(host: SandboxHost): Promise<void> {
  for (const address of [host.address, ...(host.ipv6Address ? [host.ipv6Address] : [])]) await assertAddressFree(host, address);
}

async function assertAddressFree(host: SandboxHost, address: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: address, port: host.port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
  if (inUse) {
    throw new Error(`[${address}]:${host.port} is already in use (a stray sandbox? see pgrep -af sshd); pass another port or firstAddressOctet`);
  }
}

function killNamespace(running: RunningHost): void {
  const pid = running.process.pid;
  if (pid === undefined || running.process.exitCode !== null || running.process.signalCode !== null) return;
  killHost(pid);
}

/**
 * Kills the host started as `unsharePid`: first its child, the namespace's
 * PID 1 (sshd), upon which the kernel kills every process of the namespace,
 * unshare reaps sshd and exits, and the mount namespace goes with its last
 * process; then the process group, in case the child was not found.
 */
function killHost(unsharePid: number): void {
  for (const child of childrenOf(unsharePid)) trySignal(child);
  trySignal(-unsharePid);
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function trySignal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills the unshare processes of an earlier run in the same workDir (a crashed test run). */
function killStale(workDir: string): void {
  const pidsFile = path.join(workDir, 'sandbox.pids');
  if (!fs.existsSync(pidsFile)) return;
  for (const pid of fs.readFileSync(pidsFile, 'utf8').split('\n').filter(Boolean).map(Number)) {
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.startsWith('unshare') && cmdline.includes(workDir)) killHost(pid);
  }
}

/**
 * Removes what the sandbox made, never following a mount: the binds live in
 * the hosts' private namespaces, so none should be visible here; if one is,
 * nothing is removed and the error says where.
 */
function cleanWorkDir(state: SandboxState): void {
  const { workDir } = state.sandbox;
  const mounted = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')
    .map((line) => line.split(' ')[4])
    .filter((mountPoint) => mountPoint && (mountPoint === workDir || mountPoint.startsWith(`${workDir}/`)));
  if (mounted.length > 0) throw new Error(`not removing ${workDir}: mounts below it: ${mounted.join(', ')}`);
  if (state.createdWorkDir) {
    fs.rmSync(workDir, { recursive: true, force: true });
  } else {
    removeOwnedEntries(workDir);
  }
}

function removeOwnedEntries(workDir: string): void {
  for (const entry of OWNED_ENTRIES) fs.rmSync(path.join(workDir, entry), { recursive: true, force: true });
}

let exitHandlerInstalled = false;

/**
 * Cleanup when a plain node process exits without stopSandbox. Under jest
 * this handler never fires (tests get a stand-in `process`); there the
 * parent-death signal set in launch() kills the hosts when the test process
 * ends, and the next startSandbox in the same workDir removes the files.
 */
function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.once('exit', () => {
    for (const state of [...live]) {
      live.delete(state);
      state.running.forEach(killNamespace);
      // Give the kernel a moment to tear the namespaces down before removing files.
      spawnSync('sleep', ['0.2']);
      try {
        cleanWorkDir(state);
      } catch (e) {
        console.error(`sandbox cleanup: ${(e as Error).message}`);
      }
    }
  });
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
