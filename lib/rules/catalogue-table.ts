import { Rule } from './rule';

/**
 * The README's rule table, derived from the catalogue so that it cannot
 * drift: one row per rule (id, severity, description), in id order.
 * test/rules/readme-table.test.ts fails when the README differs.
 */
export function catalogueTable(rules: readonly Rule[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| id | severity | rule |',
    '|---|---|---|',
    ...rules.map(rule => `| ${rule.id} | ${rule.severity} | ${escape(rule.description)} |`),
  ].join('\n');
}
