import * as fs from 'fs';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { EstateError } from './estate-error';
import { RULED_VALUES, SECRET_TITLE, VALUE_TITLE, estateSchema } from './estate-schema';
import type { EstateFile } from './estate-types';

/** A parsed estate file and where each of its values is. */
export interface EstateSource {
  /** The file as shown in messages. */
  readonly file: string;
  /** The document as plain data (validated against the schema). */
  readonly estate: EstateFile;
  /**
   * `file:line:column` of a JSON pointer (the nearest existing node), for
   * messages: of the value with `onValue`, else of its key.
   */
  at(pointer: string, onValue?: boolean): string;
}

let validator: ValidateFunction | undefined;

/** The compiled estate schema (compiled once). */
function validate(): ValidateFunction {
  validator ??= new Ajv2020({ allErrors: true, strict: true, strictTypes: false, verbose: true }).compile(estateSchema());
  return validator;
}

/**
 * Reads an estate file (YAML, or JSON, which YAML 1.2 contains: one parser
 * gives both the positions and duplicate-key errors). Throws EstateError
 * with one line per problem.
 */
export function readEstateFile(file: string, shown: string = file): EstateSource {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : typeof code === 'string' ? code : String(error);
    throw new EstateError([`${shown}: cannot read the estate file (${reason})`], true);
  }
  return parseEstate(text, shown);
}

/** Parses and validates an estate document given as text. */
export function parseEstate(text: string, shown: string): EstateSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new EstateError(doc.errors.map(error => {
      const position = lineCounter.linePos(error.pos[0]);
      if (error.code === 'DUPLICATE_KEY') {
        const key = /^[^\s:,}\]]+|^"[^"]*"/.exec(text.slice(error.pos[0]))?.[0] ?? '';
        return `${shown}:${position.line}:${position.col}: ${key} appears twice in the same map: each name (landscape, server, field) is given once`;
      }
      return `${shown}:${position.line}:${position.col}: not valid YAML or JSON: ${firstLine(error.message)}`;
    }), true);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const at = (pointer: string, onValue = false): string => {
    const offset = offsetOf(doc, segmentsOf(pointer), onValue);
    const position = lineCounter.linePos(offset);
    return `${shown}:${position.line}:${position.col}`;
  };
  return { file: shown, estate: estateOf(data, shown, at), at };
}

/** Validates plain data (fromObject, or a parsed file) and returns it typed. */
export function estateOf(data: unknown, shown: string, at: (pointer: string, onValue?: boolean) => string = () => shown): EstateFile {
  const check = validate();
  if (!check(data)) {
    const lines = describeAll(check.errors ?? [], data).map(({ pointer, text, onKey }) => `${at(pointer, !onKey)}: ${pointer === '' ? '/' : pointer} ${text}`);
    throw new EstateError([...new Set(lines)].sort(byPosition), false);
  }
  return data as EstateFile;
}

/** Problems in file order (`file:line:column: ...`). */
function byPosition(a: string, b: string): number {
  const position = (line: string) => (/:(\d+):(\d+): /.exec(line) ?? ['', '0', '0']).slice(1).map(Number);
  const [la, ca] = position(a);
  const [lb, cb] = position(b);
  return la - lb || ca - cb;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** JSON pointer segments, unescaped. */
export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map(s => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Offset of the node at `segments` (of its key when the last segment is a key), or of the nearest parent. */
function offsetOf(doc: Document, segments: readonly string[], onValue: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [index, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      const last = index === segments.length - 1;
      offset = ((last && onValue ? pair.value : pair.key) as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

interface Problem {
  readonly pointer: string;
  readonly text: string;
  /** Shown at the key (a field that should not be there, or a missing one), not the value. */
  readonly onKey?: boolean;
}

/**
 * One message per problem: an `anyOf` of a value reports once (not each
 * branch), a literal secret is refused with its fix, an unknown field names
 * the allowed ones.
 */
function describeAll(errors: readonly ErrorObject[], data: unknown): Problem[] {
  const alternatives = errors.filter(e => e.keyword === 'anyOf').map(e => e.instancePath);
  const secretPointers = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    // A value of several forms (a string or a reference) is reported once, by its anyOf.
    const insideAlternative = error.keyword !== 'anyOf'
      && alternatives.some(a => error.instancePath === a || error.instancePath.startsWith(`${a}/`));
    if (insideAlternative || error.keyword === 'propertyNames') continue;
    const propertyName = (error as { propertyName?: string }).propertyName;
    if (propertyName !== undefined) {
      problems.push({
        onKey: true,
        pointer: `${error.instancePath}${pointerOf([propertyName])}`,
        text: error.keyword === 'not'
          ? 'is a name the library uses itself; choose another'
          : 'is not a valid name: use letters, digits, - and _, starting with a letter (at most 64)',
      });
      continue;
    }
    if (isSecretError(error)) {
      if (secretPointers.has(error.instancePath)) continue;
      secretPointers.add(error.instancePath);
      problems.push({ pointer: error.instancePath, text: secretProblem(valueAt(data, error.instancePath), error.instancePath) });
      continue;
    }
    problems.push(describe(error));
  }
  return problems;
}

function isSecretError(error: ErrorObject): boolean {
  const parent = error.parentSchema as { title?: string } | undefined;
  return parent?.title === SECRET_TITLE && !(error.instancePath.endsWith('/variable') || error.instancePath.endsWith('/key'));
}

function secretProblem(value: unknown, pointer: string): string {
  const field = segmentsOf(pointer).pop() ?? 'secret';
  const name = field === 'ownerPassword' ? 'spectrum_owner_password' : field === 'privateKey' ? 'ssh_private_key' : field;
  if (value !== null && typeof value === 'object' && 'env' in value) {
    return 'is a secret read from the environment, which would be written into the synthesized plan as plain text; '
      + `write { variable: ${name} } instead and set TF_VAR_${name} in the environment that runs Terraform (SPX150)`;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return 'is a literal secret: passwords and private keys never go into the estate file; '
      + `write { variable: ${name} } and give the value to Terraform as a sensitive variable (TF_VAR_${name}, or a .tfvars file kept out of version control) (SPX150)`;
  }
  return `must be a reference to a sensitive Terraform variable, { variable: ${name} }`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of segmentsOf(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as { [key: string]: unknown })[segment];
  }
  return value;
}

/** One ajv error as `<what is wrong>` at its pointer, with the fix where there is an obvious one. */
function describe(error: ErrorObject): Problem {
  const params = error.params as { [name: string]: any };
  const parent = error.parentSchema as { title?: string; description?: string; properties?: object } | undefined;
  const here = (text: string): Problem => ({ pointer: error.instancePath, text });
  const ruled = parent?.title === undefined ? undefined : RULED_VALUES[parent.title];
  if (ruled) return here(`is ${shownValue(error.data)}, not ${ruled.must} (${ruled.rule}); ${ruled.fix}`);
  switch (error.keyword) {
    case 'additionalProperties': {
      const pointer = `${error.instancePath}${pointerOf([String(params.additionalProperty)])}`;
      const allowed = Object.keys(parent?.properties ?? {});
      return { onKey: true, pointer, text: `is not a field of the estate format${allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : ''}` };
    }
    case 'required':
      return { pointer: `${error.instancePath}${pointerOf([String(params.missingProperty)])}`, text: 'is required', onKey: true };
    case 'pattern':
      if (error.instancePath.endsWith('/handle')) return here('must be a landscape handle such as "0x400000"');
      if (/\/name$/.test(error.instancePath) || error.instancePath === '/stack') {
        return here('is not a valid name: use letters, digits, - and _, starting with a letter (at most 64)');
      }
      return here(`must match ${String(params.pattern)}`);
    case 'not':
      return here('is a name the library uses itself; choose another');
    case 'anyOf':
      if (error.instancePath.endsWith('/handle')) return here('must be a landscape handle: hexadecimal with 0x such as "0x400000", or a number');
      return here(`must be ${parent?.title === VALUE_TITLE ? parent.description?.replace(/^A /, 'a ') : (parent?.description ?? 'one of the allowed forms')}`);
    case 'enum':
      return here(`must be one of ${(params.allowedValues as unknown[]).join(', ')}`);
    case 'const':
      return here(`must be ${JSON.stringify(params.allowedValue)}`);
    case 'type':
      return here(`must be ${article(String(params.type))}`);
    case 'minLength':
      return here('must not be empty');
    case 'minimum':
      return here(`must be at least ${params.limit}`);
    case 'maximum':
      return here(`must be at most ${params.limit}`);
    default:
      return here(error.message ?? 'is not valid');
  }
}

/** A value as a message shows it: text in single quotes, anything else as JSON. */
function shownValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function article(type: string): string {
  const names: { [type: string]: string } = {
    object: 'an object', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false',
  };
  return type.split(',').map(t => names[t] ?? t).join(' or ');
}
