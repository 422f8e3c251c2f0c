/**
 * Refreshes the results inside the README's Performance section, between
 * `<!-- bench:results:start -->` and `<!-- bench:results:end -->` (which sit
 * inside `<!-- performance:start/end -->`), from bench/results.json. Nothing
 * else of the README is touched.
 *
 *   npx ts-node --transpile-only bench/readme.ts
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { markdownResults } from './report';
import { BenchResults } from './results';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

export function updateReadme(readmeFile: string, results: BenchResults): void {
  const text = readFileSync(readmeFile, 'utf8');
  const section = text.indexOf('<!-- performance:start -->');
  const sectionEnd = text.indexOf('<!-- performance:end -->');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (section < 0 || sectionEnd < 0 || start < section || end < start || end > sectionEnd) {
    throw new Error(`${readmeFile}: no ${START} ... ${END} inside the performance markers`);
  }
  const updated = `${text.slice(0, start + START.length)}\n${markdownResults(results)}\n${text.slice(end)}`;
  writeFileSync(readmeFile, updated);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  updateReadme(path.join(root, 'README.md'), JSON.parse(readFileSync(path.join(__dirname, 'results.json'), 'utf8')));
}
