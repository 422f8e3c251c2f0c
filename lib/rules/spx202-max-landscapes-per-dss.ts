import { findingOf, Rule } from './rule';
import { distributedLabel, distributedMembers } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/** Name of SPX202's parameter in a policy file. */
export const SPX202_PARAMETER = 'maxLandscapes';

/**
 * SPX202 (optional, organisation policy): a distributed landscape has at
 * most `maxLandscapes` landscapes, its master included (an organisation's
 * limit on the blast radius of one main location server).
 */
export function spx202(maxLandscapes: number): Rule {
  return {
    id: 'SPX202',
    description: 'Policy: a distributed landscape has at most the organisation\'s number of landscapes',
    help: 'Organisation policy: split the distributed landscape, or raise maxLandscapes in the policy.',
    severity: 'error',
    optional: true,
    check(topology: Topology): Finding[] {
      const findings: Finding[] = [];
      for (const { dss, landscapes } of distributedMembers(topology)) {
        if (landscapes.length <= maxLandscapes) continue;
        findings.push(findingOf(this, dss,
          `${distributedLabel(dss)}: has ${landscapes.length} landscapes (master included), more than the ${maxLandscapes} the organisation policy allows`,
          `split it into distributed landscapes of at most ${maxLandscapes} landscapes each, or raise ${SPX202_PARAMETER} in the policy`));
      }
      return findings;
    },
  };
}

/** SPX202 with a placeholder limit, for listings (a policy always sets the limit). */
export const SPX202: Rule = spx202(Number.POSITIVE_INFINITY);
