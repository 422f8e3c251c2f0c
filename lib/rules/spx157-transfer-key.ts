import { findingOf, Rule } from './rule';
import { perLandscapeOrServer } from './support';
import { Finding } from '../model/finding';
import { ConnectionFacts, Topology } from '../model/topology';

const FIX = 'set connection.privateKeyFile to the key\'s path on the machine that runs Terraform (privateKey may stay for the steps on the hosts), or agent: true to use its SSH agent';

const PROBLEM = 'the SSH connection gives the private key only as content (privateKey), which the transfer step cannot use: '
  + 'it copies the savefile with ssh from the machine that runs Terraform, and the key would have to pass through that machine\'s environment or disk';

/** Whether the transfer's ssh (on the machine that runs Terraform) has no key it may use. */
function keyOnlyAsContent(connection: ConnectionFacts): boolean {
  return connection.hasPrivateKey && !connection.hasPrivateKeyFile && !connection.agent;
}

/**
 * SPX157: every server that takes part in a savefile transfer (the primary
 * and the secondaries of a landscape with secondaries) can be reached by
 * the transfer's ssh without handing it the key's content. The transfer
 * runs as `local-exec` on the machine that runs Terraform and authenticates
 * with the user's key file or SSH agent only (docs/transfer.md); inline key
 * content would have to travel through the local-exec environment, where
 * Terraform does not treat it as a secret, or be written to disk.
 */
export const SPX157: Rule = {
  id: 'SPX157',
  description: 'Servers a savefile is transferred between are reached with a key file or the SSH agent, not key content only',
  help: 'The transfer step copies the savefile with ssh from the machine that runs Terraform, which never receives key content: set connection.privateKeyFile to the key\'s path there (privateKey may stay for the steps on the hosts), or agent: true to use its SSH agent.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      if (landscape.secondaries.length === 0) continue;
      const placements = perLandscapeOrServer(landscape, s => (keyOnlyAsContent(s.connection) ? PROBLEM : undefined), p => p);
      for (const { element, subject, problem } of placements) {
        findings.push(findingOf(this, element, `${subject}: ${problem}`, FIX));
      }
    }
    return findings;
  },
};
