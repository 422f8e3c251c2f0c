import { isAdjustable } from './known-rules';
import { Finding, Severity } from '../model/finding';
import { configureOptionalRule, OPTIONAL_RULES } from '../rules/optional-catalogue';
import { Rule } from '../rules/rule';

/**
 * An organisation policy, as the policy file and the SpectrumPolicy aspect
 * give it: which optional rules run, which severities change, and which
 * findings are acknowledged (suppressed, always with a reason). Pure.
 *
 * What a policy can do:
 * - turn on an optional rule (SPX2nn), with its parameters;
 * - raise any finding, e.g. SPX141 (no secondary) to an error;
 * - lower or turn off (`off`) warnings and notes;
 * - acknowledge warnings and notes with a reason (a suppression).
 * Errors of the rule catalogue (SPX1nn) are what Spectrum itself rejects:
 * no policy lowers or suppresses them (they also fail `cdktf synth`).
 */
export type PolicySeverity = Severity | 'off';

/** The severities a policy may set, in order. */
export const POLICY_SEVERITIES: readonly PolicySeverity[] = ['error', 'warning', 'info', 'off'];

/** What a policy says about one rule. */
export interface RuleSetting {
  /** New severity of the rule's findings; undefined keeps the rule's own. */
  readonly severity?: PolicySeverity;
  /** Parameters of an optional rule (validated against its RuleParameter list). */
  readonly parameters: { readonly [name: string]: unknown };
}

/** An acknowledged finding: never without a reason. */
export interface Suppression {
  readonly ruleId: string;
  /** Construct path: the finding's path is this one or below it. Undefined: everywhere. */
  readonly path?: string;
  readonly reason: string;
  /** Where it was given, for reports: `policy.yaml /suppressions/0` or `acknowledge()`. */
  readonly source: string;
}

export interface Policy {
  readonly rules: { readonly [ruleId: string]: RuleSetting };
  readonly suppressions: readonly Suppression[];
}

/** The policy that changes nothing. */
export const EMPTY_POLICY: Policy = { rules: {}, suppressions: [] };

/** A finding the policy acknowledged, with the reason. */
export interface SuppressedFinding extends Finding {
  readonly reason: string;
  readonly suppressedBy: string;
}

/** Findings after a policy: what remains (with new severities) and what was acknowledged. */
export interface PolicyOutcome {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
}

/** The optional rules a policy turns on (configured, severity not `off`), in id order. */
export function enabledOptionalRules(policy: Policy): Rule[] {
  const rules: Rule[] = [];
  for (const optional of OPTIONAL_RULES) {
    const setting = policy.rules[optional.id];
    if (!setting || setting.severity === 'off') continue;
    const rule = configureOptionalRule(optional.id, setting.parameters);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** Both policies: `b`'s rule settings win, suppressions of both. */
export function mergePolicies(a: Policy, b: Policy): Policy {
  return { rules: { ...a.rules, ...b.rules }, suppressions: [...a.suppressions, ...b.suppressions] };
}

/**
 * Applies `policy` to `findings` (kept in order): severity changes, `off`,
 * then suppressions. Linear: a suppression is found by walking the
 * finding's path up (a handful of map look-ups), never by scanning them all.
 */
export function applyPolicy(findings: readonly Finding[], policy: Policy): PolicyOutcome {
  const suppressions = suppressionIndexOf(policy);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (!isAdjustable(finding.ruleId, finding.severity)) {
      kept.push(finding);
      continue;
    }
    const severity = policy.rules[finding.ruleId]?.severity;
    if (severity === 'off') continue;
    const adjusted = severity === undefined || severity === finding.severity ? finding : { ...finding, severity };
    const suppression = suppressions.size === 0 ? undefined : suppressionFor(suppressions, adjusted);
    if (suppression) {
      suppressed.push({ ...adjusted, reason: suppression.reason, suppressedBy: suppression.source });
    } else {
      kept.push(adjusted);
    }
  }
  return { findings: kept, suppressed };
}

/**
 * Whether `policy` reports `finding` differently from the rule: a new
 * severity, `off`, or a suppression.
 */
export function changedByPolicy(policy: Policy, finding: Finding): boolean {
  if (!isAdjustable(finding.ruleId, finding.severity)) return false;
  const severity = policy.rules[finding.ruleId]?.severity;
  if (severity !== undefined && severity !== finding.severity) return true;
  const suppressions = suppressionIndexOf(policy);
  return suppressions.size > 0 && suppressionFor(suppressions, finding) !== undefined;
}

const suppressionIndexes = new WeakMap<Policy, Map<string, Suppression>>();

/** The policy's suppressions by rule id and path, built once per policy. */
function suppressionIndexOf(policy: Policy): Map<string, Suppression> {
  let index = suppressionIndexes.get(policy);
  if (!index) {
    index = indexSuppressions(policy.suppressions);
    suppressionIndexes.set(policy, index);
  }
  return index;
}

function key(ruleId: string, path: string | undefined): string {
  return path === undefined ? ruleId : `${ruleId}\u0000${path}`;
}

function indexSuppressions(suppressions: readonly Suppression[]): Map<string, Suppression> {
  const index = new Map<string, Suppression>();
  for (const suppression of suppressions) {
    const k = key(suppression.ruleId, suppression.path?.replace(/\/+$/, ''));
    if (!index.has(k)) index.set(k, suppression);
  }
  return index;
}

/** The suppression for the finding's path or its nearest ancestor, else one for the whole rule. */
function suppressionFor(index: ReadonlyMap<string, Suppression>, finding: Finding): Suppression | undefined {
  let path = finding.path;
  for (;;) {
    const found = index.get(key(finding.ruleId, path));
    if (found) return found;
    const slash = path.lastIndexOf('/');
    if (slash <= 0) break;
    path = path.slice(0, slash);
  }
  return index.get(key(finding.ruleId, undefined));
}
