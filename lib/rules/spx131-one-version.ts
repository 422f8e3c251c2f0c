import { findingOf, Rule } from './rule';
import { distributedLabel, distributedMembers, groupBy, landscapeLabel, listOf, quoted, relativePath } from './support';
import { Finding } from '../model/finding';
import { LandscapeNode, serversOf, Topology } from '../model/topology';

const FIX = 'install the same Spectrum version on every server of a landscape and of a distributed landscape (upgrade them together)';

interface Versioned {
  /** Who has the version, already quoted for the message. */
  readonly who: string;
  readonly version: string;
}

/** `'10.4.1' (on 'a' and 'b') and '10.4.2' (on 'c')` */
function describe(byVersion: Map<string, Versioned[]>): string {
  const parts = [...byVersion].map(([version, holders]) =>
    `${quoted(version)} (on ${listOf(holders.slice(0, 5).map(h => h.who), holders.length)})`);
  return listOf(parts, parts.length);
}

/** The versions given on a landscape's install settings and on its servers. */
function versionsOf(landscape: LandscapeNode): Versioned[] {
  const versions: Versioned[] = [];
  if (landscape.install.version !== undefined) {
    versions.push({ who: 'the landscape\'s install settings', version: landscape.install.version.trim() });
  }
  for (const server of serversOf(landscape)) {
    if (server.install.version !== undefined) versions.push({ who: quoted(server.name), version: server.install.version.trim() });
  }
  return versions;
}

/**
 * SPX131: one Spectrum version per landscape (all servers share the modeling
 * catalog, techdocs 10.3.1) and per distributed landscape, OneClick servers
 * included. A landscape whose own versions differ is reported once, on the
 * landscape, and left out of its distributed landscape's comparison.
 */
export const SPX131: Rule = {
  id: 'SPX131',
  description: 'One Spectrum version per landscape and per distributed landscape',
  help: 'Install the same Spectrum version on every server of a landscape and of a distributed landscape; upgrade them together (KB 144472 gives the order).',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    const mixed = new Set<LandscapeNode>();
    const single = new Map<LandscapeNode, string>();
    for (const landscape of topology.landscapes) {
      const byVersion = groupBy(versionsOf(landscape), v => v.version);
      if (byVersion.size === 1) single.set(landscape, [...byVersion.keys()][0]);
      if (byVersion.size < 2) continue;
      mixed.add(landscape);
      findings.push(findingOf(this, landscape, `${landscapeLabel(landscape)}: Spectrum versions differ: ${describe(byVersion)}`, FIX));
    }
    for (const { dss, landscapes, oneClicks } of distributedMembers(topology)) {
      const versions: Versioned[] = [];
      for (const landscape of landscapes) {
        const version = single.get(landscape);
        if (version !== undefined && !mixed.has(landscape)) versions.push({ who: quoted(relativePath(landscape, dss)), version });
      }
      for (const oneClick of oneClicks) {
        if (oneClick.install.version !== undefined) {
          versions.push({ who: `OneClick ${quoted(relativePath(oneClick, dss))}`, version: oneClick.install.version.trim() });
        }
      }
      const byVersion = groupBy(versions, v => v.version);
      if (byVersion.size < 2) continue;
      findings.push(findingOf(this, dss, `${distributedLabel(dss)}: Spectrum versions differ: ${describe(byVersion)}`, FIX));
    }
    return findings;
  },
};
