import { Finding, Severity } from '../model/finding';
import { Located, Topology } from '../model/topology';

/**
 * One rule of the catalogue: a pure function from topology to findings.
 * The same object serves synth-time validation, the SpectrumPolicy aspect
 * and the `cdktf-spectrum check` command.
 */
export interface Rule {
  /** Stable id (SPXnnn), shown in every message. */
  readonly id: string;
  /** One line saying what the rule requires. */
  readonly description: string;
  /**
   * How to fix its findings in general (SARIF `help`, the README): each
   * finding's own message also ends with the fix for that construct.
   */
  readonly help: string;
  /** Default severity of its findings. */
  readonly severity: Severity;
  /** Optional rules run only when an organisation policy turns them on. */
  readonly optional?: boolean;
  /** Must be linear in the size of the topology. */
  check(topology: Topology): Finding[];
}

/** A finding of `rule` about `element`. */
export function findingOf(rule: Rule, element: Located, message: string, fix: string, severity: Severity = rule.severity): Finding {
  return { ruleId: rule.id, severity, path: element.path, stack: element.stack, message, fix };
}
