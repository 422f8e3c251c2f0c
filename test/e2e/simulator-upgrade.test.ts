/**
 * The Spectrum SIMULATOR's upgrade behaviour, run locally without SSH: update
 * media, `.history`, the refusal to install over a running SpectroSERVER, the
 * host timeline and the installer faults. The install owner is `root` here.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeIfAvailable, rootUnavailableReason } from './sandbox/prerequisites';
import {
  clearFault, hostargsText, injectFault, installerPath, isSimRunning, makeMedia, readSimDatabase, readSimHistory, readSimTimeline,
} from './simulator';

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: string[], cwd?: string): Result {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const unavailable = rootUnavailableReason();

describeIfAvailable(unavailable)(`Spectrum simulator: upgrades${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let work: string;
  let base: string;
  let update: string;
  let nextBase: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-sim-upgrade-'));
    base = makeMedia(path.join(work, 'base'), '10.4.1');
    update = makeMedia(path.join(work, 'update'), '10.4.1.2', '10.4.1');
    nextBase = makeMedia(path.join(work, 'next'), '10.4.10');
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const specroot = (host: string) => path.join(work, host);

  function install(host: string, media: string, extra: Record<string, string> = {}): Result {
    const args = {
      remote_host: host,
      l_handle: '0x400000',
      install_dir: specroot(host),
      install_owner: 'root',
      vcd_path: media,
      main_loc_serv: host,
      ss_install: 'yes',
      oc_install: 'no',
      ...extra,
    };
    const hostargs = path.join(work, `${host}.hostargs`);
    const pw = path.join(work, `${host}.pw`);
    fs.writeFileSync(hostargs, hostargsText(args));
    fs.writeFileSync(pw, `${host} root s3cret\n`, { mode: 0o600 });
    return run(installerPath(media), ['-h', hostargs, '-p', pw, '-accept']);
  }

  const tool = (host: string, name: string) => run(path.join(specroot(host), name), [], path.join(specroot(host), 'SS'));

  function expectOk(result: Result): void {
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toContain('Installation successful');
  }

  test('media carry version.dat, and requires.dat when they are an update', () => {
    expect(fs.readFileSync(path.join(base, 'version.dat'), 'utf8')).toBe('10.4.1\n');
    expect(fs.existsSync(path.join(base, 'requires.dat'))).toBe(false);
    expect(fs.readFileSync(path.join(update, 'version.dat'), 'utf8')).toBe('10.4.1.2\n');
    expect(fs.readFileSync(path.join(update, 'requires.dat'), 'utf8')).toBe('10.4.1\n');
  });

  test('update media refuse a host without their base release', () => {
    const result = install('bare', update);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^Installation failure: update 10\.4\.1\.2 requires Spectrum 10\.4\.1, which .*\.history does not list/);
    expect(readSimTimeline(specroot('bare')).map(e => e.event)).toEqual(['update-start', 'update-failed']);
  });

  test('an installer refuses to run over a running SpectroSERVER, and leaves it untouched', () => {
    expectOk(install('alpha', base));
    expect(isSimRunning(specroot('alpha'))).toBe(true);
    const result = install('alpha', update);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^Installation failure: the SpectroSERVER in .* is running; stop it first/);
    expect(readSimHistory(specroot('alpha'))).toEqual(['10.4.1']);
    expect(isSimRunning(specroot('alpha'))).toBe(true);
  });

  test('an update over a stopped SpectroSERVER is listed in .history and leaves the SS stopped, its database kept', () => {
    const generation = readSimDatabase(specroot('alpha')).generation;
    expect(tool('alpha', 'bin/stopSS.pl').status).toBe(0);
    expectOk(install('alpha', update));
    expect(readSimHistory(specroot('alpha'))).toEqual(['10.4.1', '10.4.1.2']);
    expect(isSimRunning(specroot('alpha'))).toBe(false);
    expect(readSimDatabase(specroot('alpha')).generation).toBe(generation);
    expect(fs.readFileSync(path.join(specroot('alpha'), 'SS/.sim/install.conf'), 'utf8')).toContain('ss_version=10.4.1.2\n');
  });

  test('the timeline records install, update and SS events with microseconds and the host, in order', () => {
    expect(tool('alpha', 'bin/startSS.pl').status).toBe(0);
    const timeline = readSimTimeline(specroot('alpha'));
    expect(timeline.map(e => `${e.event} ${e.detail}`.trim())).toEqual([
      'install-start 10.4.1',
      'ss-start',
      'install-end 10.4.1 ss_install=yes oc_install=no',
      'update-start 10.4.1.2',
      'update-failed 10.4.1.2: the SpectroSERVER in ' + specroot('alpha') + ' is running; stop it first with ' + specroot('alpha') + '/bin/stopSS.pl',
      'ss-stop',
      'update-start 10.4.1.2',
      'update-end 10.4.1.2 ss_install=yes oc_install=no',
      'ss-start',
    ]);
    expect(new Set(timeline.map(e => e.host))).toEqual(new Set(['alpha']));
    const times = timeline.map(e => e.timeUs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(fs.readFileSync(path.join(specroot('alpha'), 'SS/.sim/timeline.log'), 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z alpha install-start 10\.4\.1\n/);
  });

  test('a fault marked always fails every installer run until it is cleared', () => {
    expect(tool('alpha', 'bin/stopSS.pl').status).toBe(0);
    injectFault(specroot('alpha'), 'sdiclinux.exe', 'always');
    for (let i = 0; i < 2; i++) expect(install('alpha', nextBase).stderr).toMatch(/^Installation failure: simulated fault/);
    clearFault(specroot('alpha'));
    expectOk(install('alpha', nextBase));
    // A new base release, not an update: the history lists it as a whole version.
    expect(readSimHistory(specroot('alpha'))).toEqual(['10.4.1', '10.4.1.2', '10.4.10']);
    expect(readSimTimeline(specroot('alpha')).filter(e => e.event === 'install-failed')).toHaveLength(2);
  });

  test('a failed copy prints "Failed to copy" and still ends like a success, without touching .history', () => {
    injectFault(specroot('alpha'), 'sdiclinux.exe', 'failed-copy');
    const result = install('alpha', update);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Failed to copy .*\nInstallation successful\n$/);
    expect(readSimHistory(specroot('alpha'))).toEqual(['10.4.1', '10.4.1.2', '10.4.10']);
    expect(fs.existsSync(path.join(specroot('alpha'), '.sim-fault'))).toBe(false);
  });

  test('OneClick added to a SpectroSERVER host keeps the SS version; both products are recorded', () => {
    expectOk(install('alpha', nextBase, { ss_install: 'yes', oc_install: 'yes' }));
    expect(fs.readFileSync(path.join(specroot('alpha'), 'tomcat/webapps/spectrum/.oneclick'), 'utf8')).toContain('version=10.4.10\n');
    expectOk(install('console', base, { ss_install: 'no', oc_install: 'yes' }));
    expect(fs.readFileSync(path.join(specroot('console'), 'SS/.sim/install.conf'), 'utf8')).toContain('ss_version=\n');
    expect(fs.existsSync(path.join(specroot('console'), 'SS/.sim/state'))).toBe(false);
  });
});
