import { estateView, withinStack } from './estate-view';
import { CheckReport, summaryLine } from './report';
import { Finding } from '../model/finding';
import { MaybeToken, serversOf } from '../model/topology';
import { UpgradePhase, UpgradeStep } from '../review/rolling-upgrade';

/** Longest cell the tables show before they shorten it. */
const MAX_CELL = 60;

/**
 * The default report, for people at a terminal or in a CI log: every
 * finding (severity, rule id, stack, construct path, message and fix),
 * then the landscapes (handle, servers, precedence, standby mode), the
 * OneClick servers, the destructive changes against the baseline with the
 * Terraform addresses they touch, the acknowledged findings, and a summary.
 */
export function formatText(report: CheckReport): string {
  const out: string[] = [];
  for (const finding of report.findings.filter(f => f.severity !== 'info')) out.push(...findingLines(finding));
  out.push(...noteLines(report.findings.filter(f => f.severity === 'info')));
  if (report.findings.length > 0) out.push('');

  const views = estateView(report.topology, report.stacks.map(s => s.name));
  const rows: string[][] = [];
  for (const view of views) {
    const landscapes = [
      ...view.distributed.flatMap(d => d.landscapes.map(l => ({ l, master: l === d.master }))),
      ...view.landscapes.map(l => ({ l, master: false })),
    ];
    for (const { l, master } of landscapes) {
      serversOf(l).forEach((server, i) => rows.push(i === 0
        ? [l.stack, `${withinStack(l.path, l.stack)}${master ? ' (master)' : ''}`, l.handle.text, server.name, host(server.host), `${server.precedence}`, l.standbyMode]
        : ['', '', '', server.name, host(server.host), `${server.precedence}`, '']));
    }
  }
  if (rows.length > 0) {
    out.push('Landscapes');
    out.push(...table(['STACK', 'LANDSCAPE', 'HANDLE', 'SERVER', 'HOST', 'PRECEDENCE', 'STANDBY'], rows), '');
  }

  const oneClicks = views.flatMap(view => [
    ...view.distributed.flatMap(d => d.oneClicks.map(o => ({ o, dss: withinStack(d.node.path, view.name) }))),
    ...view.oneClicks.map(o => ({ o, dss: '' })),
  ]);
  if (oneClicks.length > 0) {
    out.push('OneClick servers');
    out.push(...table(['STACK', 'ONECLICK', 'HOST', 'MAIN LOCATION SERVER', 'DISTRIBUTED LANDSCAPE'],
      oneClicks.map(({ o, dss }) => [o.stack, withinStack(o.path, o.stack), host(o.host), host(o.mainLocationServer), dss])), '');
  }

  if (report.baseline) {
    out.push(`Destructive changes against the baseline ${report.baseline.join(', ')}: ${report.changes.length === 0 ? 'none' : ''}`.trimEnd());
    for (const change of report.changes) {
      out.push(`  ${change.kind.id} ${change.kind.kind}  ${change.path}  ${change.before} -> ${change.after}`);
      if (change.replaced.length > 0) out.push(`    replaces: ${change.replaced.join(', ')}`);
      if (change.destroyed.length > 0) out.push(`    destroys: ${change.destroyed.join(', ')}`);
      if (change.upgradeOrder) out.push(...upgradeOrderLines(change.upgradeOrder));
    }
    out.push('');
  }

  if (report.suppressed.length > 0) {
    out.push('Acknowledged by the policy');
    for (const finding of report.suppressed) out.push(`  ${finding.ruleId}  ${finding.path}: ${finding.reason} (${finding.suppressedBy})`);
    out.push('');
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function findingLines(finding: Finding): string[] {
  return [
    `${finding.severity.padEnd(7)} ${finding.ruleId}  stack ${finding.stack}  ${finding.path}`,
    `  ${finding.message}`,
    `  fix: ${finding.fix}`,
  ];
}

/**
 * Notes with the same rule and fix (e.g. every host that is a Terraform
 * expression) are listed under one heading with their count and the fix
 * once; an identical note about several constructs is one line naming them.
 */
function noteLines(notes: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const note of notes) {
    const key = `${note.ruleId}\u0000${note.fix}`;
    const group = groups.get(key);
    if (group) group.push(note); else groups.set(key, [note]);
  }
  const out: string[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(...findingLines(group[0]));
      continue;
    }
    out.push(`info    ${group[0].ruleId}  ${group.length} notes`);
    const paths = new Map<string, string[]>();
    for (const note of group) {
      const list = paths.get(note.message);
      if (list) list.push(note.path); else paths.set(note.message, [note.path]);
    }
    for (const [message, where] of paths) {
      out.push(where.length === 1 ? `  ${where[0]}: ${message}` : `  ${message} (${where.length} times: ${where.join(', ')})`);
    }
    out.push(`  fix: ${group[0].fix}`);
  }
  return out;
}

/** A rolling upgrade's order: one line per server, numbered by step (servers of one step are upgraded side by side). */
function upgradeOrderLines(steps: readonly UpgradeStep[]): string[] {
  const rows = steps.map(s => [`${s.position}.`, PHASE_NAMES[s.phase], s.path, host(s.host), `${s.before} -> ${s.after}`]);
  return ['    upgrade order:', ...table(['STEP', 'PHASE', 'SERVER', 'HOST', 'RELEASE'], rows).map(line => `      ${line}`)];
}

const PHASE_NAMES: { readonly [phase in UpgradePhase]: string } = {
  'master-primary': 'master primary',
  'primary': 'primary',
  'secondary': 'secondary',
  'oneclick': 'OneClick',
};

function host(value: MaybeToken): string {
  return value.text;
}

/** Left-aligned columns, two spaces apart; long cells shortened. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cells = rows.map(row => row.map(cell => (cell.length > MAX_CELL ? `${cell.slice(0, MAX_CELL - 3)}...` : cell)));
  const widths = headers.map(h => h.length);
  for (const row of cells) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  const line = (row: readonly string[]): string => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), ...cells.map(line)];
}
