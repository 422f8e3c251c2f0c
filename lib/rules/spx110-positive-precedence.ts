import { findingOf, Rule } from './rule';
import { isValidPrecedence, serverLabel } from './support';
import { Finding } from '../model/finding';
import { serversOf, Topology } from '../model/topology';
import { MAX_PRECEDENCE } from '../model/value-kinds';

/**
 * SPX110: every SpectroSERVER's precedence is a positive integer of at most
 * MAX_PRECEDENCE (`SSdbload -add <P>`): the PRECEDENCE value kind, which the
 * load and deregister scripts check too.
 */
export const SPX110: Rule = {
  id: 'SPX110',
  description: `A precedence is a positive integer (at most ${MAX_PRECEDENCE})`,
  help: 'Set precedence to a positive integer; the default primary is 10, secondaries 20, 30, ...',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      for (const server of serversOf(landscape)) {
        if (isValidPrecedence(server.precedence)) continue;
        findings.push(findingOf(this, server,
          `${serverLabel(server, landscape)}: precedence ${server.precedence} is not a whole number from 1 to ${MAX_PRECEDENCE}`,
          `use a whole number from 1 to ${MAX_PRECEDENCE}: 10 for the primary and 20, 30, ... for the secondaries by default`));
      }
    }
    return findings;
  },
};
