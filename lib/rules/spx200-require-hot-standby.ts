import { findingOf, Rule } from './rule';
import { landscapeLabel } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * SPX200 (optional, organisation policy): every landscape with secondaries
 * runs HOT standby (`secondary_polling=yes` on the primary), so a secondary
 * that takes over already polls every model. Landscapes without secondaries
 * are left to SPX141: HOT standby does nothing there (SPX140).
 */
export const SPX200: Rule = {
  id: 'SPX200',
  description: 'Policy: every landscape with secondaries uses HOT standby',
  help: 'Organisation policy: set standbyMode: StandbyMode.HOT on landscapes with secondaries (or on the DistributedLandscape).',
  severity: 'error',
  optional: true,
  check(topology: Topology): Finding[] {
    return topology.landscapes
      .filter(landscape => landscape.secondaries.length > 0 && landscape.standbyMode !== 'HOT')
      .map(landscape => findingOf(this, landscape,
        `${landscapeLabel(landscape)}: standby mode ${landscape.standbyMode}, but the organisation policy requires HOT standby`,
        'set standbyMode: StandbyMode.HOT on the landscape (or on its DistributedLandscape for every member)'));
  },
};
