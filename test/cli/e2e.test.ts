import { execFile, execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { readJson, stackFile, tempDir, writeJson } from './fixtures';

/**
 * End to end: `cdktf synth` of the examples (the real CLI, as a user runs
 * it), then the built `cdktf-spectrum` binary (bin/ -> out/cli/main.js) on
 * the output, checking what it prints and its exit codes.
 */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'cdktf-spectrum');
const EXAMPLES = ['distributed', 'fault-tolerant', 'composed', 'multi-stack'];

/** Compiles lib/ to out/ when out/cli/main.js is missing or older than a source file. */
function ensureBuilt(): void {
  const main = path.join(ROOT, 'out', 'cli', 'main.js');
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const newest = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : entry.name.endsWith('.ts') ? fs.statSync(full).mtimeMs : 0);
  }, 0);
  if (built < newest(path.join(ROOT, 'lib'))) {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'pipe' });
  }
}

interface BinRun { code: number; stdout: string; stderr: string }

function cli(args: string[], cwd: string): BinRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CDKTF_SPECTRUM_DEBUG: '' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
beforeAll(async () => {
  ensureBuilt();
  work = tempDir('cdktf-spectrum-e2e-');
  const run = promisify(execFile);
  await Promise.all(EXAMPLES.map(example => run(
    path.join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', path.join(work, `${example}.out`)],
    { cwd: path.join(ROOT, 'examples', example), env: { ...process.env, SPECTRUM_PLAN_RESOURCE: 'terraform_data', CI: '1' } },
  )));
}, 300_000);

describe('cdktf-spectrum on the synthesized examples', () => {
  test('the distributed example: clean (exit 0), its estate in the table', () => {
    const run = cli(['check', 'distributed.out'], work);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter(l => /^distributed +estate\//.test(l)).map(l => l.split(/ {2,}/));
    expect(rows).toEqual([
      ['distributed', 'estate/master (master)', '0x100000', 'primary', '${var.hosts["master-primary"]}', '10', 'HOT'],
      ['distributed', 'estate/east', '0x200000', 'primary', '${var.hosts["east-primary"]}', '10', 'HOT'],
      ['distributed', 'estate/west', '0x300000', 'primary', '${var.hosts["west-primary"]}', '10', 'HOT'],
      ['distributed', 'estate/oneclick', '${var.hosts.oneclick}', '${var.hosts["master-primary"]}', 'estate'],
    ]);
    expect(run.stdout).toMatch(/\n0 errors, 0 warnings, \d+ notes in 1 stack \(3 landscapes, 6 SpectroSERVERs, 1 OneClick server\)\n$/);
  });

  test('each example alone passes (exit 0)', () => {
    for (const example of EXAMPLES) {
      const run = cli(['check', `${example}.out`, '--format', 'json'], work);
      expect({ example, code: run.code, stderr: run.stderr }).toEqual({ example, code: 0, stderr: '' });
      expect(JSON.parse(run.stdout).summary.errors).toBe(0);
    }
  });

  test('all examples together: the handles they share are errors across apps (exit 1)', () => {
    const run = cli(['check', ...EXAMPLES.map(e => `${e}.out`), '--format', 'json'], work);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const clashes = report.findings.filter((f: any) => f.ruleId === 'SPX101');
    // distributed and multi-stack both use 0x100000..0x300000; composed (0x500000) and fault-tolerant (0x400000) clash with multi-stack.
    expect(clashes.map((f: any) => f.path).sort()).toEqual([
      'composed/spectrum', 'distributed/estate/east', 'distributed/estate/master', 'distributed/estate/west', 'fault-tolerant/spectrum',
      'spectrum-apac/sydney', 'spectrum-apac/tokyo', 'spectrum-emea/berlin', 'spectrum-emea/paris', 'spectrum-master/estate/master',
    ]);
    expect(report.summary.stacks).toBe(6);
  });

  test('every format of the distributed example', () => {
    const sarif = JSON.parse(cli(['check', 'distributed.out', '--format', 'sarif'], work).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.every((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'distributed.out/stacks/distributed/cdk.tf.json')).toBe(true);
    const markdown = cli(['check', 'distributed.out', '--format', 'markdown'], work).stdout;
    expect(markdown).toMatch(/^### cdktf-spectrum check: :white_check_mark: passed\n/);
    expect(markdown).toContain('```mermaid\nflowchart TB\n');
    expect(markdown).toContain('oc');
    const github = cli(['check', 'distributed.out', '--format', 'github'], work).stdout.trimEnd().split('\n');
    expect(github.slice(0, -1).every(l => l.startsWith('::notice file=distributed.out/stacks/distributed/cdk.tf.json,line='))).toBe(true);
    const written = cli(['check', 'distributed.out', '--format', 'markdown', '--output', 'report.md'], work);
    expect(written.code).toBe(0);
    expect(fs.readFileSync(path.join(work, 'report.md'), 'utf8')).toBe(markdown);
  });

  test('the examples against themselves as baseline: no destructive change', () => {
    const run = cli(['check', 'fault-tolerant.out', '--baseline', 'fault-tolerant.out'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Destructive changes against the baseline fault-tolerant.out: none');
  });

  test('unusable input: one line, exit 2, no stack trace', () => {
    const missing = cli(['check'], work);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "cdktf-spectrum: cdktf.out: no such directory; run 'cdktf synth' first, or name the directory it wrote (default cdktf.out)\n" });

    const old = path.join(work, 'old.out');
    fs.cpSync(path.join(work, 'composed.out'), old, { recursive: true });
    const json = readJson(stackFile(old, 'composed'));
    json['//'].metadata.version = '0.19.0';
    writeJson(stackFile(old, 'composed'), json);
    const incompatible = cli(['check', 'old.out'], work);
    expect(incompatible.code).toBe(2);
    expect(incompatible.stderr.trimEnd().split('\n')).toEqual([
      'cdktf-spectrum: old.out/stacks/composed/cdk.tf.json: synthesized by cdktf 0.19.0, but cdktf-spectrum reads the output of cdktf 0.21.x; synthesize with cdktf 0.21 (the version cdktf-spectrum depends on)',
    ]);

    fs.writeFileSync(stackFile(old, 'composed'), '{ "//": ');
    const invalid = cli(['check', 'old.out'], work);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^cdktf-spectrum: old\.out\/stacks\/composed\/cdk\.tf\.json: not valid JSON \(line 1, column \d+: .+\); synthesize again with 'cdktf synth'\n$/);
  });
});
