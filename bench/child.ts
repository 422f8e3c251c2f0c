/**
 * One measurement in a fresh process (forked by bench/run.ts), so that peak
 * RSS belongs to that measurement alone and every repetition starts cold,
 * like `cdktf synth` running an app. Modules are loaded before the clock
 * starts. Reports one JSON message to the parent over IPC.
 *
 *   synth: build the estate (library or baseline) with `new App({ outdir })`
 *          and `app.synth()` (which runs the validations), then read peak RSS.
 *   check: `cdktf-spectrum check` in-process against JSON.parse of the same files.
 */
import { readFileSync } from 'fs';
import { PlanResource } from '../lib';
import { baselineApp } from './baseline';
import { planDepth } from './depth';
import { libraryApp } from './estate';
import { provisionerBytes, readStacks, resourceCounts, stackFiles } from './output';
import { PlanShape } from './shape';

export interface SynthJob {
  readonly kind: 'synth';
  readonly variant: 'library' | 'baseline';
  readonly n: number;
  readonly outdir: string;
  readonly planResource: 'null_resource' | 'terraform_data';
  /** JSON file holding the PlanShape (baseline only). */
  readonly shapeFile?: string;
}

export interface SynthResult {
  readonly constructMs: number;
  readonly synthMs: number;
  /** new App() to the end of app.synth(). */
  readonly totalMs: number;
  readonly peakRssMb: number;
  /** RSS once every module is loaded, before the estate is built. */
  readonly startRssMb: number;
  readonly depth: number;
  readonly resources: Record<string, number>;
  readonly provisionerBytes: number;
  readonly outputBytes: number;
}

export interface CheckJob {
  readonly kind: 'check';
  readonly dir: string;
  readonly repetitions: number;
}

export interface CheckResult {
  readonly files: number;
  readonly bytes: number;
  /** JSON.parse of every cdk.tf.json, text already in memory. */
  readonly parseMs: number[];
  /** readFileSync(file, 'utf8') of every cdk.tf.json (the part of check that parse leaves out). */
  readonly readMs: number[];
  /** The whole `check` command, its own file reading and JSON report included. */
  readonly checkMs: number[];
  readonly exitCode: number;
  readonly summary: string;
  readonly peakRssMb: number;
}

const mb = (kb: number) => kb / 1024;

function synth(job: SynthJob): SynthResult {
  const planResource = job.planResource === 'terraform_data' ? PlanResource.TERRAFORM_DATA : PlanResource.NULL_RESOURCE;
  const shape: PlanShape | undefined = job.shapeFile ? JSON.parse(readFileSync(job.shapeFile, 'utf8')) : undefined;
  if (job.variant === 'baseline' && !shape) throw new Error('baseline needs a shape file');
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;

  const t0 = performance.now();
  const app = job.variant === 'library' ? libraryApp(job.outdir, job.n, planResource) : baselineApp(job.outdir, job.n, shape!);
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const peakRssMb = mb(process.resourceUsage().maxRSS);

  // Only after peak RSS is taken: read back what was written.
  const stacks = readStacks(job.outdir);
  const outputBytes = stackFiles(job.outdir).reduce((sum, f) => sum + readFileSync(f).length, 0);
  return {
    constructMs: t1 - t0,
    synthMs: t2 - t1,
    totalMs: t2 - t0,
    peakRssMb,
    startRssMb,
    depth: planDepth(stacks),
    resources: resourceCounts(stacks),
    provisionerBytes: provisionerBytes(stacks),
    outputBytes,
  };
}

async function check(job: CheckJob): Promise<CheckResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require('../lib/cli/main') as typeof import('../lib/cli/main');
  const files = stackFiles(job.dir);
  const texts = files.map(f => readFileSync(f, 'utf8'));
  const parseMs: number[] = [];
  const readMs: number[] = [];
  const checkMs: number[] = [];
  let exitCode = -1;
  let summary = '';
  for (let r = 0; r < job.repetitions; r++) {
    const t0 = performance.now();
    for (const text of texts) JSON.parse(text);
    parseMs.push(performance.now() - t0);

    const tr = performance.now();
    for (const file of files) readFileSync(file, 'utf8');
    readMs.push(performance.now() - tr);

    const out: string[] = [];
    const err: string[] = [];
    const t1 = performance.now();
    exitCode = await cli.main(['check', job.dir, '--format', 'json', '--output', '/dev/null'], {
      cwd: process.cwd(),
      stdout: text => out.push(text),
      stderr: text => err.push(text),
      writeFile: () => undefined,
      env: {},
    });
    checkMs.push(performance.now() - t1);
    summary = (out.join('') + err.join('')).trim();
  }
  return {
    files: files.length,
    bytes: texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
    parseMs,
    readMs,
    checkMs,
    exitCode,
    summary,
    peakRssMb: mb(process.resourceUsage().maxRSS),
  };
}

async function run(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as SynthJob | CheckJob;
  const result = job.kind === 'synth' ? synth(job) : await check(job);
  process.send!({ ok: true, result }, () => process.exit(0));
}

run().catch(error => {
  process.send!({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }, () => process.exit(1));
});
