/**
 * The simulator's fixed step time ($SPECROOT/.sim-step-seconds, used by
 * `npm run bench:deploy`): a tool takes that time in all, its own work
 * included, so that 34 simulated hosts sharing two cores do not make each
 * installer slower than one would be on its own host. Asserted on what the
 * tool asks `sleep` for (a stand-in records its argument), never on a clock.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SIMLIB = path.resolve(__dirname, 'simulator/media/sdic/templates/simlib.sh');

/**
 * Sources simlib.sh in bash as a tool does, pretends the tool started
 * `workedSeconds` ago, and returns what sim_step_delay passed to sleep
 * ('' when it did not sleep).
 */
function sleepRequested(stepSeconds: string | undefined, workedSeconds: number): string {
  const specroot = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-step-time-'));
  try {
    if (stepSeconds !== undefined) fs.writeFileSync(path.join(specroot, '.sim-step-seconds'), `${stepSeconds}\n`);
    const script = [
      'SIM_TOOL=test',
      `. ${JSON.stringify(SIMLIB)}`,
      `SIM_STARTED_US=$((10#\${EPOCHREALTIME//[!0-9]/} - ${Math.round(workedSeconds * 1e6)}))`,
      'sleep() { printf "%s" "$1"; }',
      'sim_step_delay',
    ].join('\n');
    const result = spawnSync('bash', ['-c', script], { env: { ...process.env, SPECROOT: specroot, LC_ALL: 'C' }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bash failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  } finally {
    fs.rmSync(specroot, { recursive: true, force: true });
  }
}

describe('simulator step time', () => {
  test('a tool that worked 1 s of a 5 s step sleeps the 4 s left, not 5 s more', () => {
    const asked = Number(sleepRequested('5', 1));
    expect(asked).toBeGreaterThan(3.9);
    expect(asked).toBeLessThanOrEqual(4);
  });

  test('fractions of a second count', () => {
    const asked = Number(sleepRequested('2.5', 0.25));
    expect(asked).toBeGreaterThan(2.15);
    expect(asked).toBeLessThanOrEqual(2.25);
  });

  test('a tool whose work took longer than the step does not sleep at all', () => {
    expect(sleepRequested('2', 3)).toBe('');
  });

  test('no step time, or one that is not a number of seconds: no sleep', () => {
    expect(sleepRequested(undefined, 0)).toBe('');
    expect(sleepRequested('soon', 0)).toBe('');
    expect(sleepRequested('1e3', 0)).toBe('');
  });
});
