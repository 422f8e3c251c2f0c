import { findingOf, Rule } from './rule';
import { quoted, serverLabel } from './support';
import { Finding } from '../model/finding';
import { serversOf, Topology } from '../model/topology';
import {
  isManagedVnmrcKey, isVnmrcKey, managedVnmrcEntries, VNMRC_VALUE_MAX_LENGTH,
} from '../model/vnmrc-keys';

const KEY_FIX = 'use a key of letters, digits, "_" and "." that starts with a letter or "_" (e.g. vnm_message_timeout)';
const VALUE_FIX = `give a single-line value (no CR, LF or NUL) of at most ${VNMRC_VALUE_MAX_LENGTH} characters`;
const MANAGED_FIX = 'remove it from vnmrc: the plan sets it from standbyMode (StandbyMode.HOT or StandbyMode.WARM) on the primary only';

/** Why a value is not accepted, or undefined. */
function valueProblem(value: string): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (/[\r\n]/.test(value)) return 'contains a line break';
  if (value.includes('\0')) return 'contains a NUL character';
  if (value.length > VNMRC_VALUE_MAX_LENGTH) return `is ${value.length} characters long`;
  return undefined;
}

/**
 * SPX160: `.vnmrc` entries are `key=value` lines: keys are identifiers,
 * values one line of at most 1024 characters. Managed keys are not
 * contradicted: `secondary_polling` follows the standby mode on the primary
 * (`yes` for HOT, `no` for WARM) and is not set on a secondary.
 */
export const SPX160: Rule = {
  id: 'SPX160',
  description: '.vnmrc keys are identifiers and values single lines; managed keys are not contradicted',
  help: 'Use identifiers as .vnmrc keys and single-line values; leave secondary_polling to standbyMode.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      for (const server of serversOf(landscape)) {
        const subject = serverLabel(server, landscape);
        const managed = managedVnmrcEntries(server.role, landscape.standbyMode);
        for (const [key, value] of Object.entries(server.vnmrc)) {
          if (!isVnmrcKey(key)) {
            findings.push(findingOf(this, server, `${subject}: vnmrc key ${quoted(key)} is not an identifier`, KEY_FIX));
            continue;
          }
          const problem = valueProblem(value);
          if (problem !== undefined) {
            findings.push(findingOf(this, server, `${subject}: vnmrc value of ${quoted(key)} ${problem}`, VALUE_FIX));
            continue;
          }
          if (!isManagedVnmrcKey(key)) continue;
          const expected = Object.prototype.hasOwnProperty.call(managed, key) ? managed[key] : undefined;
          if (expected === value) continue;
          const contradiction = expected === undefined
            ? `vnmrc sets ${key} ${quoted(value)} on a secondary, but ${key} is managed on the primary from the standby mode (${landscape.standbyMode})`
            : `vnmrc sets ${key} ${quoted(value)}, but the landscape's standby mode ${landscape.standbyMode} sets ${key}=${expected}`;
          findings.push(findingOf(this, server, `${subject}: ${contradiction}`, MANAGED_FIX));
        }
      }
    }
    return findings;
  },
};
