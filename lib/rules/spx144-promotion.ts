import { findingOf, Rule } from './rule';
import { landscapeLabel, shown } from './support';
import { Finding } from '../model/finding';
import { MaybeToken, Topology } from '../model/topology';

function sameHost(a: MaybeToken, b: MaybeToken): boolean {
  return a.isToken === b.isToken && (a.isToken ? a.text === b.text : a.text.toLowerCase() === b.text.toLowerCase());
}

/**
 * SPX144: a declared promotion (`promotedFrom`, docs/promotion.md). Rules
 * see one synth, not the previous one, so the code says which host was the
 * primary. Applying it stops that host (KB 49550's first step): a warning.
 * It must still be a secondary of the landscape, or the plan cannot reach it
 * to stop it and both would run as primary; naming the current primary
 * declares no promotion at all: errors.
 */
export const SPX144: Rule = {
  id: 'SPX144',
  description: 'A promotion stops the former primary, which must stay a secondary for the promoting deploy',
  help: 'A promotion stops the former primary (KB 49550): keep it as a secondary for the promoting deploy, deploy in a window, then remove promotedFrom (docs/promotion.md).',
  severity: 'warning',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      const former = landscape.promotedFrom;
      if (!former) continue;
      const label = landscapeLabel(landscape);
      const asSecondary = landscape.secondaries.find(s => sameHost(s.host, former));
      if (asSecondary) {
        findings.push(findingOf(this, landscape,
          `${label}: promotes ${shown(landscape.primary.host)} to primary (precedence ${landscape.primary.precedence}); applying it stops the `
          + `former primary ${shown(former)} (KB 49550), reloads the new primary and re-seeds ${shown(former)} as a secondary `
          + `(precedence ${asSecondary.precedence})`,
          'deploy in a maintenance window, re-seed first if the former primary still runs, point OneClick\'s main location server at the '
          + 'new primary afterwards, then remove promotedFrom (docs/promotion.md)'));
      } else if (sameHost(landscape.primary.host, former)) {
        findings.push(findingOf(this, landscape,
          `${label}: promotedFrom ${shown(former)} is the current primary, so no secondary is promoted`,
          'swap the primary with the secondary to promote, or remove promotedFrom', 'error'));
      } else if (former.isToken || landscape.secondaries.some(s => s.host.isToken)) {
        findings.push(findingOf(this, landscape,
          `${label}: promotedFrom ${shown(former)} matches no literal host of the landscape; cannot tell whether it stays a secondary`,
          'keep the former primary as a secondary for the promoting deploy (the demote step stops it)', 'info'));
      } else {
        findings.push(findingOf(this, landscape,
          `${label}: the former primary ${shown(former)} is not a secondary of the landscape, so the plan cannot stop it and both would `
          + 'run as primary',
          'keep it as a secondary for the promoting deploy and remove it in the next, or stop it by hand and remove promotedFrom', 'error'));
      }
    }
    return findings;
  },
};
