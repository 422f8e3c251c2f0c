import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { toolVersion } from './check';
import { UnusableInputError } from './errors';
import { useLineLookup } from './locations';
import { bySeverity, CheckReport } from './report';
import { displayPath, SynthesizedStack } from './synth-reader';
import { readVarFiles, resolveVariables } from './var-values';
import { App, TerraformStack } from '../constructs/cdktf-bridge';
import { SpectrumEstate, stackNameOf } from '../constructs/spectrum-estate';
import { readable, SpectrumRegistry } from '../constructs/spectrum-registry';
import { EstateSource, readEstateFile } from '../estate/estate-document';
import { EstateError } from '../estate/estate-error';
import { applyPolicy, EMPTY_POLICY, enabledOptionalRules, mergePolicies, Policy } from '../policy/policy';
import { loadPolicyFile, policyOf, PolicyError } from '../policy/policy-loader';
import { RULES, runRules } from '../rules/catalogue';

/** What `validate` found: a report of the rules, or the problems that kept the files from being estates. */
export type ValidateOutcome =
  | { readonly kind: 'report'; readonly report: CheckReport }
  | { readonly kind: 'problems'; readonly problems: readonly string[] };

/** What to validate. */
export interface ValidateOptions {
  readonly files: readonly string[];
  readonly policyFile?: string;
  /** Terraform variable files (tfvars JSON), as `check --var-file` reads them. */
  readonly varFiles?: readonly string[];
  readonly cwd: string;
}

/**
 * `cdktf-spectrum validate`: reads every estate file (each one stack of one
 * app, so handles are checked across files), checks it against the schema,
 * builds the constructs as `SpectrumEstate` does (no synthesis, nothing
 * written) and runs the whole rule catalogue, plus the optional rules the
 * policies turn on (`--policy` and each file's `policy`), on the topology.
 * A file that cannot be read or parsed throws UnusableInputError; schema
 * problems of any file are returned, all of them.
 */
export function runValidate(options: ValidateOptions): ValidateOutcome {
  const sources = options.files.map(file => read(file, options.cwd));
  // cdktf's App creates its output directory up front: a temporary one, removed again (nothing is synthesized).
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-spectrum-validate-'));
  try {
    return validateSources(sources, options, new App({ outdir, stackTraces: false }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function validateSources(sources: readonly Read[], options: ValidateOptions, app: App): ValidateOutcome {
  const problems: string[] = [];
  const stacks: SynthesizedStack[] = [];
  const estates: SpectrumEstate[] = [];
  let policy: Policy = options.policyFile === undefined ? EMPTY_POLICY : readPolicy(options.policyFile, options.cwd);
  const names = new Map<string, string>();

  for (const source of sources) {
    if (source.kind === 'problems') {
      problems.push(...source.problems);
      continue;
    }
    const { estate, file } = source.source;
    const name = stackNameOf(estate, file);
    const previous = names.get(name);
    if (previous !== undefined) {
      throw new UnusableInputError(`${file}: its stack is named '${name}' like the one of ${previous}; give each file its own 'stack' name`);
    }
    names.set(name, file);
    try {
      const stack = new TerraformStack(app, name);
      const built = SpectrumEstate._fromSource(stack, 'estate', source.source);
      estates.push(built);
      if (estate.policy) policy = mergePolicies(policy, policyOf({ version: 1, ...estate.policy }, `${file} /policy`));
      const variableDefaults = Object.fromEntries(Object.entries(estate.variables ?? {})
        .filter(([, settings]) => settings.default !== undefined).map(([variable, settings]) => [variable, settings.default]));
      const synthesized: SynthesizedStack = { name, file, cdktfVersion: '', spectrum: {}, resources: [], locals: {}, text: '', variableDefaults };
      useLineLookup(synthesized, constructPath => lineOf(built._locationOf(constructPath)));
      stacks.push(synthesized);
    } catch (error) {
      if (error instanceof EstateError) problems.push(...error.problems);
      else if (error instanceof PolicyError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) return { kind: 'problems', problems };

  // Tokens shown as the Terraform expressions they stand for (var.hosts["east-1"]), as check shows them.
  const stacksByName = new Map(app.node.children.filter(TerraformStack.isStack).map(stack => [stack.node.id, stack] as const));
  const built = withExpressions(SpectrumRegistry.of(app).analysis().topology, stacksByName);
  const topology = options.varFiles === undefined ? built : resolveVariables(built, stacks, readVarFiles(options.varFiles, options.cwd));
  const findings = runRules(topology, [...RULES, ...enabledOptionalRules(policy)]);
  const outcome = applyPolicy(findings, policy);
  return {
    kind: 'report',
    report: {
      directories: sources.map(s => (s.kind === 'source' ? s.source.file : '')),
      stacks,
      topology,
      findings: bySeverity(outcome.findings),
      suppressed: outcome.suppressed,
      changes: [],
      policyFile: options.policyFile,
      version: toolVersion(),
    },
  };
}

type Read = { readonly kind: 'source'; readonly source: EstateSource } | { readonly kind: 'problems'; readonly problems: readonly string[] };

/** One file: its estate, or its schema problems; unusable input (missing, not YAML or JSON) throws. */
function read(file: string, cwd: string): Read {
  const shown = displayPath(path.resolve(cwd, file), cwd);
  try {
    return { kind: 'source', source: readEstateFile(path.resolve(cwd, file), shown) };
  } catch (error) {
    if (!(error instanceof EstateError)) throw error;
    if (error.unusable) throw new UnusableInputError(error.problems[0]);
    return { kind: 'problems', problems: error.problems };
  }
}

function readPolicy(file: string, cwd: string): Policy {
  try {
    return loadPolicyFile(path.resolve(cwd, file), file);
  } catch (error) {
    if (error instanceof PolicyError) throw new UnusableInputError(error.message);
    throw error;
  }
}

/** The line of `file:line:column`. */
function lineOf(location: string | undefined): number | undefined {
  const match = location === undefined ? undefined : /:(\d+):\d+$/.exec(location);
  return match ? Number(match[1]) : undefined;
}

/**
 * `value` with every token string replaced by the Terraform expression it
 * stands for, resolved in the stack of the nearest `stack` field (a token
 * resolved in another stack would make a cross-stack reference).
 */
function withExpressions<T>(value: T, stacks: ReadonlyMap<string, TerraformStack>, stack?: TerraformStack): T {
  if (typeof value === 'string') return (stack && value.includes('${') ? readable(stack, value) : value) as unknown as T;
  if (Array.isArray(value)) return value.map(item => withExpressions(item, stacks, stack)) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  const named = (value as { stack?: unknown }).stack;
  const own = typeof named === 'string' ? stacks.get(named) ?? stack : stack;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withExpressions(child, stacks, own)])) as T;
}
