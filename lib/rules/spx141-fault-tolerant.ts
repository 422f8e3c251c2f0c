import { findingOf, Rule } from './rule';
import { landscapeLabel, quoted } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/** SPX141 (warning): a landscape without secondaries has no failover (KB 9404). */
export const SPX141: Rule = {
  id: 'SPX141',
  description: 'A landscape without secondaries is not fault tolerant',
  help: 'Add a secondary SpectroSERVER on another host (secondaries: [{ host: ..., precedence: 20 }] or addSecondary()).',
  severity: 'warning',
  check(topology: Topology): Finding[] {
    return topology.landscapes
      .filter(landscape => landscape.secondaries.length === 0)
      .map(landscape => findingOf(this, landscape,
        `${landscapeLabel(landscape)}: only the primary ${quoted(landscape.primary.name)} and no secondary, so it is not fault tolerant`,
        'add a secondary SpectroSERVER on another host (secondaries: [{ host: ..., precedence: 20 }] or addSecondary())'));
  },
};
