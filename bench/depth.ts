/**
 * Depth of the plan's dependency graph: the number of resources on the
 * longest `depends_on` chain (a resource without dependencies has depth 1).
 * Terraform can run at most that many steps one after another; everything
 * else may run in parallel.
 */
import { resourcesOf } from './output';

/** Longest `depends_on` chain over every resource of the given stacks (addresses `type.name`). */
export function planDepth(stacks: any[]): number {
  const edges = new Map<string, string[]>();
  for (const stack of stacks) {
    for (const [address, body] of resourcesOf(stack)) {
      const deps: unknown = body.depends_on ?? [];
      edges.set(address, Array.isArray(deps) ? deps.filter((d): d is string => typeof d === 'string') : []);
    }
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  // Iterative post-order DFS: no recursion limit whatever the estate's size.
  let longest = 0;
  for (const start of edges.keys()) {
    if (depth.has(start)) continue;
    const stack: Array<{ node: string; expanded: boolean }> = [{ node: start, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (depth.has(top.node)) { stack.pop(); continue; }
      const deps = (edges.get(top.node) ?? []).filter(d => edges.has(d));
      if (!top.expanded) {
        top.expanded = true;
        visiting.add(top.node);
        for (const dep of deps) {
          if (visiting.has(dep) && !depth.has(dep)) throw new Error(`depends_on cycle through ${dep}`);
          if (!depth.has(dep)) stack.push({ node: dep, expanded: false });
        }
        continue;
      }
      stack.pop();
      visiting.delete(top.node);
      const d = 1 + Math.max(0, ...deps.map(dep => depth.get(dep) ?? 0));
      depth.set(top.node, d);
      longest = Math.max(longest, d);
    }
  }
  return longest;
}
