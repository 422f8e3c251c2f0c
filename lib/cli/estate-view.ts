import { DistributedNode, LandscapeNode, OneClickNode, Topology } from '../model/topology';
import { distributedMembers } from '../rules/support';

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

  // The same membership the rules use (members of a DSS may live in other stacks).
  const inDss = new Set<LandscapeNode>();
  const oneClicksInDss = new Set<OneClickNode>();
  for (const { dss, master, landscapes, oneClicks } of distributedMembers(topology)) {
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

/** Every landscape in report order. */
export function landscapesInOrder(views: readonly StackView[]): LandscapeNode[] {
  return views.flatMap(view => [...view.distributed.flatMap(d => d.landscapes), ...view.landscapes]);
}

/** `path` without its leading `<stack>/`. */
export function withinStack(path: string, stack: string): string {
  return path.startsWith(`${stack}/`) ? path.slice(stack.length + 1) : path;
}
