import { findingOf, Rule } from './rule';
import { serverLabel } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * SPX152 (warning): the destroy-time `deregister` step runs `MapUpdate` on
 * the primary, and Terraform lets destroy-time provisioners reference only
 * their own resource: a private key given as content (a variable) cannot
 * reach them, so the plan falls back to the SSH agent there.
 */
export const SPX152: Rule = {
  id: 'SPX152',
  description: 'The primary of a landscape with secondaries is reachable at destroy time (key file or SSH agent)',
  severity: 'warning',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      if (landscape.secondaries.length === 0 || !landscape.primary.connection.keyContentOnly) continue;
      findings.push(findingOf(this, landscape.primary,
        `${serverLabel(landscape.primary, landscape)}: the SSH key is given only as privateKey content, which Terraform does not allow in destroy-time steps, so removing a secondary runs MapUpdate on the primary through the SSH agent`,
        'set connection.privateKeyFile (a path on the machine that runs Terraform) or connection.agent for the primary, or make sure an SSH agent holds the key when you remove secondaries'));
    }
    return findings;
  },
};
