/** The results as a console table and as the README's markdown. */
import { BenchResults } from './results';
import { round } from './stats';
import { evaluateTargets } from './targets';

const r1 = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 100 ? 1 : 0) : '-');
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const perResource = (ms: number) => (ms >= 0 ? `${r1(ms)} ms more` : `${r1(-ms)} ms less`);

function rowsOf(results: BenchResults): string[][] {
  const head = ['N', 'resources', 'library ms', 'baseline ms', 'lib/base', 'library MB', 'baseline MB', 'lib/base', 'depth'];
  const rows = results.rows.map(r => [
    String(r.n),
    String(r.resources),
    r1(r.librarySynthMs),
    r1(r.baselineSynthMs),
    ratio(r.librarySynthMs, r.baselineSynthMs),
    r1(r.libraryPeakMb),
    r1(r.baselinePeakMb),
    ratio(r.libraryPeakMb, r.baselinePeakMb),
    String(r.depth),
  ]);
  return [head, ...rows];
}

export function consoleTable(results: BenchResults): string {
  const rows = rowsOf(results);
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  const out = [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const c = results.check;
  if (c?.checkMs !== undefined && c.parseMs !== undefined) {
    out.push('', `check (N = ${c.n}, ${round((c.bytes ?? 0) / 1024 / 1024, 1)} MB of cdk.tf.json): ${r1(c.checkMs)} ms, JSON.parse ${r1(c.parseMs)} ms, ratio ${ratio(c.checkMs, c.parseMs)}; reading the files alone ${r1(c.readMs!)} ms (first run: check ${r1(c.firstCheckMs!)}, parse ${r1(c.firstParseMs!)} ms)`);
  } else if (c?.skipped) {
    out.push('', `check: skipped (${c.skipped})`);
  }
  if (results.terraformData) {
    const t = results.terraformData;
    out.push(`terraform_data (N = ${t.n}, ${t.resources} resources): library ${r1(t.librarySynthMs)} ms, baseline ${r1(t.baselineSynthMs)} ms: ${perResource(t.extraMsPerResource)} per resource than null_resource`);
  }
  out.push('', 'targets:');
  for (const t of evaluateTargets(results)) out.push(`  ${t.pass === undefined ? '-   ' : t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.measured}`);
  out.push('', `machine: ${results.machine}; load average ${results.loadAverage.start} at the start, ${results.loadAverage.end} at the end; whole run ${round(results.wallSeconds)} s`);
  return out.join('\n');
}

export function markdownResults(results: BenchResults): string {
  const rows = rowsOf(results);
  const md = [
    `| ${rows[0].join(' | ')} |`,
    `|${rows[0].map(() => '---:').join('|')}|`,
    ...rows.slice(1).map(r => `| ${r.join(' | ')} |`),
    '',
  ];
  const c = results.check;
  if (c?.checkMs !== undefined && c.parseMs !== undefined) {
    md.push(`\`cdktf-spectrum check\` on the N = ${c.n} output (${round((c.bytes ?? 0) / 1024 / 1024, 1)} MB of \`cdk.tf.json\`): `
      + `${r1(c.checkMs)} ms against ${r1(c.parseMs)} ms for \`JSON.parse\` of the same text (${ratio(c.checkMs, c.parseMs)}x); `
      + `reading the files alone (\`readFileSync\`, which check does and the parse figure leaves out) takes ${r1(c.readMs!)} ms. `
      + `Medians of ${c.repetitions} runs in one process; the first run: check ${r1(c.firstCheckMs!)} ms, parse ${r1(c.firstParseMs!)} ms.`, '');
  }
  md.push('| target | measured | |', '|---|---|---|');
  for (const t of evaluateTargets(results)) md.push(`| ${t.target} | ${t.measured} | ${t.pass === undefined ? '-' : t.pass ? 'pass' : '**fail**'} |`);
  if (results.terraformData) {
    const t = results.terraformData;
    md.push('', `With \`PlanResource.TERRAFORM_DATA\` (N = ${t.n}, ${t.resources} resources): library ${r1(t.librarySynthMs)} ms, `
      + `hand-written \`DataResource\` ${r1(t.baselineSynthMs)} ms; the library: ${perResource(t.extraMsPerResource)} per resource than with \`null_resource\`.`);
  }
  md.push('', `Machine: ${results.machine}; ${results.date.slice(0, 10)}${results.commit ? `, commit ${results.commit}` : ''}; 1-minute load average ${results.loadAverage.start} at the start and `
    + `${results.loadAverage.end} at the end of the run; the whole \`npm run bench\` took ${round(results.wallSeconds)} s.`);
  return md.join('\n');
}
