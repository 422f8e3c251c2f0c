import * as fs from 'fs';
import * as path from 'path';
import { CHANGE_KINDS } from '../../lib/review/change-kinds';
import { RULES } from '../../lib/rules/catalogue';
import { catalogueTable, markdownTable } from '../../lib/rules/catalogue-table';

const README = path.join(__dirname, '..', '..', 'README.md');
const START = '<!-- rules:start (generated from lib/rules/catalogue.ts; UPDATE_README=1 npx jest test/rules/readme-table rewrites it) -->';
const END = '<!-- rules:end -->';
const CHANGES_START = '<!-- change-kinds:start (generated from lib/review/change-kinds.ts; UPDATE_README=1 npx jest test/rules/readme-table rewrites it) -->';
const CHANGES_END = '<!-- change-kinds:end -->';

/** The README's generated block between `start` and `end` is `table`; UPDATE_README=1 rewrites it. */
function expectGenerated(start: string, end: string, table: string): void {
  const readme = fs.readFileSync(README, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  const expected = `${start}\n${table}\n${end}`;
  if (process.env.UPDATE_README === '1') {
    fs.writeFileSync(README, readme.slice(0, from) + expected + readme.slice(to + end.length));
    return;
  }
  expect(readme.slice(from, to + end.length)).toBe(expected);
}

test("the README's change-kind table is CHANGE_KINDS': id, kind, what it means, what to do", () => {
  expectGenerated(CHANGES_START, CHANGES_END, markdownTable(['id', 'change', 'what happens when it is applied', 'what to do'],
    CHANGE_KINDS.map(k => [k.id, k.kind, k.description.replace(/^Baseline: /, ''), k.help])));
});

test("the README's rule table is the catalogue's: every rule, its severity and description", () => {
  const readme = fs.readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const expected = `${START}\n${catalogueTable(RULES)}\n${END}`;
  if (process.env.UPDATE_README === '1') {
    fs.writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
    return;
  }
  expect(readme.slice(start, end + END.length)).toBe(expected);
});
