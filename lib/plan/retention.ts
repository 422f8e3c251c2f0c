import { literal } from './shell';
import { StepScript } from './step-script';
import { checks } from './value-checks';
import { DEFAULTS } from '../model/defaults';

/**
 * How many copies of each kind of file a server keeps when the code sets no
 * `retain` (savefiles, databases saved aside before a load, `.bak` copies):
 * the current one and two older ones to go back to.
 */
export const DEFAULT_RETAIN: number = DEFAULTS.retain;

/**
 * Declares `RETAIN` for the script's `prune_old` calls (lib/plan/script-prelude.ts).
 * A setting, not a trigger input: a new retention re-runs no step.
 */
export function declareRetention(script: StepScript, retain: number = DEFAULT_RETAIN): StepScript {
  return script.setting('RETAIN', literal(String(retain)), checks.count);
}
