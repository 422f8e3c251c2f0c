import { findingOf, Rule } from './rule';
import { groupBy, landscapeLabel, listOf, othersIn, qualifiedPath, quoted } from './support';
import { Finding } from '../model/finding';
import { LEGACY_HANDLES } from '../model/landscape-handle';
import { LandscapeNode, Topology } from '../model/topology';

/**
 * SPX101: landscape handles are unique across a distributed landscape and
 * across the whole app, all stacks together (KB 9404). Malformed handles are
 * left to SPX100.
 */
export const SPX101: Rule = {
  id: 'SPX101',
  description: 'Landscape handles are unique across the distributed landscape and across the whole app (all stacks)',
  help: 'Give every landscape of the app its own handle, across distributed landscapes and stacks (KB 9404: handles must differ in a distributed environment).',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    const withNumber = topology.landscapes.filter(l => !Number.isNaN(l.handle.value));
    const byHandle = groupBy(withNumber, l => l.handle.value);
    let free: string | undefined;
    for (const group of byHandle.values()) {
      if (group.length < 2) continue;
      free ??= freeHandle(byHandle);
      for (const landscape of group) {
        const name = (other: LandscapeNode): string =>
          other.stack === landscape.stack ? quoted(qualifiedPath(other)) : `${quoted(qualifiedPath(other))} (stack ${quoted(other.stack)})`;
        const others = othersIn(group, landscape, name);
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: handle ${landscape.handle.text} is also used by ${listOf(others.names, others.total)}`,
          'give every landscape of the app its own handle, across distributed landscapes and stacks'
          + (free ? ` (e.g. ${free}, which is free)` : '')));
      }
    }
    return findings;
  },
};

/** The lowest legacy handle no landscape uses (at most n + 1 probes). */
function freeHandle(used: ReadonlyMap<number, unknown>): string | undefined {
  for (let value = LEGACY_HANDLES.min; value <= LEGACY_HANDLES.max; value += LEGACY_HANDLES.step) {
    if (!used.has(value)) return `0x${value.toString(16)}`;
  }
  return undefined;
}
