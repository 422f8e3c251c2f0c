import { DistributedNode, LandscapeNode, OneClickNode, Topology } from '../model/topology';

/** A distributed landscape with its members, master first. */
export interface DistributedView {
  readonly node: DistributedNode;
  readonly master?: LandscapeNode;
  /** Every member landscape, the master first. */
  readonly landscapes: readonly LandscapeNode[];
  readonly oneClicks: readonly OneClickNode[];
}

/** One stack's estate, in the order reports show it. */
export interface StackView {
  readonly name: string;
  readonly distributed: readonly DistributedView[];
  /** Landscapes of no distributed landscape. */
  readonly landscapes: readonly LandscapeNode[];
  /** OneClick servers of no distributed landscape. */
  readonly oneClicks: readonly OneClickNode[];
}

/**
 * The topology grouped the way reviewers read it: by stack (in the order
 * given), each distributed landscape with its master first, then the
 * landscapes of their own. Linear (one pass plus map look-ups).
 */
export function estateView(topology: Topology, stackOrder: readonly string[]): StackView[] {
  const views = new Map<string, { distributed: DistributedView[]; landscapes: LandscapeNode[]; oneClicks: OneClickNode[] }>();
  const viewOf = (stack: string) => {
    let view = views.get(stack);
    if (!view) {
      view = { distributed: [], landscapes: [], oneClicks: [] };
      views.set(stack, view);
    }
    return view;
  };
  for (const stack of stackOrder) viewOf(stack);

  // Construct paths start with the stack id, so a path names one element
  // app-wide: members of a distributed landscape may live in other stacks.
  const landscapeByPath = new Map(topology.landscapes.map(l => [l.path, l] as const));
  const oneClickByPath = new Map(topology.oneClicks.map(o => [o.path, o] as const));
  const landscapesNaming = groupBy(topology.landscapes, l => l.distributed);
  const oneClicksNaming = groupBy(topology.oneClicks, o => o.distributed);
  const inDss = new Set<LandscapeNode>();
  const oneClicksInDss = new Set<OneClickNode>();
  for (const dss of topology.distributed) {
    const master = dss.masterPath === undefined ? undefined : landscapeByPath.get(dss.masterPath);
    const landscapes = new Set<LandscapeNode>();
    if (master) landscapes.add(master);
    for (const path of dss.landscapePaths) {
      const landscape = landscapeByPath.get(path);
      if (landscape) landscapes.add(landscape);
    }
    for (const landscape of landscapesNaming.get(dss.path) ?? []) landscapes.add(landscape);
    const oneClicks = new Set<OneClickNode>();
    for (const path of dss.oneClickPaths) {
      const oneClick = oneClickByPath.get(path);
      if (oneClick) oneClicks.add(oneClick);
    }
    for (const oneClick of oneClicksNaming.get(dss.path) ?? []) oneClicks.add(oneClick);
    for (const landscape of landscapes) inDss.add(landscape);
    for (const oneClick of oneClicks) oneClicksInDss.add(oneClick);
    viewOf(dss.stack).distributed.push({ node: dss, master, landscapes: [...landscapes], oneClicks: [...oneClicks] });
  }
  for (const landscape of topology.landscapes) if (!inDss.has(landscape)) viewOf(landscape.stack).landscapes.push(landscape);
  for (const oneClick of topology.oneClicks) if (!oneClicksInDss.has(oneClick)) viewOf(oneClick.stack).oneClicks.push(oneClick);

  return [...views.entries()]
    .map(([name, view]) => ({ name, ...view }))
    .filter(view => view.distributed.length > 0 || view.landscapes.length > 0 || view.oneClicks.length > 0);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item); else groups.set(k, [item]);
  }
  return groups;
}

/** Every landscape in report order. */
export function landscapesInOrder(views: readonly StackView[]): LandscapeNode[] {
  return views.flatMap(view => [...view.distributed.flatMap(d => d.landscapes), ...view.landscapes]);
}

/** `path` without its leading `<stack>/`. */
export function withinStack(path: string, stack: string): string {
  return path.startsWith(`${stack}/`) ? path.slice(stack.length + 1) : path;
}
