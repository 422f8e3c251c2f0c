/**
 * A fake `$SPECROOT` for running generated scripts locally: the SpectroSERVER
 * is a real process (a copy of sleep(1) at `SS/SpectroSERVER`, which is what
 * the scripts' `ss_running` looks for), the tools log their calls, and knobs
 * make a tool fail once, kill the script that runs it, or wait half-way.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'fs';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';
import { InstallInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';

export interface FakeSpecroot {
  readonly root: string;
  readonly install: InstallInput;
  /** Tool calls in order: `startSS.pl`, `SSdbload -ilq -add 20 ...`, ... */
  calls(): string[];
  /** Whether a SpectroSERVER process of this root runs. */
  running(): boolean;
  /** The fake database (`<root>/db`): its content, `''` once wiped. */
  database(): string;
  /** Makes the next run of `tool` fail (after SSdbload has wiped the database). */
  failNext(tool: string): void;
  /** Makes the next run of `tool` kill the script that runs it (SIGKILL to its parent), before it does anything. */
  killCallerNext(tool: string): void;
  /** Makes `tool` (SSdbload, SSdbsave) wait half-way until {@link release}. */
  hold(tool: string): void;
  release(): void;
  /** Whether a held tool has reached its pause. */
  held(): boolean;
  /** Starts the SpectroSERVER (as after an install). */
  start(): void;
  /** Kills every SpectroSERVER process of this root. */
  cleanup(): void;
}

const TOOL_PRELUDE = (root: string, tool: string) => `#!/bin/bash
root=${JSON.stringify(root)}
printf '%s\\n' "${tool}\${*:+ $*}" >> "$root/calls.log"
if [ -f "$root/kill-caller-${tool}" ]; then rm -f "$root/kill-caller-${tool}"; kill -KILL "$PPID"; exit 1; fi
program="$root/SS/SpectroSERVER"
pids() { for pid in $(pgrep -x SpectroSERVER || true); do [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" != "$program" ] || echo "$pid"; done; }
fail_once() { if [ -f "$root/fail-${tool}" ]; then rm -f "$root/fail-${tool}"; echo "${tool}: simulated failure" >&2; exit 1; fi; }
hold() { if [ -f "$root/hold-${tool}" ]; then : > "$root/held"; while [ -f "$root/hold-${tool}" ]; do sleep 0.05; done; fi; }
busy() { : > "$root/busy"; trap 'rm -f "$root/busy"' EXIT; }
`;

const TOOLS: { [tool: string]: string } = {
  'bin/startSS.pl': `fail_once
if [ -f "$root/busy" ]; then echo "startSS.pl: STARTED WHILE A DATABASE TOOL RUNS" >> "$root/calls.log"; exit 1; fi
[ -n "$(pids)" ] || setsid -f "$program" 100000 </dev/null >/dev/null 2>&1
for _ in $(seq 100); do [ -z "$(pids)" ] || exit 0; sleep 0.02; done; exit 1
`,
  'bin/stopSS.pl': `fail_once
for pid in $(pids); do kill -KILL "$pid"; done
for _ in $(seq 100); do [ -n "$(pids)" ] || exit 0; sleep 0.02; done; exit 1
`,
  'SS-Tools/SSdbsave': `[ -z "$(pids)" ] || { echo "SSdbsave: the SpectroSERVER is running" >&2; exit 1; }
busy
file="\${@: -1}.SSdb"
head -c 3 "$root/db" > "$file"
hold
fail_once
cp "$root/db" "$file"
`,
  'SS-Tools/SSdbload': `[ -z "$(pids)" ] || { echo "SSdbload: the SpectroSERVER is running" >&2; exit 1; }
busy
case "$1" in -i*) : > "$root/db" ;; esac
hold
fail_once
cp "\${@: -1}" "$root/db"
`,
  'SS-Tools/MapUpdate': `# Reads its stdin, as a tool may: inside a loop it must not get the loop's input.
cat > /dev/null
`,
};

export function fakeSpecroot(): FakeSpecroot {
  const root = join(mkdtempSync(join(tmpdir(), 'spx-')), 'Spectrum');
  mkdirSync(join(root, 'SS'), { recursive: true });
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'SS-Tools'));
  execFileSync('install', ['-m', '0755', execFileSync('bash', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim(), join(root, 'SS', 'SpectroSERVER')]);
  for (const [tool, body] of Object.entries(TOOLS)) {
    writeFileSync(join(root, tool), TOOL_PRELUDE(root, tool.split('/')[1]) + body, { mode: 0o755 });
  }
  writeFileSync(join(root, 'db'), 'generation=original\n');
  const program = join(root, 'SS', 'SpectroSERVER');
  const pids = () => readdirSync('/proc').filter(p => /^\d+$/.test(p)).filter(p => {
    try {
      return readlinkSync(`/proc/${p}/exe`) === program;
    } catch {
      return false;
    }
  });
  const fake: FakeSpecroot = {
    root,
    install: { installDir: literal(root), owner: literal(userInfo().username), excludeParts: [], updates: [] },
    calls: () => (existsSync(join(root, 'calls.log')) ? readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n') : []),
    running: () => pids().length > 0,
    database: () => readFileSync(join(root, 'db'), 'utf8'),
    failNext: tool => writeFileSync(join(root, `fail-${tool}`), ''),
    killCallerNext: tool => writeFileSync(join(root, `kill-caller-${tool}`), ''),
    hold: tool => writeFileSync(join(root, `hold-${tool}`), ''),
    release: () => {
      for (const f of readdirSync(root).filter(name => name.startsWith('hold-'))) execFileSync('rm', ['-f', join(root, f)]);
    },
    held: () => existsSync(join(root, 'held')),
    start: () => {
      spawnSync('setsid', ['-f', program, '100000'], { stdio: 'ignore' });
      while (!fake.running()) spawnSync('sleep', ['0.02']);
    },
    cleanup: () => {
      for (const pid of pids()) process.kill(Number(pid), 'SIGKILL');
    },
  };
  return fake;
}
