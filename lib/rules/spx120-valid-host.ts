import { findingOf, Rule } from './rule';
import { landscapeLabel, oneClickLabel, perLandscapeOrServer, quoted, serverLabel, shown } from './support';
import { Finding } from '../model/finding';
import { Located, MaybeToken, serversOf, Topology } from '../model/topology';
import { HOST } from '../model/value-kinds';

const FIX = 'use a DNS name of letters, digits and hyphens (labels of at most 63 characters, 253 in all) or an IPv4 or IPv6 address';
const TOKEN_FIX = 'its value is checked at apply time: the generated scripts reject anything that is not a host name or an address';

/**
 * SPX120: every literal host is a valid host name (RFC 1123) or IP address:
 * SpectroSERVER and OneClick hosts, bastion hosts and main location servers.
 * A token is noted (info) once per stack and token: it is checked at apply
 * time by the scripts' `is_host`, the same HOST value kind.
 */
export const SPX120: Rule = {
  id: 'SPX120',
  description: 'A literal host is a valid host name or IP address (no spaces, quotes, ";", "$", ...)',
  help: 'Use a host name (letters, digits, hyphens; labels of at most 63 characters) or an IPv4/IPv6 address. Tokens are checked by the scripts at apply time.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    const tokensNoted = new Set<string>();
    const checkHost = (element: Located, subject: string, what: string, host: MaybeToken): void => {
      if (host.isToken) {
        const key = `${element.stack}\u0000${host.text}`;
        if (tokensNoted.has(key)) return;
        tokensNoted.add(key);
        findings.push(findingOf(this, element,
          `${subject}: ${what} ${shown(host)} is a token, so SPX120 is skipped for it`, TOKEN_FIX, 'info'));
      } else if (!HOST.test(host.text)) {
        findings.push(findingOf(this, element,
          `${subject}: ${what} ${quoted(host.text)} is not a valid host name or IP address`, FIX));
      }
    };

    // A main location server is usually a SpectroSERVER's host, checked (and reported) as such already.
    const serverHosts = new Set<string>();
    const checkMls = (element: Located, subject: string, mls: MaybeToken): void => {
      if (mls.isToken || !serverHosts.has(mls.text)) checkHost(element, subject, 'main location server', mls);
    };

    for (const landscape of topology.landscapes) {
      for (const server of serversOf(landscape)) {
        checkHost(server, serverLabel(server, landscape), 'host', server.host);
        if (!server.host.isToken) serverHosts.add(server.host.text);
      }
    }
    for (const landscape of topology.landscapes) {
      // A bastion is usually set once for the landscape: one finding then, not one per server.
      const bastions = perLandscapeOrServer(landscape, s => s.connection.bastionHost, b => `${b.isToken}:${b.text}`);
      for (const { element, subject, problem } of bastions) checkHost(element, subject, 'bastion host', problem);
      checkMls(landscape, landscapeLabel(landscape), landscape.mainLocationServer);
    }
    for (const oneClick of topology.oneClicks) {
      const subject = oneClickLabel(oneClick);
      checkHost(oneClick, subject, 'host', oneClick.host);
      if (oneClick.connection.bastionHost) checkHost(oneClick, subject, 'bastion host', oneClick.connection.bastionHost);
      checkMls(oneClick, subject, oneClick.mainLocationServer);
    }
    return findings;
  },
};
