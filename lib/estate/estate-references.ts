import { pointerOf } from './estate-document';
import { EstateFile, EstateVariable, isEnvironmentReference, isVariableReference } from './estate-types';

/** Fields whose value is a secret (only a Terraform variable reference is accepted). */
const SECRET_FIELDS = new Set(['privateKey', 'ownerPassword']);
/** Fields whose value is a number. */
const NUMBER_FIELDS = new Set(['port', 'bastionPort']);

/** How one Terraform variable is used by the estate, and so how it is declared. */
export interface VariableUse {
  readonly name: string;
  /** `map(string)` when used with keys, `number` for ports, else `string`. */
  readonly type: 'string' | 'number' | 'map(string)';
  readonly sensitive: boolean;
  readonly settings: EstateVariable;
  /** Pointer of the first use (for messages). */
  readonly firstUse: string;
}

/** An environment variable the estate reads at synth time. */
export interface EnvironmentUse {
  readonly name: string;
  readonly pointer: string;
}

export interface References {
  readonly variables: readonly VariableUse[];
  readonly environment: readonly EnvironmentUse[];
  /** Uses that contradict each other, as `{ pointer, text }`. */
  readonly problems: ReadonlyArray<{ readonly pointer: string; readonly text: string }>;
}

/**
 * Every reference of the estate (outside `variables` and `policy`): the
 * Terraform variables to declare, each once with the type its uses need,
 * sensitive when a secret refers to it; the environment variables to read.
 */
export function referencesOf(estate: EstateFile): References {
  const uses = new Map<string, { keyed: string[]; plain: string[]; number: string[]; secret: string[] }>();
  const environment: EnvironmentUse[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const field = String(path[path.length - 1] ?? '');
    if (isVariableReference(value)) {
      const pointer = pointerOf(path);
      let use = uses.get(value.variable);
      if (!use) uses.set(value.variable, use = { keyed: [], plain: [], number: [], secret: [] });
      (value.key !== undefined ? use.keyed : use.plain).push(pointer);
      if (NUMBER_FIELDS.has(field)) use.number.push(pointer);
      if (SECRET_FIELDS.has(field)) use.secret.push(pointer);
      return;
    }
    if (isEnvironmentReference(value)) {
      environment.push({ name: value.env, pointer: pointerOf(path) });
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (path.length === 0 && (key === 'variables' || key === 'policy')) continue;
      visit(child, [...path, key]);
    }
  };
  visit(estate, []);

  const problems: Array<{ pointer: string; text: string }> = [];
  const variables: VariableUse[] = [];
  for (const [name, use] of uses) {
    const settings = estate.variables?.[name] ?? {};
    const firstUse = [...use.keyed, ...use.plain][0];
    if (use.keyed.length > 0 && use.plain.length > 0) {
      problems.push({ pointer: use.plain[0], text: `uses variable ${name} without a key, but ${use.keyed[0]} uses it as a map with a key; use it one way everywhere` });
    }
    if (use.number.length > 0 && use.number.length < use.keyed.length + use.plain.length) {
      problems.push({ pointer: use.number[0], text: `uses variable ${name} as a port number, but it is also used as text elsewhere; give ports a variable of their own` });
    } else if (use.number.length > 0 && use.keyed.length > 0) {
      problems.push({ pointer: use.number[0], text: `uses variable ${name} with a key, but a port is a number variable; drop the key` });
    }
    const sensitive = use.secret.length > 0 || settings.sensitive === true;
    if (use.secret.length > 0 && settings.sensitive === false) {
      problems.push({ pointer: `/variables/${name}/sensitive`, text: `cannot be false: ${use.secret[0]} is a secret (SPX150)` });
    }
    if (use.secret.length > 0 && settings.default !== undefined) {
      problems.push({ pointer: `/variables/${name}/default`, text: `is not allowed: ${use.secret[0]} is a secret, whose value never goes into the estate file (SPX150)` });
    }
    const type = use.keyed.length > 0 ? 'map(string)' : use.number.length > 0 ? 'number' : 'string';
    if (settings.default !== undefined && !defaultFits(settings.default, type)) {
      problems.push({ pointer: `/variables/${name}/default`, text: `must be ${type === 'map(string)' ? 'a map of strings' : `a ${type}`}: the variable is used as ${type}` });
    }
    variables.push({ name, type, sensitive, settings, firstUse });
  }
  return { variables, environment, problems };
}

function defaultFits(value: unknown, type: VariableUse['type']): boolean {
  if (type === 'map(string)') return value !== null && typeof value === 'object';
  if (type === 'number') return typeof value === 'number';
  return typeof value === 'string';
}
