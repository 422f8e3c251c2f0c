import * as fs from 'fs';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { KNOWN_RULES, knownRule } from './known-rules';
import { Policy, PolicySeverity, RuleSetting, Suppression } from './policy';
import { policySchema } from './policy-schema';
import { jsonParseDetail } from '../model/json-parse-detail';

/** A policy file that cannot be used: one line per problem, each naming the file and the JSON pointer. */
export class PolicyError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'PolicyError';
  }
}

let validator: ValidateFunction | undefined;

/** The compiled policy schema (compiled once). */
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(policySchema());
  return validator;
}

/**
 * Reads a policy file: JSON (`.json`) or YAML (anything else), validated
 * against the published schema. Throws PolicyError with every problem, each
 * as `<file>: <JSON pointer> <what is wrong>`.
 *
 * @param file path of the file
 * @param shown the name to show in messages (default: `file`)
 */
export function loadPolicyFile(file: string, shown: string = file): Policy {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new PolicyError([`${shown}: cannot read the policy file (${typeof code === 'string' ? code : String(error)})`]);
  }
  return parsePolicy(text, shown, /\.json$/i.test(file) ? 'json' : 'yaml');
}

/** Parses and validates a policy document given as text. */
export function parsePolicy(text: string, shown: string, format: 'json' | 'yaml'): Policy {
  let document: unknown;
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new PolicyError([`${shown}: not valid ${format === 'json' ? 'JSON' : 'YAML'} (${syntaxProblem(text, error, format)})`]);
  }
  return policyOf(document, shown);
}

/** Validates a parsed policy document and turns it into a Policy. */
export function policyOf(document: unknown, shown: string): Policy {
  const check = validate();
  if (!check(document)) {
    const lines = (check.errors ?? []).map(error => `${shown}: ${describe(error)}`);
    throw new PolicyError([...new Set(lines)]);
  }
  const doc = document as PolicyDocument;
  const problems: string[] = [];
  const suppressions: Suppression[] = (doc.suppressions ?? []).map((s, i) => {
    if (!knownRule(s.rule)) problems.push(`${shown}: /suppressions/${i}/rule ${s.rule} is not a rule of cdktf-spectrum (known: ${knownIds()})`);
    return { ruleId: s.rule, path: s.path, reason: s.reason.trim(), source: `${shown} /suppressions/${i}` };
  });
  if (problems.length > 0) throw new PolicyError(problems);
  const rules: { [ruleId: string]: RuleSetting } = {};
  for (const [id, entry] of Object.entries(doc.rules ?? {})) {
    const { severity, ...parameters } = entry;
    rules[id] = { severity, parameters };
  }
  return { rules, suppressions };
}

/** Where and why the text does not parse: `line L, column C: <reason>`. */
function syntaxProblem(text: string, error: unknown, format: 'json' | 'yaml'): string {
  if (format === 'json') return jsonParseDetail(text, error);
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const position = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
  return position ? `line ${position.line}, column ${position.col}: ${message}` : message;
}

interface PolicyDocument {
  readonly version: number;
  readonly rules?: { readonly [id: string]: { readonly severity?: PolicySeverity; readonly [parameter: string]: unknown } };
  readonly suppressions?: ReadonlyArray<{ readonly rule: string; readonly path?: string; readonly reason: string }>;
}

function knownIds(): string {
  return KNOWN_RULES.map(rule => rule.id).join(', ');
}

/** One ajv error as `<pointer> <what is wrong>`, with the fix where there is an obvious one. */
function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as { [name: string]: any };
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const where = `${error.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (error.instancePath === '/rules') return `${where} is not a rule of cdktf-spectrum (known: ${knownIds()})`;
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `${where} is not allowed${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''}`;
    }
    case 'required': {
      const missing = `${error.instancePath}/${params.missingProperty}`;
      if (params.missingProperty === 'reason') return `${missing} is required: a suppression says why the finding is acceptable`;
      return `${missing} is required`;
    }
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${at} must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${at} must be ${article(String(params.type))}`;
    case 'pattern':
      if (/\/reason$/.test(error.instancePath)) return `${at} must not be empty: say why the finding is acceptable`;
      return `${at} must be a rule id such as SPX141`;
    case 'minLength':
      return `${at} must not be empty`;
    case 'minimum':
      return `${at} must be at least ${params.limit}`;
    case 'maximum':
      return `${at} must be at most ${params.limit}`;
    default:
      return `${at} ${error.message ?? 'is not valid'}`;
  }
}

function article(type: string): string {
  const names: { [type: string]: string } = {
    object: 'an object', array: 'an array', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false',
  };
  return type.split(',').map(t => names[t] ?? t).join(' or ');
}
