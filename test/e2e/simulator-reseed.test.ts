/**
 * The simulator's re-seed support (test/e2e/simulator/README.md, "Online
 * backup" and "Changing data on a running primary"), run locally without SSH
 * like simulator.test.ts: the online-backup stand-in needs a running SS and
 * writes a savefile that SSdbload takes; changeSimData gives the primary a
 * new generation that a secondary holds only after loading a newer savefile.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeIfAvailable, rootUnavailableReason } from './sandbox/prerequisites';
import { changeSimData, hostargsText, installerPath, isSimRunning, makeMedia, onlineBackupPath, readSimDatabase, readSimEvents } from './simulator';

const unavailable = rootUnavailableReason();

describeIfAvailable(unavailable)(`simulator: online backup and changing data${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let work: string;
  let media: string;
  const specroot = (host: string) => path.join(work, host);
  const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) => {
    const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };
  const tool = (host: string, name: string, args: string[] = []) => run(path.join(specroot(host), name), args, path.join(specroot(host), 'SS'));
  const backup = (host: string, file: string) => run(onlineBackupPath(media), [], path.join(specroot(host), 'SS'), { SPECTRUM_SAVEFILE: file });

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-sim-reseed-'));
    media = makeMedia(path.join(work, 'media'));
    for (const host of ['alpha', 'beta']) {
      const hostargs = path.join(work, `${host}.hostargs`);
      const pw = path.join(work, `${host}.pw`);
      fs.writeFileSync(hostargs, hostargsText({ remote_host: host, l_handle: '0x400000', install_dir: specroot(host), install_owner: 'root', vcd_path: media }));
      fs.writeFileSync(pw, `${host} root s3cret\n`, { mode: 0o600 });
      const installed = run(installerPath(media), ['-h', hostargs, '-p', pw, '-accept'], work);
      expect(installed.output).toContain('Installation successful');
    }
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('online-backup refuses a stopped SS, and a relative or non-.SSdb target', () => {
    const target = path.join(specroot('alpha'), 'SS', 'online.SSdb');
    expect(tool('alpha', 'bin/stopSS.pl').status).toBe(0);
    const stopped = backup('alpha', target);
    expect(stopped.status).not.toBe(0);
    expect(stopped.output).toContain('the SpectroSERVER is stopped; an online backup needs it running');
    expect(tool('alpha', 'bin/startSS.pl').status).toBe(0);
    expect(backup('alpha', 'online.SSdb').output).toContain('is not an absolute path ending in .SSdb');
    expect(backup('alpha', `${target}.txt`).output).toContain('is not an absolute path ending in .SSdb');
    expect(fs.existsSync(target)).toBe(false);
  });

  test('changed data reaches a secondary only through a newer savefile, and the online backup never stops the primary', () => {
    const first = path.join(specroot('alpha'), 'SS', 'first.SSdb');
    expect(backup('alpha', first).status).toBe(0);
    const changed = changeSimData(specroot('alpha'));
    expect(readSimDatabase(specroot('alpha')).generation).toBe(changed);
    expect(readSimDatabase(specroot('alpha')).map).toEqual([{ handle: '0x400000', precedence: 10, host: 'alpha' }]);

    expect(tool('beta', 'bin/stopSS.pl').status).toBe(0);
    expect(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', first]).status).toBe(0);
    expect(readSimDatabase(specroot('beta')).generation).not.toBe(changed);

    const second = path.join(specroot('alpha'), 'SS', 'second.SSdb');
    expect(backup('alpha', second).status).toBe(0);
    expect(tool('beta', 'SS-Tools/SSdbload', ['-ilq', '-add', '20', second]).status).toBe(0);
    expect(readSimDatabase(specroot('beta')).generation).toBe(changed);

    expect(isSimRunning(specroot('alpha'))).toBe(true);
    const backups = readSimEvents(specroot('alpha')).filter(e => e.tool === 'online-backup' && e.message.startsWith('ok'));
    expect(backups.map(e => e.message)).toEqual([expect.stringContaining('while running'), expect.stringContaining(`generation=${changed} while running`)]);
  });
});
