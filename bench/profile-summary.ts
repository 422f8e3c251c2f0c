/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`): the functions with the
 * most self time, and (with --total) the most inclusive time.
 *
 *   npx ts-node --transpile-only bench/profile-summary.ts bench/synth-1000.cpuprofile [--top 15] [--total]
 */
import { readFileSync } from 'fs';
import * as path from 'path';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** One function's share of a profile. */
export interface FunctionCost {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

function locationOf(frame: CallFrame): string {
  if (!frame.url) return '(native)';
  const url = frame.url.replace(/^file:\/\//, '');
  const nm = url.lastIndexOf('node_modules/');
  const short = nm >= 0 ? url.slice(nm + 'node_modules/'.length) : path.relative(process.cwd(), url);
  return `${short}:${frame.lineNumber + 1}`;
}

/** Self and inclusive time per function (summed over every call site, recursion counted once). */
export function summarize(profile: CpuProfile): { totalMs: number; functions: FunctionCost[] } {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Self time per node from the sample stream (each sample's delta belongs to the node sampled).
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(delta, 0));
  }

  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\u0000${locationOf(n.callFrame)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + us);
    // Inclusive: every distinct function on the stack gets this sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = keyOf(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const functions = [...total.keys()].map(key => {
    const [name, location] = key.split('\u0000');
    return { name, location, selfMs: (self.get(key) ?? 0) / 1000, totalMs: (total.get(key) ?? 0) / 1000 };
  });
  return { totalMs: (profile.endTime - profile.startTime) / 1000, functions };
}

function table(rows: FunctionCost[], totalMs: number, by: 'selfMs' | 'totalMs'): string {
  const lines = [`${'self ms'.padStart(9)} ${'self %'.padStart(6)} ${'total ms'.padStart(9)}  function (location)`];
  for (const r of rows) {
    lines.push(`${r.selfMs.toFixed(0).padStart(9)} ${((100 * r[by]) / totalMs).toFixed(1).padStart(6)} ${r.totalMs.toFixed(0).padStart(9)}  ${r.name} (${r.location})`);
  }
  return lines.join('\n');
}

/** The top `top` functions by self time, as printable text. */
export function topBySelfTime(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { totalMs, functions } = summarize(profile);
  const rows = [...functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  return `${path.basename(file)}: ${totalMs.toFixed(0)} ms profiled; top ${top} by self time\n${table(rows, totalMs, 'selfMs')}`;
}

/** The top `top` functions by inclusive time, as printable text. */
export function topByTotalTime(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { totalMs, functions } = summarize(profile);
  const rows = [...functions].sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
  return `${path.basename(file)}: top ${top} by inclusive time\n${table(rows, totalMs, 'totalMs')}`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find(a => !a.startsWith('--') && !/^\d+$/.test(a));
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;
  if (!file) {
    process.stderr.write('usage: profile-summary <file.cpuprofile> [--top N] [--total]\n');
    process.exit(2);
  }
  process.stdout.write(topBySelfTime(file, top) + '\n');
  if (args.includes('--total')) process.stdout.write('\n' + topByTotalTime(file, top) + '\n');
}
