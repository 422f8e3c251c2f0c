import { Severity } from '../model/finding';
import { CHANGE_KINDS } from '../review/change-kinds';
import { ALL_RULES } from '../rules/catalogue';
import { OPTIONAL_RULES, RULE_PARAMETERS, RuleParameter } from '../rules/optional-catalogue';

/** Where a rule id comes from. */
export type RuleOrigin =
  /** The rule catalogue: runs at synth time and in the CLI. */
  | 'catalogue'
  /** An optional rule: runs only when a policy turns it on. */
  | 'optional'
  /** A destructive change found by `check --baseline`. */
  | 'change';

/** Every id a policy may name, with what a report shows about it. */
export interface KnownRule {
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  readonly origin: RuleOrigin;
  readonly parameters: readonly RuleParameter[];
}

/** Every rule, optional rule and change kind, in id order. */
export const KNOWN_RULES: readonly KnownRule[] = [
  ...ALL_RULES.map(rule => ({
    id: rule.id,
    description: rule.description,
    severity: rule.severity,
    origin: 'catalogue' as RuleOrigin,
    parameters: RULE_PARAMETERS[rule.id] ?? [],
  })),
  ...OPTIONAL_RULES.map(rule => ({
    id: rule.id, description: rule.description, severity: rule.severity, origin: 'optional' as RuleOrigin, parameters: RULE_PARAMETERS[rule.id] ?? [],
  })),
  ...CHANGE_KINDS.map(change => ({
    id: change.id, description: change.description, severity: change.severity, origin: 'change' as RuleOrigin, parameters: [],
  })),
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const BY_ID: ReadonlyMap<string, KnownRule> = new Map(KNOWN_RULES.map(rule => [rule.id, rule] as const));

/** The rule, optional rule or change kind with this id. */
export function knownRule(id: string): KnownRule | undefined {
  return BY_ID.get(id);
}

/**
 * Whether a policy may change this finding: every finding except the
 * errors of catalogue rules, which are what Spectrum itself rejects (they
 * also fail `cdktf synth`, whatever a policy says).
 */
export function isAdjustable(ruleId: string, severity: Severity): boolean {
  return !(severity === 'error' && BY_ID.get(ruleId)?.origin === 'catalogue');
}
