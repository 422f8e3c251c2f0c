/** The dependency graph of a synthesized plan: resource address -> addresses it depends on. */
export type PlanGraph = Map<string, readonly string[]>;

/** When one resource of a deploy started and finished, in seconds from the deploy's start. */
export interface StepTiming {
  readonly address: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The critical path the plan implies: the longest chain of depends_on edges,
 * each resource weighted by the time it took in this deploy. No scheduler can
 * finish the apply sooner; the wall time over this is what Terraform's
 * scheduling (e.g. -parallelism) adds. Resources that did not run weigh 0.
 */
export function criticalPath(graph: PlanGraph, timings: readonly StepTiming[]): number {
  return criticalChain(graph, timings).seconds;
}

/** The critical path and the resources on it, first to last (`--profile` prints them). */
export function criticalChain(graph: PlanGraph, timings: readonly StepTiming[]): { seconds: number; chain: string[] } {
  const took = new Map(timings.map(t => [t.address, t.end - t.start] as const));
  const finish = new Map<string, number>();
  const via = new Map<string, string>();
  const visiting = new Set<string>();
  const finishOf = (address: string): number => {
    const known = finish.get(address);
    if (known !== undefined) return known;
    if (visiting.has(address)) throw new Error(`the plan has a dependency cycle through ${address}`);
    visiting.add(address);
    let before = 0;
    for (const dep of (graph.get(address) ?? []).filter(d => graph.has(d))) {
      const depFinish = finishOf(dep);
      if (depFinish > before) { before = depFinish; via.set(address, dep); }
    }
    visiting.delete(address);
    const value = before + (took.get(address) ?? 0);
    finish.set(address, value);
    return value;
  };
  let last: string | undefined;
  for (const address of graph.keys()) if (last === undefined || finishOf(address) > finishOf(last)) last = address;
  const chain: string[] = [];
  for (let at = last; at !== undefined; at = via.get(at)) chain.unshift(at);
  return { seconds: last === undefined ? 0 : finishOf(last), chain };
}
