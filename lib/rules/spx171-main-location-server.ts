import { findingOf, Rule } from './rule';
import { distributedMembers, landscapeLabel, oneClickLabel, quoted, relativePath, shown } from './support';
import { Finding } from '../model/finding';
import { sameHost } from '../model/host-name';
import { Located, MaybeToken, Topology } from '../model/topology';

/**
 * SPX171: in a distributed landscape, the main location server of every
 * landscape and of every OneClick server is the master primary's host
 * (techdocs 10.4.1). Literal hosts compare case-insensitively; a token must
 * be the very same token. Skipped when the DSS has no master (SPX170).
 */
export const SPX171: Rule = {
  id: 'SPX171',
  description: 'In a distributed landscape, every main location server is the master primary',
  help: 'Leave mainLocationServer unset: it defaults to the master primary of the distributed landscape.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const { dss, master, landscapes, oneClicks } of distributedMembers(topology)) {
      if (!master) continue;
      const expected = master.primary.host;
      const masterName = quoted(relativePath(master.primary, dss));
      const checkMls = (element: Located, subject: string, mls: MaybeToken): void => {
        if (sameHost(mls, expected)) return;
        findings.push(findingOf(this, element,
          `${subject}: main location server ${shown(mls)} is not the master primary ${masterName} on ${shown(expected)}`,
          'leave mainLocationServer unset (it defaults to the master primary) or set it to the master primary\'s host'));
      };
      for (const landscape of landscapes) checkMls(landscape, landscapeLabel(landscape), landscape.mainLocationServer);
      for (const oneClick of oneClicks) checkMls(oneClick, oneClickLabel(oneClick), oneClick.mainLocationServer);
    }
    return findings;
  },
};
