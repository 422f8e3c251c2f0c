import { changedByPolicy, Policy } from './policy';
import { Finding } from '../model/finding';

/**
 * The organisation policy of each stack that has a SpectrumPolicy aspect,
 * set when the aspect visits the stack (before any construct inside it, as
 * cdktf visits the tree top-down). The registry's own annotator asks
 * `reportedByStackPolicy` so that a finding the policy changes (new
 * severity, `off`, acknowledged) is reported once, by the aspect, as the
 * policy says. Internal.
 */
const policies = new WeakMap<object, Policy>();

/** Records `policy` as the policy of `stack`. */
export function setStackPolicy(stack: object, policy: Policy): void {
  policies.set(stack, policy);
}

/** The policy of `stack`, if a SpectrumPolicy aspect visited it. */
export function stackPolicyOf(stack: object): Policy | undefined {
  return policies.get(stack);
}

/** True when the SpectrumPolicy of `stack` reports `finding` itself (or not at all). */
export function reportedByStackPolicy(stack: object, finding: Finding): boolean {
  const policy = policies.get(stack);
  return policy !== undefined && changedByPolicy(policy, finding);
}
