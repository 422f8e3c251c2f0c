import { Rule } from './rule';

/**
 * The README's rule table, derived from the catalogue so that it cannot
 * drift: one row per rule (id, severity, description), in id order.
 * test/rules/readme-table.test.ts fails when the README differs.
 */
export function catalogueTable(rules: readonly Rule[]): string {
  return markdownTable(['id', 'severity', 'rule'], rules.map(rule => [rule.id, rule.severity, rule.description]));
}

/** A Markdown table; `|` in cells escaped. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
