import { findingOf, Rule } from './rule';
import { oneClickLabel, perLandscapeOrServer, shown } from './support';
import { Finding } from '../model/finding';
import { InstallFacts, Topology } from '../model/topology';

const FIX = 'set install.ownerPassword (a sensitive TerraformVariable or a secret from another resource), or drop mediaPath to configure an existing installation';

/** The media path of an installation that has no owner password. */
function missingPassword(install: InstallFacts): string | undefined {
  return install.mediaPath && !install.hasOwnerPassword ? shown(install.mediaPath) : undefined;
}

/**
 * SPX133: installing from media (`mediaPath`) needs the owner's password:
 * the silent installer reads it from its `.pw` file.
 */
export const SPX133: Rule = {
  id: 'SPX133',
  description: 'An installation from media (mediaPath) has an owner password',
  help: 'Installing from media needs install.ownerPassword: pass a sensitive TerraformVariable or a secret from another resource.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      for (const { element, subject, problem } of perLandscapeOrServer(landscape, s => missingPassword(s.install), p => p)) {
        findings.push(findingOf(this, element, `${subject}: installs from media path ${problem} without an owner password`, FIX));
      }
    }
    for (const oneClick of topology.oneClicks) {
      const problem = missingPassword(oneClick.install);
      if (problem) {
        findings.push(findingOf(this, oneClick, `${oneClickLabel(oneClick)}: installs from media path ${problem} without an owner password`, FIX));
      }
    }
    return findings;
  },
};
