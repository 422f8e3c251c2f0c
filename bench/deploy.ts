/**
 * `npm run bench:deploy`: how long a deploy takes as the estate grows.
 * Deploys distributed estates of 1, 4 and 16 fault-tolerant landscapes (plus
 * the master) with the real `cdktf deploy` onto sandbox hosts, the
 * simulator's installer, SSdbsave and SSdbload each taking a fixed time, so
 * that the numbers are about the plan's shape and Terraform's scheduling,
 * not this machine's CPU. For each N it reports the wall time of the apply,
 * the critical path the plan's dependency graph implies (the longest chain
 * of depends_on, each resource weighted by the time it took), their ratio,
 * and T(N)/T(1); then the time Terraform takes to plan a re-deploy with no
 * change. Writes bench/deploy-results.json.
 *
 *   npm run bench:deploy
 *   BENCH="npx ts-node -P test/tsconfig.json --transpile-only bench/deploy.ts"
 *   $BENCH --ns 1,4 --step-seconds 2          # a quicker look (results are not written unless --write)
 *   $BENCH --parallelism 10                  # Terraform's default, to see what it costs
 *   $BENCH --ns 1,16 --profile               # the critical path and each step's times, per N
 *
 * Needs root and Debian's openssh-server (test/e2e/sandbox/install-deps.sh).
 */
import { spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchHostNames } from './deploy-app/main';
import { childrenCpuSeconds, sandboxCpuSeconds } from './cpu-time';
import { codeVersion, describe, machine } from './machine';
import { criticalChain, PlanGraph, StepTiming } from './deploy-graph';
import { CdktfProject } from '../test/e2e/deploy/cdktf-project';
import { Sandbox, startSandbox, stopSandbox } from '../test/e2e/sandbox';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'deploy-results.json');
const CDKTF = path.join(ROOT, 'node_modules', '.bin', 'cdktf');
const STACK = 'bench';

interface Options {
  readonly sizes: number[];
  readonly stepSeconds: number;
  readonly parallelism: number;
  readonly compareDefault: boolean;
  readonly write: boolean;
  readonly profile: boolean;
}

export interface DeployRow {
  readonly landscapes: number;
  readonly servers: number;
  readonly parallelism: number;
  readonly wallSeconds: number;
  readonly criticalPathSeconds: number;
  readonly wallOverCriticalPath: number;
  readonly relativeToOne: number;
  readonly deploySeconds: number;
  readonly resources: number;
  /** CPU seconds the deploy used on the simulated hosts (sshd and all it ran: our scripts, the simulator). */
  readonly hostCpuSeconds: number;
  /** CPU seconds on the deploy machine: cdktf (synth included), Terraform, the transfer steps' ssh clients. */
  readonly deployMachineCpuSeconds: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const ns = value('--ns');
  return {
    sizes: ns ? ns.split(',').map(Number) : [1, 4, 16],
    stepSeconds: Number(value('--step-seconds') ?? 5),
    parallelism: Number(value('--parallelism') ?? 64),
    compareDefault: !argv.includes('--no-default-comparison'),
    write: ns === undefined || argv.includes('--write'),
    profile: argv.includes('--profile'),
  };
}

/** Seconds since `start`. */
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Wipes every host (a fresh machine each run) and sets the simulator's step time. */
function freshHosts(sandbox: Sandbox, names: readonly string[], stepSeconds: number): void {
  for (const name of names) {
    const root = sandbox.host(name).rootDir;
    for (const entry of fs.readdirSync(root)) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
    fs.writeFileSync(path.join(root, '.sim-step-seconds'), `${stepSeconds}\n`);
  }
}

/**
 * Runs `cdktf deploy` and timestamps every Terraform progress line as it
 * arrives: `Creating...` starts a resource, `Creation complete` ends it.
 */
async function deploy(project: CdktfProject, landscapes: number, parallelism: number): Promise<{ timings: StepTiming[]; deploySeconds: number }> {
  const started = process.hrtime.bigint();
  const timings = new Map<string, { start?: number; end?: number }>();
  const progress = /(terraform_data\.\S+)(?: \([^)]*\))?: (Creating\.\.\.|Creation complete)/;
  let output = '';
  const code = await new Promise<number | null>(resolve => {
    const child = spawn(CDKTF, ['deploy', STACK, '--auto-approve', '--no-color', '--output', project.outDir, '--var-file', project.varFile,
      '--terraform-parallelism', String(parallelism)], {
      cwd: project.dir,
      env: { ...process.env, CI: 'true', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', SPECTRUM_BENCH_LANDSCAPES: String(landscapes) },
    });
    let pending = '';
    const onData = (chunk: Buffer) => {
      const now = since(started);
      const text = pending + chunk.toString('utf8');
      const lines = text.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        output += `${line}\n`;
        const match = progress.exec(line);
        if (!match) continue;
        const timing = timings.get(match[1]) ?? {};
        if (match[2] === 'Creating...') timing.start ??= now; else timing.end = now;
        timings.set(match[1], timing);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`cdktf deploy of ${landscapes} landscape(s) failed (exit ${code}):\n${output.slice(-4000)}`);
  const complete = [...timings].filter(([, t]) => t.start !== undefined && t.end !== undefined)
    .map(([address, t]) => ({ address, start: t.start!, end: t.end! }));
  return { timings: complete, deploySeconds: since(started) };
}

/** The synthesized plan's resources and their depends_on edges. */
function planGraph(project: CdktfProject): PlanGraph {
  const json = project.synthesized(STACK);
  const graph: PlanGraph = new Map();
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, body] of Object.entries<any>(byName)) graph.set(`${type}.${name}`, body.depends_on ?? []);
  }
  return graph;
}

/** The step of a resource address: `terraform_data.estate_l0_primary_install_1A2B3C4D` -> `install`. */
function stepOf(address: string): string {
  return /_([a-z-]+)_[0-9A-F]{8}$/.exec(address)?.[1] ?? address;
}

/**
 * `--profile`: the resources on the critical path with what each took, and
 * each step's mean and longest time over all servers, to see which steps
 * slow down as the estate grows.
 */
function printProfile(landscapes: number, timings: readonly StepTiming[], chain: readonly string[]): void {
  const took = new Map(timings.map(t => [t.address, t.end - t.start] as const));
  console.log(`N=${landscapes}: critical path`);
  for (const address of chain) console.log(`  ${(took.get(address) ?? 0).toFixed(2).padStart(6)} s  ${address}`);
  const byStep = new Map<string, number[]>();
  for (const t of timings) byStep.set(stepOf(t.address), [...(byStep.get(stepOf(t.address)) ?? []), t.end - t.start]);
  console.table([...byStep].map(([step, times]) => ({
    step, count: times.length, meanSeconds: round(times.reduce((a, b) => a + b, 0) / times.length), maxSeconds: round(Math.max(...times)),
  })));
}

/** `terraform plan` of the deployed stack: its wall time, which must find no change. */
function noChangePlanSeconds(project: CdktfProject): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('terraform', ['plan', '-detailed-exitcode', '-input=false', '-no-color', '-lock=false', `-var-file=${project.varFile}`], {
    cwd: project.stackDir(STACK), encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  });
  const seconds = since(started);
  if (result.status !== 0) throw new Error(`a re-deploy with no change should plan nothing, but terraform plan exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return seconds;
}

async function run(options: Options): Promise<void> {
  const largest = Math.max(...options.sizes);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spectrum-bench-deploy-'));
  const names = benchHostNames(largest);
  const sandbox = await startSandbox({ hosts: names, workDir: path.join(workDir, 'sandbox'), firstAddressOctet: 100,
    port: Number(process.env.SPECTRUM_E2E_PORT ?? 2400) });
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const rows: DeployRow[] = [];
  let noChange = 0;
  const measure = async (landscapes: number, parallelism: number): Promise<DeployRow> => {
    const hostNames = benchHostNames(landscapes);
    freshHosts(sandbox, hostNames, options.stepSeconds);
    const project = new CdktfProject({ dir: 'bench/deploy-app', stack: STACK, sandbox, workDir, hostNames, ownerPassword: password });
    try {
      const cpuBefore = { hosts: sandboxCpuSeconds(sandbox.workDir), deployMachine: childrenCpuSeconds() };
      const { timings, deploySeconds } = await deploy(project, landscapes, parallelism);
      const hostCpuSeconds = round(sandboxCpuSeconds(sandbox.workDir) - cpuBefore.hosts, 1);
      const deployMachineCpuSeconds = round(childrenCpuSeconds() - cpuBefore.deployMachine, 1);
      const wall = Math.max(...timings.map(t => t.end)) - Math.min(...timings.map(t => t.start));
      const { seconds: critical, chain } = criticalChain(planGraph(project), timings);
      if (options.profile) printProfile(landscapes, timings, chain);
      if (landscapes === largest && parallelism === options.parallelism) noChange = noChangePlanSeconds(project);
      const one = rows.find(r => r.landscapes === 1 && r.parallelism === parallelism);
      const row: DeployRow = {
        landscapes,
        servers: hostNames.length,
        parallelism,
        wallSeconds: round(wall),
        criticalPathSeconds: round(critical),
        wallOverCriticalPath: round(wall / critical),
        relativeToOne: round(one ? wall / one.wallSeconds : 1),
        deploySeconds: round(deploySeconds),
        resources: timings.length,
        hostCpuSeconds,
        deployMachineCpuSeconds,
      };
      console.log(`N=${landscapes} (${row.servers} servers, -parallelism=${parallelism}): apply ${row.wallSeconds} s, critical path `
        + `${row.criticalPathSeconds} s, ratio ${row.wallOverCriticalPath}, T(N)/T(1) ${row.relativeToOne}, whole deploy ${row.deploySeconds} s; `
        + `CPU ${hostCpuSeconds} s on the simulated hosts, ${deployMachineCpuSeconds} s on the deploy machine`);
      return row;
    } finally {
      project.removeState();
    }
  };
  try {
    for (const n of options.sizes) rows.push(await measure(n, options.parallelism));
    if (options.compareDefault && options.parallelism !== 10) rows.push(await measure(largest, 10));
  } finally {
    await stopSandbox(sandbox);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const results = {
    machine: describe(machine()),
    code: codeVersion(ROOT),
    date: new Date().toISOString().slice(0, 10),
    stepSeconds: options.stepSeconds,
    parallelism: options.parallelism,
    rows,
    noChangePlanSeconds: round(noChange),
  };
  console.table(rows);
  console.log(`terraform plan of the N=${largest} estate with no change: ${results.noChangePlanSeconds} s`);
  if (options.write) fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

run(parseOptions(process.argv.slice(2))).catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
