/**
 * `npm run bench`: synthesis, PR check and plan depth of Spectrum estates of
 * N = 1, 10, 100 and 1000 distributed landscapes, against hand-written cdktf
 * that emits the same resources. Prints a table, writes bench/results.json.
 * Every synthesis runs in its own fresh child process (bench/child.ts): wall
 * time and peak RSS of that one synthesis; medians over the repetitions.
 *
 *   npm run bench                   # the whole benchmark (about 5 minutes on 2 cores)
 *
 * projen does not pass arguments on, so options go to the script itself:
 *   BENCH="npx ts-node -P test/tsconfig.json --transpile-only bench/run.ts"
 *   $BENCH --readme                  # the whole benchmark, then refresh the README's results table
 *   $BENCH --ns 1,10,100             # fewer sizes (results.json is not written unless --write)
 *   $BENCH --no-terraform-data       # skip the terraform_data run
 *   $BENCH --profile                 # CPU profiles of N = 1000 (synthesis and check) into bench/*.cpuprofile
 */
import { fork } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckJob, CheckResult, SynthJob, SynthResult } from './child';
import { landscapeId, STACK_ID } from './estate';
import { codeVersion, describe, machine } from './machine';
import { readStacks } from './output';
import { topBySelfTime } from './profile-summary';
import { updateReadme } from './readme';
import { consoleTable } from './report';
import { BenchResults, BenchRow, CheckSummary } from './results';
import { shapeOf } from './shape';
import { median, round } from './stats';

const ROOT = path.resolve(__dirname, '..');
const CHILD = path.join(__dirname, 'child.ts');
const RESULTS = path.join(__dirname, 'results.json');
const SIZES = [1, 10, 100, 1000];
const repetitionsFor = (n: number) => (n >= 1000 ? 3 : 5);
const CHECK_N = 1000;
const CHECK_REPETITIONS = 5;
const PLAN_RESOURCE = 'null_resource';

interface Options {
  sizes: number[];
  profile: boolean;
  readme: boolean;
  write: boolean;
  terraformData: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const ns = value('--ns');
  const sizes = ns ? ns.split(',').map(Number) : SIZES;
  return {
    sizes,
    profile: argv.includes('--profile'),
    readme: argv.includes('--readme'),
    write: ns === undefined || argv.includes('--write'),
    terraformData: !argv.includes('--no-terraform-data'),
  };
}

/** Runs one job in a fresh `node -r ts-node/register/transpile-only` child. */
function runChild<T>(job: SynthJob | CheckJob, extraNodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(job)], {
      cwd: ROOT,
      execArgv: [...extraNodeArgs, '-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: { ok: boolean; result?: T; error?: string } | undefined;
    child.on('message', m => { message = m as typeof message; });
    child.on('error', reject);
    child.on('exit', code => {
      if (message?.ok) resolve(message.result!);
      else reject(new Error(message?.error ?? `benchmark child exited with ${code} (${JSON.stringify(job).slice(0, 200)})`));
    });
  });
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** The plan shape for the baseline, from a library synthesis of N = 1. */
function writeShape(outdir: string, file: string): void {
  const [stack] = readStacks(outdir);
  const shape = shapeOf(stack, STACK_ID, 'estate', landscapeId(0), 'oneclick');
  writeFileSync(file, JSON.stringify(shape));
}

async function measureSize(n: number, tmp: string, shapeFile: string, keepLibraryOutput: string | undefined): Promise<BenchRow> {
  const reps = repetitionsFor(n);
  const library: SynthResult[] = [];
  const baseline: SynthResult[] = [];
  for (let r = 0; r < reps; r++) {
    const libOut = r === reps - 1 && keepLibraryOutput ? keepLibraryOutput : path.join(tmp, `library-${n}-${r}`);
    library.push(await runChild<SynthResult>({ kind: 'synth', variant: 'library', n, outdir: libOut, planResource: PLAN_RESOURCE }));
    if (!existsSync(shapeFile)) writeShape(libOut, shapeFile);
    if (libOut !== keepLibraryOutput) rmSync(libOut, { recursive: true, force: true });
    const baseOut = path.join(tmp, `baseline-${n}-${r}`);
    baseline.push(await runChild<SynthResult>({ kind: 'synth', variant: 'baseline', n, outdir: baseOut, planResource: PLAN_RESOURCE, shapeFile }));
    rmSync(baseOut, { recursive: true, force: true });
    progress(`  N=${n} rep ${r + 1}/${reps}: library ${round(library[r].totalMs)} ms ${round(library[r].peakRssMb)} MB, baseline ${round(baseline[r].totalMs)} ms ${round(baseline[r].peakRssMb)} MB`);
  }
  const med = (rs: SynthResult[], f: (r: SynthResult) => number) => round(median(rs.map(f)), 1);
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const [lib0, base0] = [library[0], baseline[0]];
  if (total(lib0.resources) !== total(base0.resources)) {
    throw new Error(`baseline has ${total(base0.resources)} resources, library ${total(lib0.resources)}: bench/shape.ts is out of date`);
  }
  return {
    n,
    librarySynthMs: med(library, r => r.totalMs),
    baselineSynthMs: med(baseline, r => r.totalMs),
    libraryPeakMb: med(library, r => r.peakRssMb),
    baselinePeakMb: med(baseline, r => r.peakRssMb),
    depth: lib0.depth,
    baselineDepth: base0.depth,
    libraryConstructMs: med(library, r => r.constructMs),
    librarySynthOnlyMs: med(library, r => r.synthMs),
    baselineConstructMs: med(baseline, r => r.constructMs),
    baselineSynthOnlyMs: med(baseline, r => r.synthMs),
    startRssMb: med([...library, ...baseline], r => r.startRssMb),
    resources: total(lib0.resources),
    baselineResources: total(base0.resources),
    provisionerBytes: lib0.provisionerBytes,
    baselineProvisionerBytes: base0.provisionerBytes,
    outputMb: round(lib0.outputBytes / 1024 / 1024, 1),
    baselineOutputMb: round(base0.outputBytes / 1024 / 1024, 1),
    repetitions: reps,
    librarySamplesMs: library.map(r => round(r.totalMs)),
    baselineSamplesMs: baseline.map(r => round(r.totalMs)),
  };
}

async function measureCheck(dir: string): Promise<CheckSummary> {
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.ts'))) {
    return { n: CHECK_N, skipped: 'lib/cli/main.ts does not exist yet' };
  }
  const c = await runChild<CheckResult>({ kind: 'check', dir, repetitions: CHECK_REPETITIONS });
  if (c.exitCode !== 0) progress(`  check exited with ${c.exitCode}: ${c.summary.slice(0, 500)}`);
  return {
    n: CHECK_N,
    checkMs: round(median(c.checkMs), 1),
    parseMs: round(median(c.parseMs), 1),
    readMs: round(median(c.readMs), 1),
    firstCheckMs: round(c.checkMs[0], 1),
    firstParseMs: round(c.parseMs[0], 1),
    bytes: c.bytes,
    exitCode: c.exitCode,
    repetitions: CHECK_REPETITIONS,
  };
}

/**
 * The same estate with PlanResource.TERRAFORM_DATA and cdktf's DataResource,
 * once each at N = 1: cdktf's DataResource adds a validation to every
 * instance that runs `terraform version` in a subprocess, which makes N = 1000
 * take many minutes (see README).
 */
async function measureTerraformData(tmp: string, nullRow: BenchRow | undefined): Promise<BenchResults['terraformData']> {
  const n = 1;
  const lib = await runChild<SynthResult>({ kind: 'synth', variant: 'library', n, outdir: path.join(tmp, 'td-library'), planResource: 'terraform_data' });
  const tdShape = path.join(tmp, 'td-shape.json');
  writeShape(path.join(tmp, 'td-library'), tdShape);
  const base = await runChild<SynthResult>({ kind: 'synth', variant: 'baseline', n, outdir: path.join(tmp, 'td-baseline'), planResource: 'terraform_data', shapeFile: tdShape });
  const resources = Object.values(lib.resources).reduce((a, b) => a + b, 0);
  const extra = nullRow ? (lib.totalMs - nullRow.librarySynthMs) / resources : Number.NaN;
  progress(`  terraform_data N=${n}: library ${round(lib.totalMs)} ms, baseline ${round(base.totalMs)} ms (${resources} resources)`);
  return { n, resources, librarySynthMs: round(lib.totalMs), baselineSynthMs: round(base.totalMs), extraMsPerResource: round(extra, 1) };
}

async function profile(tmp: string): Promise<void> {
  const shapeFile = path.join(tmp, 'shape.json');
  await runChild<SynthResult>({ kind: 'synth', variant: 'library', n: 1, outdir: path.join(tmp, 'shape'), planResource: PLAN_RESOURCE });
  writeShape(path.join(tmp, 'shape'), shapeFile);
  for (const variant of ['library', 'baseline'] as const) {
    const name = `synth-${variant}-1000.cpuprofile`;
    progress(`profiling ${variant} N=1000 -> bench/${name}`);
    const r = await runChild<SynthResult>(
      { kind: 'synth', variant, n: 1000, outdir: path.join(tmp, `profile-${variant}`), planResource: PLAN_RESOURCE, shapeFile },
      ['--cpu-prof', `--cpu-prof-dir=${__dirname}`, `--cpu-prof-name=${name}`],
    );
    progress(`  ${round(r.totalMs)} ms (construct ${round(r.constructMs)}, synth ${round(r.synthMs)}), peak ${round(r.peakRssMb)} MB`);
    process.stdout.write(`${topBySelfTime(path.join(__dirname, name), 15)}\n\n`);
  }
  const name = 'check-1000.cpuprofile';
  progress(`profiling cdktf-spectrum check on the library's N=1000 output -> bench/${name}`);
  await runChild<CheckResult>({ kind: 'check', dir: path.join(tmp, 'profile-library'), repetitions: CHECK_REPETITIONS },
    ['--cpu-prof', `--cpu-prof-dir=${__dirname}`, `--cpu-prof-name=${name}`]);
  process.stdout.write(`${topBySelfTime(path.join(__dirname, name), 15)}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cdktf-spectrum-bench-'));
  const started = performance.now();
  try {
    if (options.profile) return await profile(tmp);
    const loadStart = os.loadavg()[0];
    const m = machine();
    progress(`cdktf-spectrum benchmark on ${describe(m)}`);
    const shapeFile = path.join(tmp, 'shape.json');
    const checkDir = path.join(tmp, `library-${CHECK_N}-check`);
    const rows: BenchRow[] = [];
    for (const n of options.sizes) {
      progress(`N=${n}: ${repetitionsFor(n)} repetitions, each in a fresh process`);
      rows.push(await measureSize(n, tmp, shapeFile, n === CHECK_N ? checkDir : undefined));
    }
    let check: CheckSummary | undefined;
    if (options.sizes.includes(CHECK_N)) {
      progress(`check: cdktf-spectrum check on the N=${CHECK_N} output vs JSON.parse, ${CHECK_REPETITIONS} runs in one process`);
      check = await measureCheck(checkDir);
    }
    let terraformData: BenchResults['terraformData'];
    if (options.terraformData) {
      progress('terraform_data: N=1 with PlanResource.TERRAFORM_DATA / cdktf DataResource, once each');
      terraformData = await measureTerraformData(tmp, rows.find(r => r.n === 1));
    }
    const results: BenchResults = {
      machine: describe(m),
      machineDetail: m,
      date: new Date().toISOString(),
      commit: codeVersion(ROOT),
      planResource: PLAN_RESOURCE,
      rows,
      check,
      terraformData,
      loadAverage: { start: round(loadStart, 2), end: round(os.loadavg()[0], 2) },
      wallSeconds: round((performance.now() - started) / 1000, 1),
    };
    process.stdout.write(`\n${consoleTable(results)}\n`);
    if (options.write) {
      writeFileSync(RESULTS, `${JSON.stringify(results, undefined, 2)}\n`);
      progress(`wrote ${path.relative(process.cwd(), RESULTS)}`);
    }
    if (options.readme) {
      updateReadme(path.join(ROOT, 'README.md'), results);
      progress('updated the README\'s performance results');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
