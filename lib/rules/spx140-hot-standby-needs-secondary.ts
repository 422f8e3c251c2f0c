import { findingOf, Rule } from './rule';
import { landscapeLabel } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * SPX140 (warning): HOT standby (`secondary_polling=yes` on the primary)
 * only changes how secondaries poll; without a secondary it does nothing.
 */
export const SPX140: Rule = {
  id: 'SPX140',
  description: 'HOT standby on a landscape without secondaries has no effect',
  help: 'HOT standby only changes how secondaries poll: add a secondary, or leave standbyMode at StandbyMode.WARM.',
  severity: 'warning',
  check(topology: Topology): Finding[] {
    return topology.landscapes
      .filter(landscape => landscape.standbyMode === 'HOT' && landscape.secondaries.length === 0)
      .map(landscape => findingOf(this, landscape,
        `${landscapeLabel(landscape)}: standby mode HOT has no effect on a landscape without secondaries`,
        'add a secondary SpectroSERVER, or leave standbyMode at StandbyMode.WARM'));
  },
};
