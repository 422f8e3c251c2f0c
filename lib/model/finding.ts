/**
 * One problem (or note) a rule found. Internal.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule id, e.g. SPX111. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Construct path the finding is about. */
  readonly path: string;
  /** Stack construct id. */
  readonly stack: string;
  /** What is wrong, naming the element and the offending value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** `[SPX111] <message>; <fix>`: the one format every reporter shows. */
export function formatFinding(finding: Finding): string {
  return `[${finding.ruleId}] ${finding.message}; ${finding.fix}`;
}

/** `[SPX111] <path>: <message>; <fix>`: for lists that mix constructs (synth errors, CLI text). */
export function formatFindingAt(finding: Finding): string {
  return `[${finding.ruleId}] ${finding.path}: ${finding.message}; ${finding.fix}`;
}
