import { findingOf, Rule } from './rule';
import { distributedLabel, distributedMembers, quoted } from './support';
import { Finding } from '../model/finding';
import { LEGACY_HANDLES } from '../model/landscape-handle';
import { Topology } from '../model/topology';

/**
 * SPX170: a distributed landscape has a master landscape (the only one that
 * maps the others, KB 9404), and at most 4094 landscapes: the number of
 * legacy handles.
 */
export const SPX170: Rule = {
  id: 'SPX170',
  description: 'A distributed landscape has a master; at most 4094 legacy landscapes',
  help: 'Give the distributed landscape a master landscape, and at most 4094 landscapes (the legacy handles).',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const { dss, master, landscapes } of distributedMembers(topology)) {
      if (dss.masterPath === undefined) {
        findings.push(findingOf(this, dss, `${distributedLabel(dss)}: has no master landscape`,
          'give the distributed landscape a master (DistributedLandscapeProps.master): it maps every other landscape'));
      } else if (!master) {
        findings.push(findingOf(this, dss, `${distributedLabel(dss)}: its master landscape ${quoted(dss.masterPath)} is not in the topology`,
          'make the master a landscape of this distributed landscape, in the same stack'));
      }
      if (landscapes.length > LEGACY_HANDLES.count) {
        findings.push(findingOf(this, dss,
          `${distributedLabel(dss)}: has ${landscapes.length} landscapes, more than the ${LEGACY_HANDLES.count} legacy landscape handles`,
          `split it into distributed landscapes of at most ${LEGACY_HANDLES.count} landscapes each`));
      }
    }
    return findings;
  },
};
