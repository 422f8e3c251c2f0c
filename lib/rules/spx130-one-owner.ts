import { findingOf, Rule } from './rule';
import { distributedLabel, distributedMembers, groupBy, listOf, quoted, relativePath } from './support';
import { Finding } from '../model/finding';
import { ServerNode, serversOf, Topology } from '../model/topology';

/**
 * SPX130: every SpectroSERVER of a distributed landscape is installed and run
 * under the same OS user (techdocs 10.4.1, "Setting Up a Distributed
 * SpectroSERVER Environment"). Literal owners only.
 */
export const SPX130: Rule = {
  id: 'SPX130',
  description: 'One install owner for every SpectroSERVER of a distributed landscape',
  help: 'Install every SpectroSERVER of a distributed landscape under the same OS user: set install.owner once on the DistributedLandscape.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const { dss, landscapes } of distributedMembers(topology)) {
      const servers = landscapes.flatMap(l => serversOf(l)).filter(s => !s.install.owner.isToken);
      const byOwner = groupBy(servers, s => s.install.owner.text);
      if (byOwner.size < 2) continue;
      const owners = [...byOwner].map(([owner, owned]: [string, ServerNode[]]) =>
        `${quoted(owner)} (for ${listOf(owned.slice(0, 5).map(s => quoted(relativePath(s, dss))), owned.length)})`);
      findings.push(findingOf(this, dss,
        `${distributedLabel(dss)}: its SpectroSERVERs have different install owners: ${listOf(owners)}`,
        'install every SpectroSERVER of a distributed landscape under the same owner (set install.owner once on the distributed landscape)'));
    }
    return findings;
  },
};
