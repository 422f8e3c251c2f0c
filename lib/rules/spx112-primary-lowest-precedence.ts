import { findingOf, Rule } from './rule';
import { isValidPrecedence, listOf, quoted, serverLabel } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * SPX112: the primary has the strictly lowest precedence of its landscape
 * (techdocs 10.3.1: the lowest precedence is the primary). Only valid,
 * distinct precedences are compared: the others are SPX110's and SPX111's.
 */
export const SPX112: Rule = {
  id: 'SPX112',
  description: 'The primary has the lowest precedence of its landscape',
  help: 'Give the primary the lowest precedence of its landscape, or make the server with the lowest precedence the primary.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      const primary = landscape.primary;
      if (!isValidPrecedence(primary.precedence)) continue;
      const lower = landscape.secondaries.filter(s => isValidPrecedence(s.precedence) && s.precedence < primary.precedence);
      if (lower.length === 0) continue;
      const names = listOf(lower.map(s => `${quoted(s.name)} (${s.precedence})`));
      findings.push(findingOf(this, primary,
        `${serverLabel(primary, landscape)}: precedence ${primary.precedence} is not the lowest: `
        + `${lower.length === 1 ? 'secondary' : 'secondaries'} ${names} ${lower.length === 1 ? 'has' : 'have'} a lower one`,
        'give the primary the lowest precedence of its landscape (by default 10, and 20, 30, ... for the secondaries)'));
    }
    return findings;
  },
};
