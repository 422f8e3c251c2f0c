import { findingOf, Rule } from './rule';
import { isValidPrecedence, serverLabel } from './support';
import { Finding } from '../model/finding';
import { serversOf, Topology } from '../model/topology';

/** SPX110: every SpectroSERVER's precedence is a positive integer (`SSdbload -add <P>`). */
export const SPX110: Rule = {
  id: 'SPX110',
  description: 'A precedence is a positive integer',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      for (const server of serversOf(landscape)) {
        if (isValidPrecedence(server.precedence)) continue;
        findings.push(findingOf(this, server,
          `${serverLabel(server, landscape)}: precedence ${server.precedence} is not a positive integer`,
          'use a whole number above 0: 10 for the primary and 20, 30, ... for the secondaries by default'));
      }
    }
    return findings;
  },
};
