import { findingOf, Rule } from './rule';
import { groupBy, listOf, oneClickLabel, othersIn, qualifiedPath, quoted, serverLabel } from './support';
import { Finding } from '../model/finding';
import { canonicalHost } from '../model/host-name';
import { LandscapeNode, OneClickNode, ServerNode, serversOf, Topology } from '../model/topology';

interface Placed {
  readonly server: ServerNode;
  readonly landscape: LandscapeNode;
}

/**
 * SPX121: no host runs two SpectroSERVERs, across the whole app; in
 * particular the primary and the secondaries of a landscape are on different
 * hosts (KB 9404). Two OneClick servers on one host are an error too; a
 * OneClick server may share its host with a SpectroSERVER. Literal hosts
 * only, compared in canonical form (names case-insensitively, IPv6 however
 * it is spelled, an IPv4-mapped IPv6 address as its IPv4 address): tokens
 * are unknown until apply.
 */
export const SPX121: Rule = {
  id: 'SPX121',
  description: 'No host runs two SpectroSERVERs (or two OneClick servers); primary and secondaries are on different hosts',
  help: 'Put every SpectroSERVER on a host of its own: a primary and its secondaries must run on different hosts.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];

    const servers: Placed[] = [];
    for (const landscape of topology.landscapes) {
      for (const server of serversOf(landscape)) {
        if (!server.host.isToken) servers.push({ server, landscape });
      }
    }
    for (const group of groupBy(servers, p => canonicalHost(p.server.host.text)).values()) {
      if (group.length < 2) continue;
      const perLandscape = groupBy(group, p => p.landscape);
      for (const placed of group) {
        const { server, landscape } = placed;
        const others = othersIn(group, placed, p => quoted(qualifiedPath(p.server)));
        const sameLandscape = perLandscape.get(landscape)!.length > 1;
        findings.push(findingOf(this, server,
          `${serverLabel(server, landscape)}: host ${quoted(server.host.text)} also runs SpectroSERVER `
          + `${listOf(others.names, others.total)}${sameLandscape ? ' of the same landscape' : ''}`,
          'run each SpectroSERVER on its own host; the primary and the secondaries of a landscape must be on different hosts'));
      }
    }

    const oneClicks = topology.oneClicks.filter(o => !o.host.isToken);
    for (const group of groupBy(oneClicks, o => canonicalHost(o.host.text)).values()) {
      if (group.length < 2) continue;
      for (const oneClick of group) {
        const others = othersIn(group, oneClick, (o: OneClickNode) => quoted(qualifiedPath(o)));
        findings.push(findingOf(this, oneClick,
          `${oneClickLabel(oneClick)}: host ${quoted(oneClick.host.text)} also runs OneClick server ${listOf(others.names, others.total)}`,
          'run each OneClick server on its own host (a OneClick server may share its host with a SpectroSERVER)'));
      }
    }
    return findings;
  },
};
