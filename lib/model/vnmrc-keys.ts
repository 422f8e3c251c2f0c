import { hasLineBreakOrNul, utf8Length } from './text-measure';
import { Role, Standby } from './topology';

/**
 * `$SPECROOT/SS/.vnmrc` entries as the rules (SPX160) and the shell layer
 * accept them. Pure.
 *
 * Internal (not part of the jsii API).
 */

/**
 * Keys the plan writes itself, derived from the topology: a user value for
 * them is rejected by SPX160 unless it says the same.
 * `secondary_polling`: `yes` on the primary for HOT standby, `no` for WARM
 * (KB 9404; docs/spectrum-facts.md, "Files").
 */
export const MANAGED_VNMRC_KEYS: readonly string[] = ['secondary_polling'];

/** A `.vnmrc` key: an identifier, dots allowed after the first character, at most 128 characters. */
export const VNMRC_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]{0,127}$/;

/** Longest accepted `.vnmrc` value, in UTF-8 bytes (as the scripts count it). */
export const VNMRC_VALUE_MAX_LENGTH = 1024;

/** Whether `key` may be written to `.vnmrc`. */
export function isVnmrcKey(key: string): boolean {
  return typeof key === 'string' && VNMRC_KEY_PATTERN.test(key);
}

/** Whether `value` may be written to `.vnmrc`: one line (no CR, LF or NUL), at most 1024 bytes. */
export function isVnmrcValue(value: string): boolean {
  return typeof value === 'string' && !hasLineBreakOrNul(value) && utf8Length(value) <= VNMRC_VALUE_MAX_LENGTH;
}

/** Whether the plan manages `key` itself (see MANAGED_VNMRC_KEYS). */
export function isManagedVnmrcKey(key: string): boolean {
  return MANAGED_VNMRC_KEYS.includes(key);
}

/**
 * The managed entries of a server's `.vnmrc`: on the primary,
 * `secondary_polling` is `yes` for HOT standby and `no` for WARM; a secondary
 * has none (the key only has a meaning in the primary's file).
 */
export function managedVnmrcEntries(role: Role, standby: Standby): Readonly<Record<string, string>> {
  if (role !== 'PRIMARY') return {};
  return { secondary_polling: standby === 'HOT' ? 'yes' : 'no' };
}
