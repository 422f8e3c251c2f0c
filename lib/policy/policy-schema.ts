import { KNOWN_RULES, KnownRule } from './known-rules';
import { POLICY_SEVERITIES } from './policy';

/** Where the published schema lives (docs/policy.schema.json in the repository). */
export const POLICY_SCHEMA_ID = 'https://raw.githubusercontent.com/cdktf-spectrum/cdktf-spectrum/main/docs/policy.schema.json';

/** The only policy file version so far. */
export const POLICY_VERSION = 1;

/** Pattern of a rule id in a suppression (unknown ids are reported by the loader, with the known ones). */
export const RULE_ID_PATTERN = '^SPX[0-9]{3}$';

/**
 * The JSON Schema (draft-07) of an organisation policy file, built from the
 * rule catalogue, the optional rules and the change kinds, so it always
 * lists exactly the ids that exist. Published as docs/policy.schema.json
 * and printed by `cdktf-spectrum schema policy`; a test keeps the file
 * current.
 *
 * @example
 * # spectrum-policy.yaml
 * version: 1
 * rules:
 *   SPX141: { severity: error }      # every landscape needs a secondary
 *   SPX200: {}                       # require HOT standby
 *   SPX202: { maxLandscapes: 8 }
 * suppressions:
 *   - rule: SPX151
 *     path: lab/estate
 *     reason: lab hosts are re-imaged nightly; their keys are pinned by the bastion
 */
export function policySchema(): { readonly [keyword: string]: unknown } {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: POLICY_SCHEMA_ID,
    title: 'cdktf-spectrum organisation policy',
    description: 'Turns on optional rules, changes severities and acknowledges findings of cdktf-spectrum, '
      + 'for `cdktf-spectrum check --policy FILE` and `SpectrumPolicy.fromFile(FILE)`. Errors of the rule catalogue '
      + '(SPX1nn) are what Spectrum itself rejects: no policy lowers or suppresses them.',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
      $schema: { type: 'string', description: 'URI of this schema, for editors' },
      version: { const: POLICY_VERSION, description: 'Version of the policy format: 1' },
      rules: {
        type: 'object',
        description: 'Settings by rule id. Naming an optional rule (SPX2nn) turns it on.',
        additionalProperties: false,
        properties: Object.fromEntries(KNOWN_RULES.map(rule => [rule.id, ruleSchema(rule)])),
      },
      suppressions: {
        type: 'array',
        description: 'Acknowledged warnings and notes, each with the reason it is acceptable',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'reason'],
          properties: {
            rule: { type: 'string', pattern: RULE_ID_PATTERN, description: 'Rule id, e.g. SPX151' },
            path: {
              type: 'string',
              minLength: 1,
              description: 'Construct path (e.g. app/estate/lab): the finding is about it or something below it. Default: everywhere',
            },
            reason: { type: 'string', pattern: '\\S', description: 'Why the finding is acceptable (required, not empty)' },
          },
        },
      },
    },
  };
}

function ruleSchema(rule: KnownRule): { [keyword: string]: unknown } {
  const origin = rule.origin === 'catalogue' ? '' : rule.origin === 'optional' ? ' (optional: naming it turns it on)' : ' (with --baseline)';
  return {
    type: 'object',
    description: `${rule.description}${origin}; default severity ${rule.severity}`,
    additionalProperties: false,
    required: rule.parameters.filter(p => p.required).map(p => p.name),
    properties: {
      severity: {
        enum: [...POLICY_SEVERITIES],
        description: 'New severity of its findings; `off` turns it off. Catalogue errors stay errors',
      },
      ...Object.fromEntries(rule.parameters.map(p => [p.name, { ...p.schema, description: p.description }])),
    },
  };
}
