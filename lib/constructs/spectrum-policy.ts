import { IConstruct } from 'constructs';
import { Annotations, Aspects, IAspect, TerraformStack } from './cdktf-bridge';
import { SpectrumRegistry } from './spectrum-registry';
import { Finding, formatFinding } from '../model/finding';
import { knownRule } from '../policy/known-rules';
import { applyPolicy, changedByPolicy, EMPTY_POLICY, enabledOptionalRules, mergePolicies, Policy, POLICY_SEVERITIES, PolicySeverity, RuleSetting } from '../policy/policy';
import { loadPolicyFile, PolicyError } from '../policy/policy-loader';
import { setStackPolicy } from '../policy/stack-policies';
import { runRules } from '../rules/catalogue';

/**
 * An organisation policy applied at synth time. Every setting is off by
 * default; the same settings can come from a policy file
 * (`SpectrumPolicy.fromFile`), the one `cdktf-spectrum check --policy` reads.
 */
export interface SpectrumPolicyProps {
  /**
   * Turns on SPX200: every landscape with secondaries uses HOT standby.
   * @default false
   */
  readonly requireHotStandby?: boolean;

  /**
   * Makes SPX141 (a landscape without secondaries is not fault tolerant) an error.
   * @default false
   */
  readonly requireSecondary?: boolean;

  /**
   * Makes SPX151 (an SSH connection without a host key) an error.
   * @default false
   */
  readonly requireHostKey?: boolean;

  /**
   * Turns on SPX201: landscapes with secondaries seed them with an online
   * backup (`BackupMethod.COMMAND`), never `SSdbsave`, which stops the primary.
   * @default false
   */
  readonly forbidSsdbsave?: boolean;

  /**
   * Turns on SPX202 with this limit: the most landscapes (master included)
   * one distributed landscape may have.
   * @default - no limit
   */
  readonly maxLandscapesPerDistributedLandscape?: number;

  /**
   * New severities by rule id: `error`, `warning`, `info` or `off`. Applied
   * after the settings above. Errors of the rule catalogue (SPX1nn) stay
   * errors: Spectrum itself rejects them.
   * @default - none
   */
  readonly severityOverrides?: { [ruleId: string]: string };
}

/**
 * Applies an organisation policy to the Spectrum constructs of a stack at
 * synth time: runs the optional rules it turns on, changes severities, and
 * reports through cdktf Annotations (errors fail `cdktf synth`). The rules
 * see the whole app (all stacks), as `cdktf-spectrum check` does; each
 * stack's policy reports the findings about its own constructs.
 *
 * cdktf invokes aspects from stacks only, never from the App: add the
 * policy to each stack (`Aspects.of(stack).add(policy)`), or call
 * `policy.applyTo(app)` after the stacks are created.
 *
 * @example
 * const policy = new SpectrumPolicy({ requireHotStandby: true, requireSecondary: true });
 * policy.acknowledge('SPX151', 'lab hosts are re-imaged nightly; the bastion pins their keys', 'lab/estate');
 * Aspects.of(stack).add(policy);
 */
export class SpectrumPolicy implements IAspect {
  /**
   * A policy from a policy file (JSON, or YAML for any other extension),
   * validated against the published schema (docs/policy.schema.json).
   * Throws an error listing every problem with its JSON pointer.
   */
  public static fromFile(path: string): SpectrumPolicy {
    const policy = new SpectrumPolicy();
    try {
      policy.policy = loadPolicyFile(path);
    } catch (error) {
      if (error instanceof PolicyError) throw new Error(`SpectrumPolicy: ${error.problems.join('; ')}`);
      throw error;
    }
    return policy;
  }

  /** @internal a policy already loaded (e.g. the `policy` section of an estate file) */
  public static _of(policy: Policy): SpectrumPolicy {
    const result = new SpectrumPolicy();
    result.policy = policy;
    return result;
  }

  private policy: Policy;
  private readonly reported = new Set<string>();

  constructor(props: SpectrumPolicyProps = {}) {
    this.policy = policyOfProps(props);
  }

  /**
   * Acknowledges the findings of `ruleId` (at `path` and below, or
   * everywhere): they are no longer reported. Warnings and notes only:
   * catalogue errors cannot be acknowledged.
   *
   * @param ruleId the rule, e.g. `SPX151`
   * @param reason why the finding is acceptable (required, not empty)
   * @param path construct path, e.g. `lab/estate`; default: the whole app
   */
  public acknowledge(ruleId: string, reason: string, path?: string): SpectrumPolicy {
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`SpectrumPolicy.acknowledge('${ruleId}'): a reason is required: say why the finding is acceptable`);
    }
    if (!knownRule(ruleId)) throw new Error(`SpectrumPolicy.acknowledge('${ruleId}'): ${ruleId} is not a rule of cdktf-spectrum`);
    const source = `acknowledge('${ruleId}'${path === undefined ? '' : `, '${path}'`})`;
    this.policy = mergePolicies(this.policy, { rules: {}, suppressions: [{ ruleId, path, reason: reason.trim(), source }] });
    return this;
  }

  /**
   * Adds this policy to every stack under `scope` (pass the App): cdktf
   * ignores aspects added to the App itself. Stacks created later are not
   * covered.
   */
  public applyTo(scope: IConstruct): void {
    for (const node of scope.node.findAll()) {
      if (TerraformStack.isStack(node)) Aspects.of(node).add(this);
    }
  }

  /** Reports the policy's findings about the constructs of the visited stack. */
  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    setStackPolicy(node, this.policy);
    const { topology, findings } = SpectrumRegistry.of(node).analysis();
    const stackId = node.node.id;
    const optional = runRules(topology, enabledOptionalRules(this.policy));
    // The registry reports the catalogue's findings as they are; this
    // policy reports what it adds (optional rules) and what it changes.
    const candidates: Finding[] = [];
    for (const finding of findings) {
      if (finding.stack === stackId && changedByPolicy(this.policy, finding)) candidates.push(finding);
    }
    for (const finding of optional) {
      if (finding.stack === stackId) candidates.push(finding);
    }
    const { findings: toReport } = applyPolicy(candidates, this.policy);
    if (toReport.length === 0) return;
    const constructs = constructsAt(node, new Set(toReport.map(f => f.path)));
    for (const finding of toReport) this.annotate(constructs.get(finding.path) ?? node, finding);
  }

  private annotate(scope: IConstruct, finding: Finding): void {
    const text = formatFinding(finding);
    const key = `${scope.node.path}\u0000${finding.severity}\u0000${text}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (finding.severity === 'error') Annotations.of(scope).addError(text);
    else if (finding.severity === 'warning') Annotations.of(scope).addWarning(text);
    else Annotations.of(scope).addInfo(text);
  }
}

/** The constructs of `stack` at `paths`, found in one walk of the stack. */
function constructsAt(stack: IConstruct, paths: ReadonlySet<string>): Map<string, IConstruct> {
  const found = new Map<string, IConstruct>();
  for (const construct of stack.node.findAll()) {
    if (paths.has(construct.node.path)) found.set(construct.node.path, construct);
  }
  return found;
}

/** The policy the props describe; throws on an unknown rule id or severity. */
function policyOfProps(props: SpectrumPolicyProps): Policy {
  const rules: { [ruleId: string]: RuleSetting } = {};
  if (props.requireHotStandby) rules.SPX200 = { parameters: {} };
  if (props.requireSecondary) rules.SPX141 = { severity: 'error', parameters: {} };
  if (props.requireHostKey) rules.SPX151 = { severity: 'error', parameters: {} };
  if (props.forbidSsdbsave) rules.SPX201 = { parameters: {} };
  const max = props.maxLandscapesPerDistributedLandscape;
  if (max !== undefined) {
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new Error(`SpectrumPolicy: maxLandscapesPerDistributedLandscape must be a positive integer, not ${max}`);
    }
    rules.SPX202 = { parameters: { maxLandscapes: max } };
  }
  for (const [ruleId, severity] of Object.entries(props.severityOverrides ?? {})) {
    const rule = knownRule(ruleId);
    if (!rule) throw new Error(`SpectrumPolicy: severityOverrides.${ruleId}: ${ruleId} is not a rule of cdktf-spectrum`);
    if (!(POLICY_SEVERITIES as readonly string[]).includes(severity)) {
      throw new Error(`SpectrumPolicy: severityOverrides.${ruleId} must be one of ${POLICY_SEVERITIES.join(', ')}, not '${severity}'`);
    }
    if (rule.parameters.some(p => p.required) && !rules[ruleId]) {
      throw new Error(`SpectrumPolicy: severityOverrides.${ruleId}: ${ruleId} needs ${rule.parameters.map(p => p.name).join(', ')}; `
        + 'set maxLandscapesPerDistributedLandscape instead');
    }
    rules[ruleId] = { ...rules[ruleId], parameters: rules[ruleId]?.parameters ?? {}, severity: severity as PolicySeverity };
  }
  return Object.keys(rules).length === 0 ? EMPTY_POLICY : { rules, suppressions: [] };
}
