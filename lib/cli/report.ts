import { SynthesizedStack } from './synth-reader';
import { Finding, Severity } from '../model/finding';
import { Topology } from '../model/topology';
import { SuppressedFinding } from '../policy/policy';
import { Change } from '../review/baseline-diff';

/** What `cdktf-spectrum check` found: every formatter renders this. */
export interface CheckReport {
  /** The synth output directories, as given. */
  readonly directories: readonly string[];
  /** The stacks read, in order (with and without Spectrum constructs). */
  readonly stacks: readonly SynthesizedStack[];
  /** The rebuilt topology of all stacks together. */
  readonly topology: Topology;
  /** Rule findings and destructive changes after the policy: errors first, then warnings, then notes. */
  readonly findings: readonly Finding[];
  /** Findings the policy acknowledged, with the reason. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Destructive changes against the baseline (empty without one). */
  readonly changes: readonly Change[];
  /** The baseline directories, when given. */
  readonly baseline?: readonly string[];
  /** The policy file, when given (as given). */
  readonly policyFile?: string;
  /** The tool's version. */
  readonly version: string;
}

/** How many findings of each severity. */
export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countsOf(findings: readonly Finding[]): Counts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Exit code of a report: 1 with errors, else 0 (warnings and notes only). */
export function exitCodeOf(report: CheckReport): number {
  return report.findings.some(f => f.severity === 'error') ? 1 : 0;
}

const SEVERITY_RANK: { readonly [severity in Severity]: number } = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; stable within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index)
    .map(entry => entry.finding);
}

/** `2 errors`, `1 warning`, `0 notes`. */
export function plural(count: number, singular: string, pluralForm: string = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The `cdk.tf.json` of each stack with Spectrum constructs, by stack name. */
export function fileOfStack(report: CheckReport): (stack: string) => string | undefined {
  const files = new Map(report.stacks.map(stack => [stack.name, stack.file] as const));
  return stack => files.get(stack);
}

/** How many SpectroSERVERs the checked estate has (primaries and secondaries). */
export function spectroServerCount(report: CheckReport): number {
  return report.topology.landscapes.reduce((n, l) => n + 1 + l.secondaries.length, 0);
}

/** One line: what was checked and what was found. */
export function summaryLine(report: CheckReport): string {
  const counts = countsOf(report.findings);
  const servers = spectroServerCount(report);
  const withSpectrum = report.stacks.filter(s => s.spectrum).length;
  const parts = [
    `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}`,
    ` in ${plural(report.stacks.length, 'stack')}`,
    withSpectrum === 0
      ? ' (no Spectrum constructs)'
      : ` (${plural(report.topology.landscapes.length, 'landscape')}, ${plural(servers, 'SpectroSERVER')}, `
        + `${plural(report.topology.oneClicks.length, 'OneClick server')})`,
  ];
  if (report.baseline) parts.push(`; ${plural(report.changes.length, 'destructive change')} against the baseline`);
  if (report.suppressed.length > 0) parts.push(`; ${report.suppressed.length} acknowledged by the policy`);
  return parts.join('');
}
