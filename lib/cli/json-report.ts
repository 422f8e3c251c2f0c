import { estateView, landscapesInOrder } from './estate-view';
import { lineLookupOf } from './locations';
import { CheckReport, countsOf, exitCodeOf, spectroServerCount } from './report';
import { Finding, Severity } from '../model/finding';
import { MaybeToken, serversOf } from '../model/topology';

/**
 * The JSON report of `cdktf-spectrum check --format json`: schema version 1.
 *
 * Stability: within `schemaVersion` 1, fields are only ever added (never
 * renamed, removed or retyped), and every array keeps the order documented
 * here. A consumer should ignore fields it does not know. The JSON Schema
 * is REPORT_SCHEMA (report-schema.ts), published as docs/report.schema.json
 * and printed by `cdktf-spectrum schema report`.
 */
export interface JsonReport {
  /** Always 1 for this format. */
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'cdktf-spectrum'; readonly version: string };
  /** What was checked: synth directories, baseline directories, policy file (as given). */
  readonly inputs: { readonly directories: string[]; readonly baseline?: string[]; readonly policy?: string };
  readonly summary: JsonSummary;
  /** Findings after the policy, errors first, then warnings, then notes. */
  readonly findings: JsonFinding[];
  /** Findings the policy acknowledged, with the reason. */
  readonly suppressed: JsonSuppressedFinding[];
  /** Every stack read (with or without Spectrum constructs), in order. */
  readonly stacks: Array<{ readonly name: string; readonly file: string; readonly cdktfVersion: string; readonly hasSpectrum: boolean }>;
  /** Every landscape: by stack, each distributed landscape's master first. */
  readonly landscapes: JsonLandscape[];
  readonly distributedLandscapes: JsonDistributed[];
  readonly oneClickServers: JsonOneClick[];
  /** Destructive changes against the baseline, by stack then path (empty without a baseline). */
  readonly changes: JsonChange[];
}

export interface JsonSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly notes: number;
  readonly suppressed: number;
  readonly stacks: number;
  readonly landscapes: number;
  readonly spectroServers: number;
  readonly oneClickServers: number;
  readonly changes: number;
  /** The command's exit code: 1 with errors, else 0. */
  readonly exitCode: 0 | 1;
}

export interface JsonFinding {
  /** Rule id: SPX1nn catalogue, SPX2nn optional (policy), SPX3nn destructive change (baseline). */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly stack: string;
  /** Construct path the finding is about. */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  /** The stack's cdk.tf.json and the line of the construct there (1 when unknown). */
  readonly file: string;
  readonly line: number;
}

export interface JsonSuppressedFinding extends JsonFinding {
  readonly reason: string;
  /** Where the suppression was given, e.g. `policy.yaml /suppressions/0`. */
  readonly suppressedBy: string;
}

/** A host or other value that may only be known at apply time. */
export interface JsonValue {
  /** The literal, or the Terraform expression of a token, e.g. `${var.hosts["a"]}`. */
  readonly text: string;
  readonly isToken: boolean;
}

export interface JsonServer {
  readonly path: string;
  readonly name: string;
  readonly role: 'PRIMARY' | 'SECONDARY';
  readonly host: JsonValue;
  /** null when it is not a number (a Terraform expression). */
  readonly precedence: number | null;
}

export interface JsonLandscape {
  readonly stack: string;
  readonly path: string;
  readonly name: string;
  /** The handle as written, e.g. `0x400000`, and its value (null when malformed). */
  readonly handle: { readonly text: string; readonly value: number | null };
  readonly standbyMode: 'WARM' | 'HOT';
  readonly backup: 'SSDBSAVE' | 'COMMAND';
  /** Path of its distributed landscape, or null. */
  readonly distributed: string | null;
  readonly isMaster: boolean;
  readonly mainLocationServer: JsonValue;
  /** The primary first, then the secondaries in order. */
  readonly servers: JsonServer[];
}

export interface JsonDistributed {
  readonly stack: string;
  readonly path: string;
  readonly name: string;
  /** Path of the master landscape, or null. */
  readonly master: string | null;
  /** Member landscape paths, master first. */
  readonly landscapes: string[];
  readonly oneClickServers: string[];
}

export interface JsonOneClick {
  readonly stack: string;
  readonly path: string;
  readonly name: string;
  readonly host: JsonValue;
  readonly mainLocationServer: JsonValue;
  readonly distributed: string | null;
}

export interface JsonChange {
  /** SPX3nn */
  readonly ruleId: string;
  /** One of CHANGE_KINDS' `kind` (handle-changed, secondary-removed, ...). */
  readonly kind: string;
  readonly stack: string;
  readonly path: string;
  readonly message: string;
  readonly before: string;
  readonly after: string;
  /** What happens when the change is applied. */
  readonly effect: string;
  /** Terraform addresses of the element's plan resources that will be replaced / destroyed, sorted. */
  readonly replaced: string[];
  readonly destroyed: string[];
  /** Only on rolling-upgrade changes: every upgraded server, in the order the plan upgrades them. */
  readonly upgradeOrder?: JsonUpgradeStep[];
}

/** One server of a rolling upgrade. */
export interface JsonUpgradeStep {
  /** 1 for the servers upgraded first; servers with the same position are upgraded side by side. */
  readonly position: number;
  /** master-primary, primary, secondary, oneclick: the order of the phases. */
  readonly phase: string;
  readonly stack: string;
  readonly path: string;
  readonly host: JsonValue;
  /** Path of the server's landscape; null for a OneClick server. */
  readonly landscape: string | null;
  /** The release before and after: the version, or `media <path>` when no version is given. */
  readonly before: string;
  readonly after: string;
}

/** The report as JsonReport. */
export function toJsonReport(report: CheckReport): JsonReport {
  const counts = countsOf(report.findings);
  const views = estateView(report.topology, report.stacks.map(s => s.name));
  const located = locator(report);
  const value = (v: MaybeToken): JsonValue => ({ text: v.text, isToken: v.isToken });
  const numberOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);
  return {
    schemaVersion: 1,
    tool: { name: 'cdktf-spectrum', version: report.version },
    inputs: {
      directories: [...report.directories],
      ...(report.baseline ? { baseline: [...report.baseline] } : {}),
      ...(report.policyFile !== undefined ? { policy: report.policyFile } : {}),
    },
    summary: {
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.info,
      suppressed: report.suppressed.length,
      stacks: report.stacks.length,
      landscapes: report.topology.landscapes.length,
      spectroServers: spectroServerCount(report),
      oneClickServers: report.topology.oneClicks.length,
      changes: report.changes.length,
      exitCode: exitCodeOf(report) as 0 | 1,
    },
    findings: report.findings.map(located),
    suppressed: report.suppressed.map(f => ({ ...located(f), reason: f.reason, suppressedBy: f.suppressedBy })),
    stacks: report.stacks.map(s => ({ name: s.name, file: s.file, cdktfVersion: s.cdktfVersion, hasSpectrum: s.spectrum !== undefined })),
    landscapes: landscapesInOrder(views).map(l => ({
      stack: l.stack,
      path: l.path,
      name: l.name,
      handle: { text: l.handle.text, value: numberOrNull(l.handle.value) },
      standbyMode: l.standbyMode,
      backup: l.backup,
      distributed: l.distributed ?? null,
      isMaster: l.isMaster,
      mainLocationServer: value(l.mainLocationServer),
      servers: serversOf(l).map(s => ({ path: s.path, name: s.name, role: s.role, host: value(s.host), precedence: numberOrNull(s.precedence) })),
    })),
    distributedLandscapes: views.flatMap(v => v.distributed).map(d => ({
      stack: d.node.stack,
      path: d.node.path,
      name: d.node.name,
      master: d.master?.path ?? null,
      landscapes: d.landscapes.map(l => l.path),
      oneClickServers: d.oneClicks.map(o => o.path),
    })),
    oneClickServers: views.flatMap(v => [...v.distributed.flatMap(d => d.oneClicks), ...v.oneClicks]).map(o => ({
      stack: o.stack,
      path: o.path,
      name: o.name,
      host: value(o.host),
      mainLocationServer: value(o.mainLocationServer),
      distributed: o.distributed ?? null,
    })),
    changes: report.changes.map(c => ({
      ruleId: c.kind.id,
      kind: c.kind.kind,
      stack: c.stack,
      path: c.path,
      message: c.message,
      before: c.before,
      after: c.after,
      effect: c.effect,
      replaced: [...c.replaced],
      destroyed: [...c.destroyed],
      ...(c.upgradeOrder ? {
        upgradeOrder: c.upgradeOrder.map(u => ({
          position: u.position,
          phase: u.phase,
          stack: u.stack,
          path: u.path,
          host: value(u.host),
          landscape: u.landscape ?? null,
          before: u.before,
          after: u.after,
        })),
      } : {}),
    })),
  };
}

/** `--format json`: the JsonReport, indented by two spaces. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(toJsonReport(report), undefined, 2)}\n`;
}

/** A finding with the file and line of its construct. */
export function locator(report: CheckReport): (finding: Finding) => JsonFinding {
  const stacks = new Map(report.stacks.map(s => [s.name, s] as const));
  return finding => {
    const stack = stacks.get(finding.stack);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      stack: finding.stack,
      path: finding.path,
      message: finding.message,
      fix: finding.fix,
      file: stack?.file ?? '',
      line: (stack && lineLookupOf(stack)(finding.path)) ?? 1,
    };
  };
}
