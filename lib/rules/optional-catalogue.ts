import { Rule } from './rule';
import { SPX200 } from './spx200-require-hot-standby';
import { SPX201 } from './spx201-forbid-ssdbsave';
import { SPX202, spx202, SPX202_PARAMETER } from './spx202-max-landscapes-per-dss';

/**
 * The optional rules: they run only when an organisation policy (a policy
 * file or the SpectrumPolicy aspect) turns them on. "Require a secondary"
 * and "require host-key verification" are not here: they are SPX141 and
 * SPX151 with severity error, one implementation of each rule.
 */
export const OPTIONAL_RULES: readonly Rule[] = [SPX200, SPX201, SPX202];

/** A rule parameter a policy sets (JSON Schema of its value, and what it means). */
export interface RuleParameter {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the value. */
  readonly schema: { readonly [keyword: string]: unknown };
  readonly required: boolean;
}

/** The parameters of each optional rule that has any. */
export const RULE_PARAMETERS: { readonly [ruleId: string]: readonly RuleParameter[] } = {
  SPX202: [{
    name: SPX202_PARAMETER,
    description: 'Most landscapes one distributed landscape may have, its master included',
    schema: { type: 'integer', minimum: 1, maximum: 4094 },
    required: true,
  }],
};

/**
 * The optional rule `id` configured with `parameters` (already validated
 * against RULE_PARAMETERS), or undefined for an id that is not optional.
 */
export function configureOptionalRule(id: string, parameters: { readonly [name: string]: unknown } = {}): Rule | undefined {
  switch (id) {
    case 'SPX200': return SPX200;
    case 'SPX201': return SPX201;
    case 'SPX202': return spx202(Number(parameters[SPX202_PARAMETER]));
    default: return undefined;
  }
}
