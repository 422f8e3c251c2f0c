import { estateView, StackView, withinStack } from './estate-view';
import { estateDiagram, MAX_DIAGRAM_LANDSCAPES, renderMermaid } from './mermaid';
import { CheckReport, countsOf, plural, summaryLine } from './report';
import { Finding, Severity } from '../model/finding';
import { serversOf } from '../model/topology';

/** Rows a table shows before it says how many more there are (a PR comment holds at most 65,536 characters). */
export const MAX_ROWS = 100;

const ICON: { readonly [severity in Severity]: string } = { error: ':x: error', warning: ':warning: warning', info: ':information_source: note' };

/**
 * `--format markdown`: a report for a pull-request comment: the verdict,
 * errors and warnings (notes folded away), the destructive changes against
 * the baseline, a table of the landscapes, and a Mermaid diagram of the
 * master, the distributed landscapes, primaries, secondaries and OneClick
 * servers. Large estates are cut to MAX_ROWS rows per table.
 */
export function formatMarkdown(report: CheckReport): string {
  const counts = countsOf(report.findings);
  const verdict = counts.error > 0
    ? `:x: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`
    : counts.warning > 0 ? `:warning: ${plural(counts.warning, 'warning')}` : ':white_check_mark: passed';
  const out: string[] = [`### cdktf-spectrum check: ${verdict}`, '', `<sub>${escape(summaryLine(report))} · cdktf-spectrum ${escape(report.version)}</sub>`, ''];

  const problems = report.findings.filter(f => f.severity !== 'info');
  const notes = report.findings.filter(f => f.severity === 'info');
  if (problems.length > 0) out.push(...findingTable(problems), '');
  if (notes.length > 0) out.push(`<details><summary>${plural(notes.length, 'note')}</summary>`, '', ...findingTable(notes), '', '</details>', '');

  if (report.baseline) {
    out.push('#### Destructive changes against the baseline', '');
    if (report.changes.length === 0) {
      out.push('None: no handle, precedence or host changes, no removed secondaries or landscapes.', '');
    } else {
      out.push('| Change | Construct | Before → after | When applied | Terraform replaces / destroys |', '|---|---|---|---|---|');
      for (const change of report.changes.slice(0, MAX_ROWS)) {
        const addresses = [
          ...change.replaced.map(a => `${code(a)} (replaced)`),
          ...change.destroyed.map(a => `${code(a)} (destroyed)`),
        ];
        out.push(`| ${code(change.kind.id)} ${escape(change.kind.kind)} | ${code(change.path)} | ${code(change.before)} → ${code(change.after)} `
          + `| ${escape(change.effect)} | ${addresses.join('<br>') || '–'} |`);
      }
      out.push(...more(report.changes.length, 'changes'), '');
    }
  }

  const views = estateView(report.topology, report.stacks.map(s => s.name));
  if (views.length > 0) {
    out.push('#### Landscapes', '', ...landscapeTable(views), '');
    const diagram = estateDiagram(views);
    out.push('#### Topology', '');
    if (diagram) {
      if (diagram.collapsed) out.push('<sub>Servers are left out of the diagram: the estate is too large to draw them all.</sub>', '');
      out.push('```mermaid', renderMermaid(diagram), '```', '');
    } else {
      out.push(`<sub>The diagram is left out: more than ${MAX_DIAGRAM_LANDSCAPES} landscapes.</sub>`, '');
    }
  } else {
    out.push('No Spectrum constructs in the synthesized stacks.', '');
  }

  if (report.suppressed.length > 0) {
    out.push(`<details><summary>${plural(report.suppressed.length, 'finding')} acknowledged by the policy</summary>`, '',
      '| Rule | Construct | Finding | Reason |', '|---|---|---|---|',
      ...report.suppressed.slice(0, MAX_ROWS).map(f => `| ${code(f.ruleId)} | ${code(f.path)} | ${escape(f.message)} | ${escape(f.reason)} |`),
      ...more(report.suppressed.length, 'acknowledged findings'), '', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function findingTable(findings: readonly Finding[]): string[] {
  return [
    '| | Rule | Stack | Construct | Finding |',
    '|---|---|---|---|---|',
    ...findings.slice(0, MAX_ROWS).map(f =>
      `| ${ICON[f.severity]} | ${code(f.ruleId)} | ${code(f.stack)} | ${code(f.path)} | ${escape(f.message)}<br>**Fix:** ${escape(f.fix)} |`),
    ...more(findings.length, 'findings'),
  ];
}

function landscapeTable(views: readonly StackView[]): string[] {
  const rows: string[] = [];
  let total = 0;
  for (const view of views) {
    const landscapes = [
      ...view.distributed.flatMap(d => d.landscapes.map(l => ({ l, role: l === d.master ? 'master' : `in ${withinStack(d.node.path, l.stack)}` }))),
      ...view.landscapes.map(l => ({ l, role: '' })),
    ];
    for (const { l, role } of landscapes) {
      total++;
      if (rows.length >= MAX_ROWS) continue;
      const servers = serversOf(l).map(s => `${s.role === 'PRIMARY' ? 'primary' : 'secondary'} ${code(s.host.text)} (${s.precedence})`).join('<br>');
      rows.push(`| ${code(l.stack)} | ${code(withinStack(l.path, l.stack))}${role ? ` ${escape(role)}` : ''} | ${code(l.handle.text)} | ${servers} | ${l.standbyMode} |`);
    }
  }
  return ['| Stack | Landscape | Handle | Servers (precedence) | Standby |', '|---|---|---|---|---|', ...rows, ...more(total, 'landscapes')];
}

function more(total: number, what: string): string[] {
  return total > MAX_ROWS ? ['', `<sub>… and ${total - MAX_ROWS} more ${what}: see the JSON or SARIF report.</sub>`] : [];
}

/**
 * Text for a Markdown table cell: HTML-escaped; `|`, line breaks and `$`
 * (GitHub reads `$...$` as math, and Terraform expressions are full of `$`)
 * made harmless.
 */
export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/\$/g, '&#36;')
    .replace(/[\r\n]+/g, ' ');
}

/** Inline code in a table cell (HTML, so backticks and pipes in the value cannot break out). */
export function code(text: string): string {
  return `<code>${escape(text).replace(/`/g, '&#96;')}</code>`;
}
