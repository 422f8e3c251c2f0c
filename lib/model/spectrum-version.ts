/**
 * Spectrum versions as the plan compares them. Pure.
 *
 * Internal (not part of the jsii API).
 */
import { VERSION } from './value-kinds';

/** Whether `text` is a version the plan can put into a script and find in `.history` (the VERSION value kind). */
export function isValidVersion(text: string): boolean {
  return typeof text === 'string' && VERSION.test(text);
}

/**
 * Natural order of versions: segments split at `.`, `_` and `-`, numeric
 * segments compared as numbers (`10.4.2` < `10.4.10`), others as text, a
 * version before its own extensions (`10.4.2` < `10.4.2.1`).
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[._-]/);
  const right = b.split(/[._-]/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
