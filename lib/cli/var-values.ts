import * as fs from 'fs';
import * as path from 'path';
import { reasonOf, UnusableInputError } from './errors';
import { isObject, SynthesizedStack } from './synth-reader';
import { jsonParseDetail } from '../model/json-parse-detail';
import { MaybeToken, Topology } from '../model/topology';

/** Variable values by name, as Terraform would see them. */
export type VarValues = ReadonlyMap<string, unknown>;

/**
 * Reads Terraform variable files for `check --var-file`: JSON only
 * (`*.tfvars.json`, which Terraform reads as well as HCL `.tfvars`); later
 * files win, as with repeated `-var-file`. Unusable input throws.
 */
export function readVarFiles(files: readonly string[], cwd: string): VarValues {
  const values = new Map<string, unknown>();
  for (const file of files) {
    if (/\.tfvars$/i.test(file)) {
      throw new UnusableInputError(`${file}: HCL .tfvars files are not read; write the values as JSON in ${path.basename(file)}.json (Terraform reads that too: -var-file=${path.basename(file)}.json)`);
    }
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (error) {
      const code = reasonOf(error);
      throw new UnusableInputError(`${file}: cannot read the variable file (${code === 'ENOENT' ? 'no such file' : code})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UnusableInputError(`${file}: not valid JSON (${jsonParseDetail(text, error)}); a variable file for --var-file is tfvars JSON: { "hosts": { "east-1": "10.0.0.1" } }`);
    }
    if (!isObject(json)) throw new UnusableInputError(`${file}: a variable file is a JSON object of variable values, e.g. { "hosts": { "east-1": "10.0.0.1" } }`);
    for (const [name, value] of Object.entries(json)) values.set(name, value);
  }
  return values;
}

/**
 * The topology with every value that is a Terraform expression over
 * variables (`var.NAME`, `var.NAME["key"]`, `var.NAME.key`,
 * `lookup(var.NAME, "key"[, default])`, inside `${...}`) replaced by its
 * value, so the rules check real hosts, paths and users. A value is taken
 * from the var files, else from the variable's default in its stack; an
 * expression that cannot be resolved stays a token (the rules note it).
 */
export function resolveVariables(topology: Topology, stacks: readonly SynthesizedStack[], values: VarValues): Topology {
  const byStack = new Map(stacks.map(stack => [stack.name, new Map([...Object.entries(stack.variableDefaults ?? {}), ...values])] as const));
  const resolveIn = (stackName: string) => {
    const scope = byStack.get(stackName) ?? values;
    return <T>(node: T): T => resolveNode(node, scope);
  };
  return {
    landscapes: topology.landscapes.map(l => resolveIn(l.stack)(l)),
    distributed: topology.distributed,
    oneClicks: topology.oneClicks.map(o => resolveIn(o.stack)(o)),
  };
}

/** Every MaybeToken (and connection user) below `node`, resolved where possible. */
function resolveNode<T>(node: T, values: VarValues): T {
  if (Array.isArray(node)) return node.map(item => resolveNode(item, values)) as unknown as T;
  if (!isObject(node)) return node;
  if (isMaybeToken(node)) {
    if (!node.isToken) return node;
    const text = resolveTemplate(node.text, values);
    return (text === undefined ? node : { text, isToken: false }) as unknown as T;
  }
  const result: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'user' && typeof value === 'string' && value.includes('${')) result[key] = resolveTemplate(value, values) ?? value;
    else result[key] = resolveNode(value, values);
  }
  return result as T;
}

/** A MaybeToken: `text` and `isToken` (built by the constructs, a token also carries its base64 form, `encoded`). */
function isMaybeToken(value: { [key: string]: unknown }): value is MaybeToken & { [key: string]: unknown } {
  return typeof value.text === 'string' && typeof value.isToken === 'boolean'
    && Object.keys(value).every(key => key === 'text' || key === 'isToken' || key === 'encoded');
}

const INTERPOLATION = /\$\{([^{}]*)\}/g;

/** `text` with each `${expression}` replaced by its value; undefined when any cannot be resolved. */
export function resolveTemplate(text: string, values: VarValues): string | undefined {
  let unresolved = false;
  const result = text.replace(INTERPOLATION, (_, expression: string) => {
    const value = evaluate(expression, values);
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved || result.includes('${') ? undefined : result;
}

const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
const TRAVERSAL = new RegExp(`^var\\.(${NAME})((?:\\.${NAME}|\\[\\s*${STRING}\\s*\\]|\\[\\s*[0-9]+\\s*\\])*)$`);
const STEP = new RegExp(`\\.(${NAME})|\\[\\s*${STRING}\\s*\\]|\\[\\s*([0-9]+)\\s*\\]`, 'g');
const LOOKUP = new RegExp(`^lookup\\(\\s*var\\.(${NAME})\\s*,\\s*${STRING}\\s*(?:,\\s*(?:${STRING}|([0-9]+))\\s*)?\\)$`);

/** The value of one supported expression as text, or undefined. */
function evaluate(expression: string, values: VarValues): string | undefined {
  const trimmed = expression.trim();
  const traversal = TRAVERSAL.exec(trimmed);
  if (traversal) {
    let value: unknown = values.get(traversal[1]);
    for (const step of traversal[2].matchAll(STEP)) {
      const key = step[1] ?? (step[2] !== undefined ? unescape(step[2]) : step[3]);
      value = isObject(value) || Array.isArray(value) ? (value as { [key: string]: unknown })[key] : undefined;
    }
    return scalar(value);
  }
  const lookup = LOOKUP.exec(trimmed);
  if (lookup) {
    const map = values.get(lookup[1]);
    const key = unescape(lookup[2]);
    if (isObject(map) && key in map) return scalar(map[key]);
    if (lookup[3] !== undefined) return unescape(lookup[3]);
    return lookup[4];
  }
  return undefined;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function unescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`);
  } catch {
    return text;
  }
}
