import { findingOf, Rule } from './rule';
import { oneClickLabel, perLandscapeOrServer } from './support';
import { Finding } from '../model/finding';
import { ConnectionFacts, InstallFacts, Located, Topology } from '../model/topology';

const FIX = 'pass it as a sensitive TerraformVariable or a secret from another resource (e.g. a secrets manager data source), never as a literal string';

/** The secrets given as literals, for the message; never their values. */
function literalSecrets(install: InstallFacts, connection: ConnectionFacts): string | undefined {
  const password = install.ownerPasswordIsLiteral;
  const key = connection.privateKeyIsLiteral;
  if (password && key) return 'the install owner\'s password and the SSH private key are literal strings';
  if (password) return 'the install owner\'s password is a literal string';
  if (key) return 'the SSH private key is a literal string';
  return undefined;
}

/**
 * SPX150: passwords and private keys are never literals in the code; a
 * literal would end up in the synthesized JSON and in version control.
 * Messages never show the secret.
 */
export const SPX150: Rule = {
  id: 'SPX150',
  description: 'Passwords and private keys are never literals in the code: tokens and variables only',
  help: 'Pass passwords and private keys as sensitive TerraformVariables or secrets from another resource, never as literal strings in code.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    const report = (element: Located, subject: string, secrets: string): void => {
      findings.push(findingOf(this, element, `${subject}: ${secrets} in the code`, FIX));
    };
    for (const landscape of topology.landscapes) {
      for (const { element, subject, problem } of perLandscapeOrServer(landscape, s => literalSecrets(s.install, s.connection), p => p)) {
        report(element, subject, problem);
      }
    }
    for (const oneClick of topology.oneClicks) {
      const secrets = literalSecrets(oneClick.install, oneClick.connection);
      if (secrets) report(oneClick, oneClickLabel(oneClick), secrets);
    }
    return findings;
  },
};
