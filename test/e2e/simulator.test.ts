/**
 * The Spectrum SIMULATOR (test/e2e/simulator) run locally, without SSH: every
 * strict refusal and the happy paths. The install owner is `root` here.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeIfAvailable, rootUnavailableReason } from './sandbox/prerequisites';
import { holdSimTool, hostargsText, injectFault, installerPath, isSimRunning, killSimProcesses, makeMedia, readSimDatabase, readSimEvents, releaseSimHold } from './simulator';

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Run as this OS user (through runuser). */
  readonly user?: string;
}

function run(command: string, args: string[], options: RunOptions = {}): Result {
  const argv = options.user ? ['runuser', '-u', options.user, '--', command, ...args] : [command, ...args];
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VERSION = '10.4.1';
// The installer chowns $SPECROOT to the install owner: root only.
const unavailable = rootUnavailableReason();

/** The program a process runs, or undefined when it is gone (other suites' processes come and go meanwhile). */
function exeOf(pid: string): string | undefined {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

describeIfAvailable(unavailable)(`Spectrum simulator${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let work: string;
  let media: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-sim-'));
    // Readable by every user, for the test that runs a tool as `nobody`.
    fs.chmodSync(work, 0o755);
    media = makeMedia(path.join(work, 'media'), VERSION);
  });

  afterAll(() => {
    if (work) killSimProcesses(work);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** hostargs of a primary named `host` installed into `<work>/<host>`. */
  function defaultArgs(host: string, handle = '0x400000'): Record<string, string> {
    return {
      remote_host: host,
      l_handle: handle,
      install_dir: path.join(work, host),
      install_owner: 'root',
      vcd_path: media,
      main_loc_serv: host,
      ss_install: 'yes',
      oc_install: 'no',
      ignore_disk_space: 'yes',
      locale: 'en_US',
      exclude_parts: 'SA-RPT-MGR',
    };
  }

  interface InstallOptions {
    readonly args?: Record<string, string>;
    /** Raw hostargs text, instead of `args`. */
    readonly hostargs?: string;
    readonly pwText?: string;
    readonly pwMode?: number;
    readonly argv?: string[];
  }

  /** Writes hostargs and password file for `host`, runs the installer. */
  function install(host: string, options: InstallOptions = {}): Result {
    const args = options.args ?? defaultArgs(host);
    const hostargs = path.join(work, `${host}.hostargs`);
    const pw = path.join(work, `${host}.pw`);
    fs.writeFileSync(hostargs, options.hostargs ?? hostargsText(args));
    fs.writeFileSync(pw, options.pwText ?? `${args.remote_host} ${args.install_owner} s3cret\n`);
    fs.chmodSync(pw, options.pwMode ?? 0o600);
    return run(installerPath(media), options.argv ?? ['-h', hostargs, '-p', pw, '-accept']);
  }

  function specroot(host: string): string {
    return path.join(work, host);
  }

  /** Runs `$SPECROOT/<tool>` of `host`, from `$SPECROOT/SS` unless told otherwise. */
  function tool(host: string, name: string, args: string[] = [], options: RunOptions = {}): Result {
    return run(path.join(specroot(host), name), args, { cwd: path.join(specroot(host), 'SS'), ...options });
  }

  function expectFailure(result: Result, reason: RegExp): void {
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(reason);
  }

  function expectSuccess(result: Result): void {
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  }

  describe('sdiclinux.exe', () => {
    test('installs a primary: layout, database, history, .hostrc, running SS', () => {
      const result = install('alpha');
      expectSuccess(result);
      expect(result.stdout).toContain('Installation successful');
      const root = specroot('alpha');
      for (const file of ['SS/.vnmrc', 'SS-Tools/SSdbsave', 'SS-Tools/SSdbload', 'SS-Tools/MapUpdate', 'bin/startSS.pl', 'bin/stopSS.pl']) {
        expect(fs.existsSync(path.join(root, file))).toBe(true);
      }
      expect(fs.readFileSync(path.join(root, 'SS/.vnmrc'), 'utf8')).toMatch(/^# SpectroSERVER configuration\n(.*\n)*agent_port=161\n/);
      expect(fs.readFileSync(path.join(root, '.hostrc'), 'utf8')).toBe('alpha\n');
      expect(fs.readFileSync(path.join(root, 'Install-Tools/.history'), 'utf8')).toMatch(/^10\.4\.1 installed \d{4}-\d\d-\d\d /);
      expect(fs.existsSync(path.join(root, 'tomcat'))).toBe(false);
      const db = readSimDatabase(root);
      expect(db.handle).toBe('0x400000');
      expect(db.generation).toMatch(/^[0-9a-f]{16}$/);
      expect(db.map).toEqual([{ handle: '0x400000', precedence: 10, host: 'alpha' }]);
      expect(isSimRunning(root)).toBe(true);
      expect(fs.statSync(root).uid).toBe(0);
    });

    test.each<[string, (host: string) => InstallOptions, RegExp]>([
      ['no -accept', (h) => ({ argv: ['-h', path.join(work, `${h}.hostargs`), '-p', path.join(work, `${h}.pw`)] }), /^Installation failure: .*-accept/],
      ['an unknown argument', (h) => ({ argv: ['-h', path.join(work, `${h}.hostargs`), '-p', path.join(work, `${h}.pw`), '-accept', '-x'] }), /unexpected argument '-x'/],
      ['an unknown hostargs key', (h) => ({ args: { ...defaultArgs(h), precedence: '10' } }), /unknown hostargs key 'precedence'/],
      ['a hostargs line without =', (h) => ({ hostargs: `${hostargsText(defaultArgs(h))}bogus\n` }), /line 12 is not key=value/],
      ['a hostargs key given twice', (h) => ({ hostargs: `${hostargsText(defaultArgs(h))}locale=de_DE\n` }), /'locale' given twice/],
      ['no l_handle', (h) => ({ args: omit(defaultArgs(h), 'l_handle') }), /hostargs has no l_handle/],
      ['no install_owner', (h) => ({ args: omit(defaultArgs(h), 'install_owner') }), /hostargs has no install_owner/],
      ['a handle that is not a multiple of 0x100000', (h) => ({ args: { ...defaultArgs(h), l_handle: '0x400001' } }), /not a legacy landscape handle/],
      ['a handle above 0xFFE00000', (h) => ({ args: { ...defaultArgs(h), l_handle: '0xFFF00000' } }), /not a legacy landscape handle/],
      ['a decimal handle', (h) => ({ args: { ...defaultArgs(h), l_handle: '4194304' } }), /not a legacy landscape handle/],
      ['a relative install_dir', (h) => ({ args: { ...defaultArgs(h), install_dir: 'opt/CA/Spectrum' } }), /install_dir .* absolute/],
      ['an owner that is no OS user', (h) => ({ args: { ...defaultArgs(h), install_owner: 'nosuchspectrumuser' } }), /install_owner 'nosuchspectrumuser' is not a user/],
      ['ss_install=maybe', (h) => ({ args: { ...defaultArgs(h), ss_install: 'maybe' } }), /ss_install must be yes or no/],
      ['nothing to install', (h) => ({ args: { ...defaultArgs(h), ss_install: 'no', oc_install: 'no' } }), /nothing to install/],
      ['a vcd_path that is not this media', (h) => ({ args: { ...defaultArgs(h), vcd_path: work } }), /is not the media this installer runs from/],
      ['a password file readable by others', () => ({ pwMode: 0o644 }), /mode 644; it must be 0600/],
      ['a password file of two lines', (h) => ({ pwText: `${h} root a\n${h} root b\n` }), /exactly one line/],
      ['a password file for another owner', (h) => ({ pwText: `${h} spectrum s3cret\n` }), /for user 'spectrum', not install_owner 'root'/],
      ['a password file for another host', () => ({ pwText: 'otherhost root s3cret\n' }), /for host 'otherhost'/],
      ['a password file without password', (h) => ({ pwText: `${h} root\n` }), /not '<host> <owner> <password>'/],
    ])('refuses %s', (_what, options, reason) => {
      const host = 'refused';
      const result = install(host, options(host));
      expectFailure(result, reason);
      expect(result.stderr).toMatch(/^Installation failure: /);
      expect(result.stdout).not.toContain('Installation successful');
      expect(fs.existsSync(path.join(specroot(host), 'SS'))).toBe(false);
    });

    test('a reinstall (over a stopped SS) keeps .vnmrc and the database of the same handle', () => {
      const root = specroot('alpha');
      fs.appendFileSync(path.join(root, 'SS/.vnmrc'), 'secondary_polling=yes\n');
      const before = readSimDatabase(root).generation;
      // Installers refuse to run over a running SpectroSERVER (simulator-upgrade.test.ts).
      expectSuccess(tool('alpha', 'bin/stopSS.pl'));
      expectSuccess(install('alpha'));
      expectSuccess(tool('alpha', 'bin/startSS.pl'));
      expect(fs.readFileSync(path.join(root, 'SS/.vnmrc'), 'utf8')).toContain('secondary_polling=yes\n');
      expect(readSimDatabase(root).generation).toBe(before);
      expect(fs.readFileSync(path.join(root, 'Install-Tools/.history'), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    });

    test('a OneClick-only install has OneClick and no SpectroSERVER tools', () => {
      expectSuccess(install('console', { args: { ...defaultArgs('console'), ss_install: 'no', oc_install: 'yes', main_loc_serv: 'alpha' } }));
      const root = specroot('console');
      expect(fs.readFileSync(path.join(root, 'tomcat/webapps/spectrum/.oneclick'), 'utf8')).toContain('main_loc_serv=alpha\n');
      expect(fs.existsSync(path.join(root, 'SS-Tools'))).toBe(false);
      expect(fs.existsSync(path.join(root, 'SS/.vnmrc'))).toBe(false);
    });
  });

  describe('database tools', () => {
    // alpha: primary of 0x400000 (installed above); beta: its secondary;
    // gamma: a server of another landscape.
    let savefile: string;

    beforeAll(() => {
      expectSuccess(install('beta'));
      expectSuccess(install('gamma', { args: defaultArgs('gamma', '0x800000') }));
    });

    test('startSS.pl / stopSS.pl switch the run state', () => {
      expectSuccess(tool('gamma', 'bin/stopSS.pl'));
      expect(isSimRunning(specroot('gamma'))).toBe(false);
      expect(tool('gamma', 'bin/stopSS.pl').stdout).toContain('already stopped');
      expectSuccess(tool('gamma', 'bin/startSS.pl'));
      expect(isSimRunning(specroot('gamma'))).toBe(true);
      expectFailure(tool('gamma', 'bin/startSS.pl', ['now']), /takes no arguments/);
    });

    test('SSdbsave refuses a running SS, a wrong directory and bad usage', () => {
      expectFailure(tool('alpha', 'SS-Tools/SSdbsave', ['-cmq', 'seed']), /SpectroSERVER is running/);
      expectSuccess(tool('alpha', 'bin/stopSS.pl'));
      expectFailure(tool('alpha', 'SS-Tools/SSdbsave', ['-cmq', 'seed'], { cwd: specroot('alpha') }), /must be run from \$SPECROOT\/SS/);
      expectFailure(tool('alpha', 'SS-Tools/SSdbsave', ['-cmq']), /exactly one SAVE_FILE/);
      expectFailure(tool('alpha', 'SS-Tools/SSdbsave', ['-cmx', 'seed']), /unknown or ambiguous option -cmx/);
      expectFailure(tool('alpha', 'SS-Tools/SSdbsave', ['-cmq', 'no/such/dir/seed']), /directory no\/such\/dir missing/);
    });

    test('SSdbsave -cmq writes <SAVE_FILE>.SSdb with a checksum trailer', () => {
      const result = tool('alpha', 'SS-Tools/SSdbsave', ['-cmq', 'seed']);
      expectSuccess(result);
      expect(result.stdout).toBe('');
      savefile = path.join(specroot('alpha'), 'SS/seed.SSdb');
      const text = fs.readFileSync(savefile, 'utf8');
      expect(text).toMatch(/^SIMSSDB 1\nlh=0x400000\n/);
      expect(text).toMatch(/\nchecksum=[0-9a-f]{64}\n$/);
      expect(text).toContain(`generation=${readSimDatabase(specroot('alpha')).generation}\n`);
      // Long option names and unique prefixes are accepted too.
      expectSuccess(tool('alpha', 'SS-Tools/SSdbsave', ['-catalog', '-mod', '-quiet', 'seed-long']));
    });

    test('SSdbload refuses a running SS, another handle, damaged files and bad usage', () => {
      const copy = (name: string, text?: string): string => {
        const target = path.join(specroot('beta'), 'SS', name);
        fs.writeFileSync(target, text ?? fs.readFileSync(savefile));
        return name;
      };
      const good = copy('seed.SSdb');
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', good]), /SpectroSERVER is running/);
      expectSuccess(tool('beta', 'bin/stopSS.pl'));
      const text = fs.readFileSync(savefile, 'utf8');
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', copy('cut.SSdb', text.slice(0, text.length / 2))]),
        /corrupt or truncated \(no checksum trailer\)/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', copy('bad.SSdb', text.replace('model=7 ', 'model=8 '))]),
        /corrupt or truncated \(checksum mismatch\)/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', copy('junk.SSdb', 'hello\n')]), /not a SpectroSERVER savefile/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', 'missing.SSdb']), /missing\.SSdb not found/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', copy('seed.txt')]), /does not end in \.SSdb/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '10', good]), /precedence 10 is already in the landscape map of 0x400000 \(server alpha\)/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-replace', '20', good]), /has no precedence 20 to replace/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', '-replace', '30', good]), /exclude each other/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', 'x', good]), /'x' is not a positive integer/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20']), /needs a value|exactly one savefile/);
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilaq', '20', good]), /cannot be combined/);
      // gamma is another landscape: alpha's savefile is refused there.
      fs.copyFileSync(savefile, path.join(specroot('gamma'), 'SS/seed.SSdb'));
      expectSuccess(tool('gamma', 'bin/stopSS.pl'));
      expectFailure(tool('gamma', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', 'seed.SSdb']),
        /of landscape handle 0x400000, this SpectroSERVER has 0x800000/);
      expect(readSimDatabase(specroot('beta')).originHost).toBe('beta');
    });

    test('SSdbload -ilq -add 20 gives the secondary the primary database and its map entry', () => {
      expectSuccess(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', 'seed.SSdb']));
      const db = readSimDatabase(specroot('beta'));
      expect(db.generation).toBe(readSimDatabase(specroot('alpha')).generation);
      expect(db.originHost).toBe('alpha');
      expect(db.loadedFrom).toBe('alpha');
      expect(db.loadedPrecedence).toBe(20);
      expect(db.map).toEqual([
        { handle: '0x400000', precedence: 10, host: 'alpha' },
        { handle: '0x400000', precedence: 20, host: 'beta' },
      ]);
      expect(tool('beta', 'SS-Tools/SSdbload', ['-showmap', 'seed.SSdb']).stdout).toBe('0x400000 10 alpha\n');
    });

    test('SSdbload -replace takes over an existing entry (a savefile that maps the secondary)', () => {
      // beta's own savefile now maps precedence 20: -add is refused, -replace works.
      expectSuccess(tool('beta', 'SS-Tools/SSdbsave', ['-cmq', 'reseed']));
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', 'reseed.SSdb']), /precedence 20 is already/);
      expectSuccess(tool('beta', 'SS-Tools/SSdbload', ['-i', '-l', '-q', '-replace', '20', 'reseed.SSdb']));
      expect(readSimDatabase(specroot('beta')).map.map((e) => e.precedence)).toEqual([10, 20]);
    });

    test('a held SSdbload has wiped the database and holds .VNMDB.LOCK: startSS.pl and other tools are refused until it ends', async () => {
      holdSimTool(specroot('beta'), 'SSdbload');
      try {
        await heldLoad();
      } finally {
        releaseSimHold(specroot('beta'));
      }
    });

    async function heldLoad(): Promise<void> {
      // beta: stopped, its map without precedence 20 (tests above)
      const load = spawn(path.join(specroot('beta'), 'SS-Tools/SSdbload'), ['-ilq', '-add', '20', 'seed.SSdb'], { cwd: path.join(specroot('beta'), 'SS'), stdio: 'ignore' });
      let exited = false;
      const ended = new Promise<number | null>(resolve => load.on('exit', code => { exited = true; resolve(code); }));
      while (!exited && !readSimEvents(specroot('beta')).some(e => e.tool === 'SSdbload' && e.message.startsWith('held'))) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(exited).toBe(false);
      expect(readSimDatabase(specroot('beta')).whole).toBe(false);
      expectFailure(tool('beta', 'bin/startSS.pl'), /database is in use \(.*\.VNMDB\.LOCK: SSdbload pid=\d+\)/);
      expectFailure(tool('beta', 'SS-Tools/SSdbsave', ['-cmq', 'other']), /database is in use/);
      expect(isSimRunning(specroot('beta'))).toBe(false);
      releaseSimHold(specroot('beta'));
      expect(await ended).toBe(0);
      const db = readSimDatabase(specroot('beta'));
      expect(db.whole).toBe(true);
      expect(db.generation).toBe(readSimDatabase(specroot('alpha')).generation);
      expect(fs.existsSync(path.join(specroot('beta'), 'SS/.VNMDB.LOCK'))).toBe(false);
      // The SpectroSERVER is a process of that name, started from $SPECROOT/SS.
      expectSuccess(tool('beta', 'bin/startSS.pl'));
      const running = spawnSync('pgrep', ['-x', 'SpectroSERVER'], { encoding: 'utf8' }).stdout.trim().split('\n')
        .filter(pid => pid !== '' && exeOf(pid) === path.join(specroot('beta'), 'SS/SpectroSERVER'));
      expect(running).toHaveLength(1);
      expectSuccess(tool('beta', 'bin/stopSS.pl'));
      // Gone, or a zombie nobody has reaped yet.
      const stat = fs.existsSync(`/proc/${running[0]}/stat`) ? fs.readFileSync(`/proc/${running[0]}/stat`, 'utf8') : ') Z ';
      expect(stat).toMatch(/\) Z /);
    }

    test('MapUpdate removes an entry, records an absent one, refuses bad usage', () => {
      expectSuccess(tool('beta', 'SS-Tools/MapUpdate', ['-remove', '0x400000', '-precedence', '20']));
      expect(readSimDatabase(specroot('beta')).map).toEqual([{ handle: '0x400000', precedence: 10, host: 'alpha' }]);
      const again = tool('beta', 'SS-Tools/MapUpdate', ['-remove', '0x400000', '-precedence', '20']);
      expectSuccess(again);
      expect(again.stdout).toContain('removal recorded');
      expectFailure(tool('beta', 'SS-Tools/MapUpdate', ['-remove', '0x400000']), /both -remove and -precedence are required/);
      expectFailure(tool('beta', 'SS-Tools/MapUpdate', ['-remove', '0x400010', '-precedence', '20']), /not a legacy landscape handle/);
      expectFailure(tool('beta', 'SS-Tools/MapUpdate', ['-remove', '0x400000', '-precedence', '0']), /not a positive integer/);
      expectFailure(tool('beta', 'SS-Tools/MapUpdate', ['-remove', '0x400000', '-precedence', '20', 'extra']), /unexpected operand/);
    });

    test('tools refuse a user that is neither root nor the install owner', () => {
      expectFailure(tool('beta', 'bin/startSS.pl', [], { user: 'nobody' }), /must be run as root or as the install owner 'root', not as 'nobody'/);
    });

    test('an injected fault fails the next run only; SPECTRUM_SIM_FAULT fails every run', () => {
      injectFault(specroot('beta'), 'SSdbload');
      expectSuccess(tool('beta', 'SS-Tools/SSdbsave', ['-cmq', 'unaffected']));
      expectFailure(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-replace', '10', 'seed.SSdb']), /simulated fault/);
      expect(fs.existsSync(path.join(specroot('beta'), '.sim-fault'))).toBe(false);
      expectSuccess(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', 'seed.SSdb']));
      const env = { SPECTRUM_SIM_FAULT: 'startSS.pl' };
      expectFailure(tool('beta', 'bin/startSS.pl', [], { env }), /simulated fault/);
      expectFailure(tool('beta', 'bin/startSS.pl', [], { env }), /simulated fault/);
      expectSuccess(tool('beta', 'bin/startSS.pl'));
      injectFault(specroot('beta'), 'sdiclinux.exe');
      expectFailure(install('beta'), /^Installation failure: simulated fault/);
    });

    test('events.log records every run in order with millisecond ISO timestamps', () => {
      const events = readSimEvents(specroot('beta'));
      expect(events[0]).toMatchObject({ tool: 'sdiclinux.exe', user: 'root' });
      expect(events.every((e) => !Number.isNaN(e.time.getTime()))).toBe(true);
      expect(fs.readFileSync(path.join(specroot('beta'), 'SS/.sim/events.log'), 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /);
      const times = events.map((e) => e.time.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const loads = events.filter((e) => e.tool === 'SSdbload' && e.message.startsWith('ok loaded'));
      expect(loads.length).toBeGreaterThanOrEqual(2);
      expect(events.some((e) => e.message.startsWith('FAILED: simulated fault'))).toBe(true);
      expect(events.some((e) => e.tool === 'MapUpdate' && e.message === 'ok removed map entry 0x400000 precedence 20')).toBe(true);
    });
  });
});

function omit(values: Record<string, string>, key: string): Record<string, string> {
  const copy = { ...values };
  delete copy[key];
  return copy;
}
