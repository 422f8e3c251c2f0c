/**
 * The Spectrum SIMULATOR's host-preparation parts, run locally without SSH:
 * the SRAdmin stand-ins (`<media>/sdic/linux/sradmin.exe` and `sradmin.rc2`,
 * as the public Spectrum_playbooks playbook installs them) and OneClick's
 * web server scripts (`$SPECROOT/webtomcat/bin/startWebTomcat.sh`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeIfAvailable, rootUnavailableReason } from './sandbox/prerequisites';
import {
  hostargsText, installerPath, locrcMainLocation, makeMedia, readSimEvents, readWebTomcatTimeline, requireSradmin, sradminState,
  webTomcatMainLocation, webTomcatState,
} from './simulator';

function run(command: string, args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const unavailable = rootUnavailableReason();

describeIfAvailable(unavailable)(`Spectrum simulator: SRAdmin and OneClick's web server${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let work: string;
  let media: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-sim-prep-'));
    media = makeMedia(path.join(work, 'media'));
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  function install(host: string, extra: Record<string, string> = {}) {
    const args = {
      remote_host: host, l_handle: '0x400000', install_dir: path.join(work, host), install_owner: 'root', vcd_path: media, ...extra,
    };
    fs.writeFileSync(path.join(work, `${host}.hostargs`), hostargsText(args));
    fs.writeFileSync(path.join(work, `${host}.pw`), `${host} root s3cret\n`, { mode: 0o600 });
    return run(installerPath(media), ['-h', path.join(work, `${host}.hostargs`), '-p', path.join(work, `${host}.pw`), '-accept']);
  }

  describe('SRAdmin', () => {
    let dir: string;
    let rc: string;
    beforeAll(() => {
      dir = path.join(work, 'SRAdmin');
      fs.mkdirSync(dir);
      fs.copyFileSync(path.join(media, 'sdic/linux/sradmin.exe'), path.join(dir, 'sradmin.exe'));
      fs.chmodSync(path.join(dir, 'sradmin.exe'), 0o744);
      // The init script with its SRADHOME line set, as the playbook does.
      rc = path.join(work, 'sradmin');
      const text = fs.readFileSync(path.join(media, 'sdic/linux/sradmin.rc2'), 'utf8');
      expect(text).toMatch(/^SRADHOME=/m);
      fs.writeFileSync(rc, text.replace(/^SRADHOME=.*$/m, `SRADHOME=${dir}`), { mode: 0o500 });
    });

    test('the init script starts, reports and stops the daemon; status is LSB (0 running, 3 stopped)', () => {
      expect(run(rc, ['status']).status).toBe(3);
      expect(sradminState(dir)).toMatchObject({ installed: true, running: false });
      expect(run(rc, ['start'])).toMatchObject({ status: 0, stdout: 'SRAdmin is now running\n' });
      expect(run(rc, ['status']).status).toBe(0);
      expect(run(rc, ['start']).stdout).toContain('already running');
      expect(sradminState(dir).running).toBe(true);
      expect(run(rc, ['stop']).status).toBe(0);
      expect(sradminState(dir).running).toBe(false);
      expect(sradminState(dir).events.filter(e => / ok now /.test(e)).map(e => e.split(' ').pop())).toEqual(['running', 'stopped']);
    });

    test('refuses to run without SRADHOME, from another directory, or with an unknown command', () => {
      const exe = path.join(dir, 'sradmin.exe');
      expect(run(exe, ['start'], { SRADHOME: undefined }).stderr).toMatch(/SRADHOME is not set/);
      expect(run(exe, ['start'], { SRADHOME: work }).stderr).toMatch(/is not the directory sradmin.exe is installed in/);
      expect(run(exe, ['reload'], { SRADHOME: dir }).stderr).toMatch(/unknown command 'reload'/);
      expect(run(exe, ['start'], { SRADHOME: dir }).status).toBe(0);
      run(exe, ['stop'], { SRADHOME: dir });
    });

    test('the media\'s init script unchanged (SRADHOME not set) fails clearly when SRAdmin is not in the default place', () => {
      if (fs.existsSync('/opt/CA/SRAdmin/sradmin.exe')) return;
      const result = run(path.join(media, 'sdic/linux/sradmin.rc2'), ['status']);
      expect(result.status).toBe(5);
      expect(result.stderr).toContain('SRAdmin is not installed in /opt/CA/SRAdmin');
    });

    test('media that require SRAdmin: the installer refuses a host where it does not run', () => {
      if (fs.existsSync('/etc/init.d/sradmin')) return; // only meaningful on a machine without SRAdmin
      const strict = makeMedia(path.join(work, 'strict-media'));
      requireSradmin(strict);
      const args = { remote_host: 'delta', l_handle: '0x400000', install_dir: path.join(work, 'delta'), install_owner: 'root', vcd_path: strict };
      fs.writeFileSync(path.join(work, 'delta.hostargs'), hostargsText(args));
      fs.writeFileSync(path.join(work, 'delta.pw'), 'delta root s3cret\n', { mode: 0o600 });
      const result = run(installerPath(strict), ['-h', path.join(work, 'delta.hostargs'), '-p', path.join(work, 'delta.pw'), '-accept']);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Installation failure: SRAdmin is not running on this host/);
      expect(fs.existsSync(path.join(work, 'delta'))).toBe(false);
    });
  });

  describe('OneClick web server', () => {
    test('installed with OneClick and left stopped; start/stop switch and log it', () => {
      expect(install('console', { ss_install: 'no', oc_install: 'yes' }).status).toBe(0);
      const root = path.join(work, 'console');
      expect(webTomcatState(root)).toBe('stopped');
      expect(run(path.join(root, 'webtomcat/bin/startWebTomcat.sh'), [])).toMatchObject({ status: 0, stdout: 'OneClick web server is now running\n' });
      expect(webTomcatState(root)).toBe('running');
      expect(run(path.join(root, 'webtomcat/bin/startWebTomcat.sh'), []).stdout).toContain('already running');
      expect(run(path.join(root, 'webtomcat/bin/stopWebTomcat.sh'), []).status).toBe(0);
      expect(webTomcatState(root)).toBe('stopped');
      expect(run(path.join(root, 'webtomcat/bin/stopWebTomcat.sh'), ['now']).stderr).toMatch(/takes no arguments/);
      const tomcat = readSimEvents(root).filter(e => e.tool.endsWith('WebTomcat.sh')).map(e => `${e.tool} ${e.message}`);
      expect(tomcat).toContain('startWebTomcat.sh ok now running');
      expect(tomcat).toContain('stopWebTomcat.sh ok now stopped');
    });

    test('the installer writes LS/.locrc from main_loc_serv; the web server starts with it and refuses without it', () => {
      expect(install('console2', { ss_install: 'no', oc_install: 'yes', main_loc_serv: 'mls-1' }).status).toBe(0);
      const root = path.join(work, 'console2');
      expect(locrcMainLocation(root)).toBe('mls-1');
      const start = path.join(root, 'webtomcat/bin/startWebTomcat.sh');
      expect(run(start, [])).toMatchObject({ status: 0, stdout: 'OneClick web server is now running\n' });
      expect(webTomcatMainLocation(root)).toBe('mls-1');
      expect(readWebTomcatTimeline(root).map(t => t.event + (t.detail ? ` ${t.detail}` : ''))).toContain('webtomcat-running mls=mls-1');
      // A running web server keeps what it started with: a changed file needs a restart.
      fs.writeFileSync(path.join(root, 'LS/.locrc'), 'MET_INTERVAL=3600000\nMAIN_LOCATION_HOST_NAME=mls-2\n');
      expect(run(start, []).stdout).toContain('already running');
      expect(webTomcatMainLocation(root)).toBe('mls-1');
      expect(run(path.join(root, 'webtomcat/bin/stopWebTomcat.sh'), []).status).toBe(0);
      expect(run(start, []).status).toBe(0);
      expect(webTomcatMainLocation(root)).toBe('mls-2');
      expect(run(path.join(root, 'webtomcat/bin/stopWebTomcat.sh'), []).status).toBe(0);
      for (const locrc of ['MET_INTERVAL=3600000\n', 'MAIN_LOCATION_HOST_NAME=\n']) {
        fs.writeFileSync(path.join(root, 'LS/.locrc'), locrc);
        const refused = run(start, []);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain('has no MAIN_LOCATION_HOST_NAME (or an empty one)');
        expect(webTomcatState(root)).toBe('stopped');
      }
      fs.rmSync(path.join(root, 'LS/.locrc'));
      expect(run(start, []).stderr).toContain('.locrc does not exist');
      // A re-run of the installer sets the key from main_loc_serv again and keeps the file's other lines.
      fs.writeFileSync(path.join(root, 'LS/.locrc'), 'MET_INTERVAL=60000\nMAIN_LOCATION_HOST_NAME=mls-2\n');
      expect(install('console2', { ss_install: 'no', oc_install: 'yes', main_loc_serv: 'mls-3' }).status).toBe(0);
      expect(fs.readFileSync(path.join(root, 'LS/.locrc'), 'utf8')).toBe('MET_INTERVAL=60000\nMAIN_LOCATION_HOST_NAME=mls-3\n');
    });

    test('a SpectroSERVER-only install has no web server scripts', () => {
      expect(install('alpha').status).toBe(0);
      expect(fs.existsSync(path.join(work, 'alpha', 'webtomcat'))).toBe(false);
      expect(webTomcatState(path.join(work, 'alpha'))).toBeUndefined();
    });
  });
});
