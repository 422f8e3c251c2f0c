import { findingOf, Rule } from './rule';
import { groupBy, isValidPrecedence, landscapeLabel, listOf, quoted } from './support';
import { Finding } from '../model/finding';
import { serversOf, Topology } from '../model/topology';

/**
 * SPX111: precedences differ within a landscape (KB 9404). Precedences that
 * are not positive integers are left to SPX110.
 */
export const SPX111: Rule = {
  id: 'SPX111',
  description: 'Precedences differ within a fault-tolerant landscape',
  help: 'Give each server of a fault-tolerant landscape its own precedence, e.g. 10 for the primary, 20 and 30 for the secondaries (KB 9404).',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      const valid = serversOf(landscape).filter(s => isValidPrecedence(s.precedence));
      for (const [precedence, servers] of groupBy(valid, s => s.precedence)) {
        if (servers.length < 2) continue;
        const names = listOf(servers.map(s => quoted(s.name)));
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: precedence ${precedence} is used by ${servers.length === 2 ? 'both ' : ''}${names}`,
          'give each server of a fault-tolerant landscape its own precedence (e.g. 20 and 30)'));
      }
    }
    return findings;
  },
};
