import { findingOf, Rule } from './rule';
import { oneClickLabel, perLandscapeOrServer, shown } from './support';
import { Finding } from '../model/finding';
import { ConnectionFacts, Located, Topology } from '../model/topology';

const FIX = 'set connection.hostKey (and bastionHostKey with a bastion) to the public host key, e.g. \'ssh-ed25519 AAAA...\'';

/** Which host identities the connection does not verify, for the message. */
function unverified(connection: ConnectionFacts): string | undefined {
  const missing: string[] = [];
  if (!connection.hasHostKey) missing.push('no hostKey');
  if (connection.bastionHost && !connection.bastionHasHostKey) missing.push(`no bastionHostKey for bastion ${shown(connection.bastionHost)}`);
  return missing.length === 0 ? undefined : missing.join(' and ');
}

/**
 * SPX151 (warning): an SSH connection without a host key (or a bastion
 * without one) does not verify whom it talks to.
 */
export const SPX151: Rule = {
  id: 'SPX151',
  description: 'An SSH connection has a host key: host identity is verified',
  help: 'Set connection.hostKey (and bastionHostKey with a bastion) to the public host key, e.g. "ssh-ed25519 AAAA...".',
  severity: 'warning',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    const report = (element: Located, subject: string, missing: string): void => {
      findings.push(findingOf(this, element, `${subject}: the SSH connection has ${missing}, so the host identity is not verified`, FIX));
    };
    for (const landscape of topology.landscapes) {
      for (const { element, subject, problem } of perLandscapeOrServer(landscape, s => unverified(s.connection), p => p)) {
        report(element, subject, problem);
      }
    }
    for (const oneClick of topology.oneClicks) {
      const missing = unverified(oneClick.connection);
      if (missing) report(oneClick, oneClickLabel(oneClick), missing);
    }
    return findings;
  },
};
