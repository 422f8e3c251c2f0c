import { findingOf, Rule } from './rule';
import { landscapeLabel, shown } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';
import { MAX_RETAIN, RESEED } from '../model/value-kinds';

/** How to fix a bad `retain` (also said by the estate file's checks, lib/estate). */
export const RETAIN_FIX = 'set retain to how many copies of each file a server keeps, at least 1 (the newest copy is never removed), e.g. 3; or leave it unset';
/** How to fix a bad literal `reseed` (also said by the estate file's checks, lib/estate). */
export const RESEED_FIX = 'use a date, a run id or a commit as the re-seed value, e.g. reseed: \'2026-12-01\'';

/**
 * SPX143: the seeding lifecycle's settings are usable. `retain` (how many
 * savefiles, databases saved aside and `.bak` copies each server keeps) is
 * a whole number of at least 1, so the newest copy is never removed; a
 * literal `reseed` is a short label the savefile script accepts (a token is
 * checked by the script when Terraform applies).
 */
export const SPX143: Rule = {
  id: 'SPX143',
  description: 'retain is a whole number of at least 1; reseed is a short label',
  help: 'Set retain to a whole number of at least 1 (default 3) and reseed to a short label such as a date or a run id (docs/reseed.md).',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      const retain = landscape.retain;
      if (retain !== undefined && !(Number.isInteger(retain) && retain >= 1 && retain <= MAX_RETAIN)) {
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: retain ${Number.isNaN(retain) ? '(not a literal number)' : retain} is not a whole number from 1 to ${MAX_RETAIN}`,
          RETAIN_FIX));
      }
      const reseed = landscape.reseed;
      if (reseed && !reseed.isToken && !RESEED.test(reseed.text)) {
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: reseed ${shown(reseed)} is not a label of at most 128 letters, digits, spaces and . _ : + @ / -`,
          RESEED_FIX));
      }
    }
    return findings;
  },
};
