import { estateView, withinStack } from './estate-view';
import { CheckReport, summaryLine } from './report';
import { MaybeToken, serversOf } from '../model/topology';

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
  for (const finding of report.findings) {
    out.push(`${finding.severity.padEnd(7)} ${finding.ruleId}  stack ${finding.stack}  ${finding.path}`);
    out.push(`  ${finding.message}`);
    out.push(`  fix: ${finding.fix}`);
  }
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
