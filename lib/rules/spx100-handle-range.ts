import { findingOf, Rule } from './rule';
import { landscapeLabel, quoted } from './support';
import { Finding } from '../model/finding';
import { isLegacyHandle } from '../model/landscape-handle';
import { Topology } from '../model/topology';

/** SPX100: the LH is a legal legacy handle (KB 49367, KB 9905; docs/spectrum-facts.md). */
export const SPX100: Rule = {
  id: 'SPX100',
  description: 'A landscape handle is a multiple of 0x100000 in 0x100000..0xFFE00000',
  help: 'Use a legacy landscape handle: a multiple of 0x100000 from 0x100000 to 0xFFE00000, e.g. LandscapeHandle.of(0x400000) or LandscapeHandle.fromLandscapeNumber(16).',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      const { value, text } = landscape.handle;
      if (isLegacyHandle(value)) continue;
      const problem = Number.isNaN(value)
        ? `handle ${quoted(text)} is not a number`
        : `handle ${quoted(text)} is not a multiple of 0x100000 between 0x100000 and 0xffe00000`;
      findings.push(findingOf(this, landscape, `${landscapeLabel(landscape)}: ${problem}`,
        'use a legacy handle such as 0x100000, 0x400000 or LandscapeHandle.fromLandscapeNumber(16)'));
    }
    return findings;
  },
};
