import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../lib/rules/catalogue';
import { catalogueTable } from '../../lib/rules/catalogue-table';

const README = path.join(__dirname, '..', '..', 'README.md');
const START = '<!-- rules:start (generated from lib/rules/catalogue.ts; UPDATE_README=1 npx jest test/rules/readme-table rewrites it) -->';
const END = '<!-- rules:end -->';

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
