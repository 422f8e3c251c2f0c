import * as fs from 'fs';
import * as path from 'path';
import { UnusableInputError } from './errors';
import { bySeverity, CheckReport } from './report';
import { readSynth } from './synth-reader';
import { rebuildTopology } from './topology-rebuild';
import { readVarFiles, resolveVariables } from './var-values';
import { applyPolicy, EMPTY_POLICY, enabledOptionalRules, Policy } from '../policy/policy';
import { loadPolicyFile, PolicyError } from '../policy/policy-loader';
import { changeFinding, diffBaseline } from '../review/baseline-diff';
import { RULES, runRules } from '../rules/catalogue';

/** What to check. */
export interface CheckOptions {
  /** Synth output directories (default `cdktf.out`), read together. */
  readonly directories: readonly string[];
  /** Organisation policy file (JSON or YAML). */
  readonly policyFile?: string;
  /** Synth output directories of the baseline to compare with. */
  readonly baseline?: readonly string[];
  /** Terraform variable files (tfvars JSON) whose values replace the expressions over variables. */
  readonly varFiles?: readonly string[];
  /** Directory relative paths are resolved against and shown relative to. */
  readonly cwd: string;
}

/**
 * The whole check: reads every stack, rebuilds one topology of all of
 * them, runs the rule catalogue (and the optional rules the policy turns
 * on) across all stacks together, compares with the baseline, and applies
 * the policy. Throws UnusableInputError for unusable input.
 */
export function runCheck(options: CheckOptions): CheckReport {
  const policy = options.policyFile === undefined ? EMPTY_POLICY : readPolicy(options.policyFile, options.cwd);
  const values = options.varFiles === undefined ? undefined : readVarFiles(options.varFiles, options.cwd);
  const synth = readSynth(options.directories, options.cwd, { withResources: options.baseline !== undefined });
  const rebuilt = rebuildTopology(synth.stacks);
  const topology = values === undefined ? rebuilt : resolveVariables(rebuilt, synth.stacks, values);
  const findings = runRules(topology, [...RULES, ...enabledOptionalRules(policy)]);

  let changes: CheckReport['changes'] = [];
  if (options.baseline) {
    const baseline = readSynth(options.baseline, options.cwd, { withResources: true });
    changes = diffBaseline({ stacks: baseline.stacks, topology: rebuildTopology(baseline.stacks) }, { stacks: synth.stacks, topology });
  }
  const outcome = applyPolicy([...findings, ...changes.map(changeFinding)], policy);
  return {
    directories: options.directories,
    stacks: synth.stacks,
    topology,
    findings: bySeverity(outcome.findings),
    suppressed: outcome.suppressed,
    changes,
    baseline: options.baseline,
    policyFile: options.policyFile,
    version: toolVersion(),
  };
}

function readPolicy(file: string, cwd: string): Policy {
  try {
    return loadPolicyFile(path.resolve(cwd, file), file);
  } catch (error) {
    if (error instanceof PolicyError) throw new UnusableInputError(error.message);
    throw error;
  }
}

let version: string | undefined;

/** The package's version (from its package.json, two levels up from lib/cli and out/cli alike). */
export function toolVersion(): string {
  if (version === undefined) {
    try {
      version = String(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
