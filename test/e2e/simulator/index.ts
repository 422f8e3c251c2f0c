/**
 * TypeScript side of the Spectrum SIMULATOR (modelled on Broadcom
 * documentation, never shipped, for tests only): builds installation media
 * and reads the state the simulated tools leave under `$SPECROOT`, so tests
 * can check what a plan did. Layout and tool command lines: README.md here.
 */
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Version written into media made without an explicit one. */
export const DEFAULT_SIM_VERSION = '10.4.1';

/** Where the simulator keeps its state inside an installation. */
export const SIM_STATE_DIR = 'SS/.sim';

/** One-shot fault file, relative to `$SPECROOT`. */
export const SIM_FAULT_FILE = '.sim-fault';

/**
 * Lays out simulator media in `dir`: `<dir>/sdic/sdiclinux.exe`, the tool
 * templates it installs, `<dir>/sdic/VERSION` and `<dir>/version.dat`. With
 * `requires`, update media: `<dir>/requires.dat` names the release the update
 * applies to (as the Spectrum_playbooks playbook reads them). Returns `dir`.
 */
export function makeMedia(dir: string, version: string = DEFAULT_SIM_VERSION, requires?: string): string {
  execFileSync('bash', [path.join(__dirname, 'make-media.sh'), dir, version, ...(requires ? [requires] : [])], { stdio: 'pipe' });
  return dir;
}

/** Path of the simulated installer inside media made by {@link makeMedia}. */
export function installerPath(mediaDir: string): string {
  return path.join(mediaDir, 'sdic', 'sdiclinux.exe');
}

/** Text of a hostargs file: one `key=value` line per entry, in order. */
export function hostargsText(values: Record<string, string>): string {
  return Object.entries(values).map(([key, value]) => `${key}=${value}\n`).join('');
}

/** One server of a landscape map: `<LH> <precedence> <host>`. */
export interface SimMapEntry {
  readonly handle: string;
  readonly precedence: number;
  readonly host: string;
}

/** The simulated SpectroSERVER database (`$SPECROOT/SS/.sim/db`). */
export interface SimDatabase {
  /** Landscape handle, lower-case hex (`0x400000`). */
  readonly handle: string;
  /** Identity of the database content; a load copies the savefile's. */
  readonly generation: string;
  /** Host whose installer created this content. */
  readonly originHost: string;
  /** Host whose savefile was loaded last (absent before any load). */
  readonly loadedFrom?: string;
  /** Precedence given by the last load with -add/-replace. */
  readonly loadedPrecedence?: number;
  readonly map: SimMapEntry[];
  /** Every `key=value` line but the map ones. */
  readonly fields: Record<string, string>;
  /**
   * False while (or after) `SSdbload -initialize` has wiped the database and
   * not finished loading: a database that must never run.
   */
  readonly whole: boolean;
}

/** Reads the simulated database of the installation in `specroot`. */
export function readSimDatabase(specroot: string): SimDatabase {
  const fields: Record<string, string> = {};
  const map: SimMapEntry[] = [];
  for (const line of readLines(path.join(specroot, SIM_STATE_DIR, 'db'))) {
    const eq = line.indexOf('=');
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'map') {
      const [handle, precedence, host] = value.split(' ');
      map.push({ handle, precedence: Number(precedence), host });
    } else {
      fields[key] = value;
    }
  }
  return {
    handle: fields.lh,
    generation: fields.generation,
    originHost: fields.origin_host,
    loadedFrom: fields.loaded_from,
    loadedPrecedence: fields.loaded_precedence ? Number(fields.loaded_precedence) : undefined,
    map,
    fields,
    whole: fields.generation !== undefined && fields.loading === undefined,
  };
}

/** One line of `$SPECROOT/SS/.sim/events.log`. */
export interface SimEvent {
  readonly time: Date;
  readonly tool: string;
  readonly pid: number;
  readonly user: string;
  /** `start <args>`, `ok ...` or `FAILED: <reason>`. */
  readonly message: string;
}

const EVENT_LINE = /^(\S+Z) (\S+) pid=(\d+) user=(\S+) ?(.*)$/;

/** Every event the simulated tools logged, oldest first. */
export function readSimEvents(specroot: string): SimEvent[] {
  return readLines(path.join(specroot, SIM_STATE_DIR, 'events.log')).map((line) => {
    const m = EVENT_LINE.exec(line);
    if (!m) throw new Error(`unexpected events.log line: ${line}`);
    return { time: new Date(m[1]), tool: m[2], pid: Number(m[3]), user: m[4], message: m[5] };
  });
}

/** What a simulated host did, as its timeline records it. */
export type SimTimelineEvent =
  | 'install-start' | 'install-end' | 'install-failed'
  | 'update-start' | 'update-end' | 'update-failed'
  | 'ss-start' | 'ss-stop' | 'save' | 'load'
  // OneClick's web server, in its own timeline (readWebTomcatTimeline).
  | 'webtomcat-running' | 'webtomcat-stopped';

/** One line of `$SPECROOT/SS/.sim/timeline.log`. */
export interface SimTimelineEntry {
  /** Microseconds since the epoch (the hosts share this machine's clock). */
  readonly timeUs: number;
  /** The host as the installer knows it (`remote_host`). */
  readonly host: string;
  readonly event: SimTimelineEvent;
  /** E.g. the version of an install, the savefile of a load. */
  readonly detail: string;
}

const TIMELINE_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{6})Z (\S+) (\S+) ?(.*)$/;

/** The timeline of the installation in `specroot`, oldest first; empty when there is none. */
export function readSimTimeline(specroot: string): SimTimelineEntry[] {
  return readTimelineFile(path.join(specroot, SIM_STATE_DIR, 'timeline.log'));
}

/** OneClick's web server timeline (`webtomcat-running mls=<host>`, `webtomcat-stopped`), oldest first; empty when there is none. */
export function readWebTomcatTimeline(specroot: string): SimTimelineEntry[] {
  return readTimelineFile(path.join(specroot, 'webtomcat', '.sim', 'timeline.log'));
}

function readTimelineFile(file: string): SimTimelineEntry[] {
  if (!fs.existsSync(file)) return [];
  return readLines(file).map((line) => {
    const m = TIMELINE_LINE.exec(line);
    if (!m) throw new Error(`unexpected timeline.log line: ${line}`);
    return { timeUs: Date.parse(`${m[1]}Z`) * 1000 + Number(m[2]), host: m[3], event: m[4] as SimTimelineEvent, detail: m[5] };
  });
}

/** Spectrum versions listed by `$SPECROOT/Install-Tools/.history`, in order. */
export function readSimHistory(specroot: string): string[] {
  const file = path.join(specroot, 'Install-Tools', '.history');
  return fs.existsSync(file) ? readLines(file).map((line) => line.split(' ')[0]) : [];
}

/** Whether the simulated SpectroSERVER is running. */
export function isSimRunning(specroot: string): boolean {
  return fs.readFileSync(path.join(specroot, SIM_STATE_DIR, 'state'), 'utf8').trim() === 'running';
}

/** Test-made pause file, relative to `$SPECROOT` (README "Fault injection"). */
export const SIM_HOLD_FILE = '.sim-hold';

/**
 * Makes the next runs of `tool` (`SSdbload` or `SSdbsave`) in `specroot`
 * stop half-way (database wiped, savefile half written), log `held`, and wait
 * until {@link releaseSimHold}.
 */
export function holdSimTool(specroot: string, tool: string): void {
  fs.writeFileSync(path.join(specroot, SIM_HOLD_FILE), `${tool}\n`);
}

/** Lets a held tool go on. */
export function releaseSimHold(specroot: string): void {
  fs.rmSync(path.join(specroot, SIM_HOLD_FILE), { force: true });
}

/**
 * Kills the simulated SpectroSERVER processes whose program lies under `dir`
 * (for tests that run the simulator outside a sandbox, whose namespace would
 * otherwise end them).
 */
export function killSimProcesses(dir: string): void {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let exe: string;
    try {
      exe = fs.readlinkSync(`/proc/${entry}/exe`);
    } catch {
      continue;
    }
    if (exe.startsWith(`${dir}/`) && /\/SpectroSERVER( \(deleted\))?$/.test(exe)) {
      try {
        process.kill(Number(entry), 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
}

/**
 * Makes the next run of `tool` (e.g. `SSdbload`) in `specroot` fail once;
 * `always`: every run, until {@link clearFault}; `failed-copy` (installer
 * only): the next run prints `Failed to copy ...` and still ends with
 * `Installation successful`, exit 0.
 */
export function injectFault(specroot: string, tool: string, mode: 'once' | 'always' | 'failed-copy' = 'once'): void {
  fs.writeFileSync(path.join(specroot, SIM_FAULT_FILE), mode === 'once' ? `${tool}\n` : `${tool} ${mode}\n`);
}

/** Removes an injected fault. */
export function clearFault(specroot: string): void {
  fs.rmSync(path.join(specroot, SIM_FAULT_FILE), { force: true });
}

/** Path of the online-backup stand-in inside media made by {@link makeMedia} (README.md, "Online backup"). */
export function onlineBackupPath(mediaDir: string): string {
  return path.join(mediaDir, 'sim', 'online-backup');
}

/**
 * "Changes data on the primary": what operators do to a running landscape
 * (add models, rules, settings) as a new generation of its database, so a
 * test can tell whether a secondary has caught up. Leaves the rest of the
 * database (handle, origin, map) as it is and keeps the file's owner.
 * Returns the new generation.
 */
export function changeSimData(specroot: string): string {
  const file = path.join(specroot, SIM_STATE_DIR, 'db');
  const generation = randomBytes(8).toString('hex');
  const stat = fs.statSync(file);
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(line => line !== '');
  const changed = lines.map(line => (line.startsWith('generation=') ? `generation=${generation}` : line));
  if (changed.join('\n') === lines.join('\n')) throw new Error(`no generation line in ${file}`);
  const next = `${file}.changing`;
  fs.writeFileSync(next, `${changed.join('\n')}\n`, { mode: stat.mode % 0o1000 });
  fs.chownSync(next, stat.uid, stat.gid);
  fs.renameSync(next, file);
  return generation;
}

function readLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
}

/**
 * Makes the installer on media made by {@link makeMedia} refuse a host whose
 * SRAdmin daemon is not running (`/etc/init.d/sradmin status`), as the real
 * installer needs SRAdmin on every target.
 */
export function requireSradmin(mediaDir: string): void {
  fs.writeFileSync(path.join(mediaDir, 'sdic', '.sim-require-sradmin'), 'the installer refuses a host without a running SRAdmin\n');
}

/** What the simulated SRAdmin left in its directory (`sradminDir`, the init script's SRADHOME). */
export interface SradminState {
  /** `<dir>/sradmin.exe` is there. */
  readonly installed: boolean;
  readonly running: boolean;
  /** `<dir>/.sim/events.log` lines: `<time> sradmin pid=<pid> user=<user> start|stop|ok now running|...`. */
  readonly events: string[];
}

/** The simulated SRAdmin installed in `dir` (read from outside the host, e.g. through a sandbox host's homeDir). */
export function sradminState(dir: string): SradminState {
  const state = path.join(dir, '.sim', 'state');
  const log = path.join(dir, '.sim', 'events.log');
  return {
    installed: fs.existsSync(path.join(dir, 'sradmin.exe')),
    running: fs.existsSync(state) && fs.readFileSync(state, 'utf8').trim() === 'running',
    events: fs.existsSync(log) ? readLines(log) : [],
  };
}

/** OneClick's web server run state (`running`/`stopped`), or undefined where OneClick is not installed. */
export function webTomcatState(specroot: string): string | undefined {
  const state = path.join(specroot, 'webtomcat', '.sim', 'state');
  return fs.existsSync(state) ? fs.readFileSync(state, 'utf8').trim().split(' ')[0] : undefined;
}

/** The main location server OneClick's running web server started with (read from `LS/.locrc` at its start), or undefined when it is not running. */
export function webTomcatMainLocation(specroot: string): string | undefined {
  const state = path.join(specroot, 'webtomcat', '.sim', 'state');
  const line = fs.existsSync(state) ? fs.readFileSync(state, 'utf8').trim() : '';
  return /^running mls=(\S+)$/.exec(line)?.[1];
}

/** `MAIN_LOCATION_HOST_NAME` of the installation's `$SPECROOT/LS/.locrc` (techdocs 21.2), or undefined when the file or key is missing. */
export function locrcMainLocation(specroot: string): string | undefined {
  const file = path.join(specroot, 'LS', '.locrc');
  if (!fs.existsSync(file)) return undefined;
  return /^\s*MAIN_LOCATION_HOST_NAME\s*=\s*(\S*)/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
}
