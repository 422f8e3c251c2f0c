/**
 * Smoke test of the SSH sandbox: two hosts, the simulator installed on one of
 * them over ssh, per-host /opt/CA/Spectrum and /tmp, strict host keys, and a
 * teardown that leaves no process behind.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runInHost, Sandbox, SANDBOX_SPECROOT, startSandbox, stopSandbox, writeKnownHosts } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { hostargsText, installerPath, readSimDatabase } from './simulator';

const unavailable = sandboxUnavailableReason();

describeIfAvailable(unavailable)(`SSH sandbox${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let workDir: string;
  let sandbox: Sandbox;

  beforeAll(async () => {
    // Under /tmp on purpose: the hosts' private /tmp must still show it.
    workDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-sandbox-')), 'run');
    sandbox = await startSandbox({ hosts: ['alpha', 'beta'], workDir });
  });

  afterAll(async () => {
    await stopSandbox();
    fs.rmSync(path.dirname(workDir), { recursive: true, force: true });
  });

  test('each host answers on its own loopback address as root', async () => {
    const [alpha, beta] = sandbox.hosts;
    expect([alpha.address, beta.address]).toEqual(['127.0.0.10', '127.0.0.11']);
    expect(alpha.hostKey).toMatch(/^ssh-ed25519 AAAA[0-9A-Za-z+/=]+$/);
    expect(alpha.privateKey).toContain('PRIVATE KEY-----');
    const result = await runInHost(alpha, 'id -un; echo "$SSH_CONNECTION"; ls -A /root | wc -l');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [user, connection, homeEntries] = result.stdout.trim().split('\n');
    expect(user).toBe('root');
    expect(connection.split(' ')[2]).toBe('127.0.0.10');
    // root's home is the host's own, empty: the machine's dotfiles never run.
    expect(homeEntries).toBe('0');
    expect((await runInHost(beta, 'exit 3')).code).toBe(3);
  });

  test('the simulator installs over ssh into that host only', async () => {
    const alpha = sandbox.host('alpha');
    const stage = '/tmp/stage';
    const hostargs = hostargsText({
      remote_host: 'alpha',
      l_handle: '0x400000',
      install_dir: SANDBOX_SPECROOT,
      install_owner: sandbox.installOwner,
      vcd_path: sandbox.mediaDir,
      main_loc_serv: 'alpha',
      ss_install: 'yes',
      oc_install: 'no',
    });
    const script = [
      'set -eu',
      `mkdir -p ${stage}`,
      `cat > ${stage}/alpha.hostargs <<'EOF'\n${hostargs}EOF`,
      `install -m 0600 /dev/null ${stage}/alpha.pw`,
      `echo 'alpha ${sandbox.installOwner} s3cret' > ${stage}/alpha.pw`,
      `${installerPath(sandbox.mediaDir)} -h ${stage}/alpha.hostargs -p ${stage}/alpha.pw -accept`,
      // The plans run the tools as the install owner.
      `runuser -u ${sandbox.installOwner} -- ${SANDBOX_SPECROOT}/bin/stopSS.pl`,
    ].join('\n');
    const result = await runInHost(alpha, script);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Installation successful');
    expect(result.code).toBe(0);

    const alphaRoot = alpha.rootDir;
    const betaRoot = sandbox.host('beta').rootDir;
    expect(fs.readFileSync(path.join(alphaRoot, '.hostrc'), 'utf8')).toBe('alpha\n');
    expect(fs.existsSync(path.join(betaRoot, '.hostrc'))).toBe(false);
    expect(readSimDatabase(alphaRoot).map).toEqual([{ handle: '0x400000', precedence: 10, host: 'alpha' }]);
    expect(fs.statSync(alphaRoot).uid).toBe(Number(spawnSync('id', ['-u', sandbox.installOwner], { encoding: 'utf8' }).stdout));
    // The staged files went to alpha's private /tmp, not the machine's nor beta's.
    expect(fs.existsSync(path.join(alpha.tmpDir!, 'stage', 'alpha.hostargs'))).toBe(true);
    expect(fs.existsSync(path.join(sandbox.host('beta').tmpDir!, 'stage'))).toBe(false);
    expect((await runInHost(sandbox.host('beta'), `test ! -e ${SANDBOX_SPECROOT}/.hostrc && test ! -e ${stage}`)).code).toBe(0);
  });

  test('the media is read-only inside the hosts', async () => {
    const result = await runInHost(sandbox.host('beta'), `touch ${sandbox.mediaDir}/sdic/x`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Read-only file system');
  });

  test('ssh refuses a host whose key does not match', async () => {
    const [alpha, beta] = sandbox.hosts;
    const wrong = path.join(workDir, 'wrong_known_hosts');
    // alpha's address with beta's key.
    writeKnownHosts([{ ...alpha, hostKey: beta.hostKey }], wrong);
    const result = await runInHost(alpha, 'true', { knownHostsPath: wrong });
    expect(result.code).toBe(255);
    expect(result.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  });

  test('stopSandbox leaves no process, mount or file behind', async () => {
    // A long-running remote command must die with its host.
    const sleeper = runInHost(sandbox.host('beta'), 'sleep 600');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stopSandbox(sandbox);
    expect((await sleeper).code).not.toBe(0);
    expect(spawnSync('pgrep', ['-f', workDir]).status).toBe(1);
    expect(spawnSync('pgrep', ['-f', 'sleep 600']).status).toBe(1);
    expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(workDir);
    expect(fs.existsSync(workDir)).toBe(false);
  });
});
