import { StackView, withinStack } from './estate-view';
import { LandscapeNode, OneClickNode, ServerNode, serversOf } from '../model/topology';

/** Above this many nodes the diagram shows landscapes without their servers. */
export const MAX_DIAGRAM_NODES = 200;
/** Above this many landscapes the diagram is left out (GitHub renders at most ~500 edges). */
export const MAX_DIAGRAM_LANDSCAPES = 200;

export type DiagramNodeKind = 'stack' | 'distributed' | 'landscape' | 'primary' | 'secondary' | 'oneclick';
export type DiagramEdgeKind = 'primary' | 'standby' | 'maps' | 'main-location-server';

export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** Construct path of the element it stands for. */
  readonly path: string;
  /** Lines of the label. */
  readonly label: readonly string[];
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
}

/** A Mermaid flowchart of the estate, as data (rendered by renderMermaid). */
export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Subgraphs: stacks and distributed landscapes, with the ids of their members. */
  readonly groups: ReadonlyArray<{ readonly node: DiagramNode; readonly members: readonly string[]; readonly groups: readonly string[] }>;
  /** True when servers were left out to keep the diagram renderable. */
  readonly collapsed: boolean;
}

const EDGE_ARROW: { readonly [kind in DiagramEdgeKind]: string } = {
  'primary': '-->',
  'standby': '-. standby .->',
  'maps': '== maps ==>',
  'main-location-server': '-- main location server -->',
};

/**
 * The estate as a diagram: a subgraph per stack and per distributed
 * landscape; a node per landscape (handle, standby mode), per SpectroSERVER
 * (role, precedence, host) and per OneClick server. Edges: landscape to its
 * primary, primary to each secondary (standby), master landscape to every
 * other landscape of its distributed landscape (maps), OneClick to its main
 * location server (the SpectroSERVER on that host, else the master primary).
 * Returns undefined when the estate is too large to render.
 */
export function estateDiagram(views: readonly StackView[]): Diagram | undefined {
  const landscapeCount = views.reduce((n, v) => n + v.landscapes.length + v.distributed.reduce((m, d) => m + d.landscapes.length, 0), 0);
  if (landscapeCount === 0 || landscapeCount > MAX_DIAGRAM_LANDSCAPES) return undefined;
  const serverCount = views.reduce((n, v) => n + [...v.landscapes, ...v.distributed.flatMap(d => d.landscapes)]
    .reduce((m, l) => m + serversOf(l).length, 0), 0);
  const collapsed = landscapeCount + serverCount > MAX_DIAGRAM_NODES;

  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const groups: Array<{ node: DiagramNode; members: string[]; groups: string[] }> = [];
  const serverIds = new Map<ServerNode, string>();
  const landscapeIds = new Map<LandscapeNode, string>();
  let next = 0;
  const add = (kind: DiagramNodeKind, path: string, label: string[]): DiagramNode => {
    const node = { id: `${kind === 'stack' ? 'st' : kind === 'distributed' ? 'ds' : kind === 'landscape' ? 'ls' : kind === 'oneclick' ? 'oc' : 'ss'}${next++}`, kind, path, label };
    if (kind !== 'stack' && kind !== 'distributed') nodes.push(node);
    return node;
  };
  const addLandscape = (landscape: LandscapeNode, stack: string, isMaster: boolean, members: string[]): void => {
    const servers = serversOf(landscape);
    const node = add('landscape', landscape.path, [
      `${isMaster ? 'master landscape' : 'landscape'} ${withinStack(landscape.path, stack)}`,
      `${landscape.handle.text} · ${landscape.standbyMode} standby${collapsed ? ` · ${servers.length} SpectroSERVER(s)` : ''}`,
    ]);
    landscapeIds.set(landscape, node.id);
    members.push(node.id);
    if (collapsed) return;
    for (const server of servers) {
      const s = add(server.role === 'PRIMARY' ? 'primary' : 'secondary', server.path,
        [`${serverTitle(server)} · precedence ${server.precedence}`, server.host.text]);
      serverIds.set(server, s.id);
      members.push(s.id);
    }
    edges.push({ from: node.id, to: serverIds.get(landscape.primary)!, kind: 'primary' });
    for (const secondary of landscape.secondaries) edges.push({ from: serverIds.get(landscape.primary)!, to: serverIds.get(secondary)!, kind: 'standby' });
  };

  const oneClicks: Array<{ oneClick: OneClickNode; id: string; master?: LandscapeNode }> = [];
  for (const view of views) {
    const stackGroup = { node: add('stack', view.name, [`stack ${view.name}`]), members: [] as string[], groups: [] as string[] };
    groups.push(stackGroup);
    for (const dss of view.distributed) {
      const dssGroup = { node: add('distributed', dss.node.path, [`distributed landscape ${withinStack(dss.node.path, view.name)}`]), members: [] as string[], groups: [] };
      groups.push(dssGroup);
      stackGroup.groups.push(dssGroup.node.id);
      for (const landscape of dss.landscapes) addLandscape(landscape, view.name, landscape === dss.master, dssGroup.members);
      for (const oneClick of dss.oneClicks) {
        const o = add('oneclick', oneClick.path, [`OneClick ${oneClick.name}`, oneClick.host.text]);
        dssGroup.members.push(o.id);
        oneClicks.push({ oneClick, id: o.id, master: dss.master });
      }
      if (dss.master) {
        for (const landscape of dss.landscapes) {
          if (landscape !== dss.master) edges.push({ from: landscapeIds.get(dss.master)!, to: landscapeIds.get(landscape)!, kind: 'maps' });
        }
      }
    }
    for (const landscape of view.landscapes) addLandscape(landscape, view.name, false, stackGroup.members);
    for (const oneClick of view.oneClicks) {
      const o = add('oneclick', oneClick.path, [`OneClick ${oneClick.name}`, oneClick.host.text]);
      stackGroup.members.push(o.id);
      oneClicks.push({ oneClick, id: o.id });
    }
  }

  // A OneClick server's main location server: the SpectroSERVER on that host, else its master primary.
  const byHost = new Map<string, ServerNode>();
  for (const server of serverIds.keys()) {
    const k = hostKey(server.host.text, server.host.isToken);
    if (!byHost.has(k)) byHost.set(k, server);
  }
  for (const { oneClick, id, master } of oneClicks) {
    const server = byHost.get(hostKey(oneClick.mainLocationServer.text, oneClick.mainLocationServer.isToken)) ?? master?.primary;
    const target = server && (serverIds.get(server) ?? (master ? landscapeIds.get(master) : undefined));
    if (target) edges.push({ from: id, to: target, kind: 'main-location-server' });
  }
  return { nodes, edges, groups, collapsed };
}

/** `primary`, or `secondary east-b` when the construct id says more than the role. */
function serverTitle(server: ServerNode): string {
  const role = server.role === 'PRIMARY' ? 'primary' : 'secondary';
  return server.name === role ? role : `${role} ${server.name}`;
}

function hostKey(text: string, isToken: boolean): string {
  return isToken ? `token:${text}` : `host:${text.toLowerCase()}`;
}

/** The diagram as Mermaid flowchart text. */
export function renderMermaid(diagram: Diagram): string {
  const byId = new Map(diagram.nodes.map(n => [n.id, n] as const));
  const groupById = new Map(diagram.groups.map(g => [g.node.id, g] as const));
  const nested = new Set(diagram.groups.flatMap(g => g.groups));
  const lines = ['flowchart TB'];
  const renderGroup = (group: typeof diagram.groups[number], indent: string): void => {
    lines.push(`${indent}subgraph ${group.node.id}["${escapeLabel(group.node.label)}"]`);
    for (const id of group.groups) renderGroup(groupById.get(id)!, `${indent}  `);
    for (const id of group.members) {
      const node = byId.get(id)!;
      lines.push(`${indent}  ${node.id}${shape(node.kind, escapeLabel(node.label))}`);
    }
    lines.push(`${indent}end`);
  };
  for (const group of diagram.groups) if (!nested.has(group.node.id)) renderGroup(group, '  ');
  for (const edge of diagram.edges) lines.push(`  ${edge.from} ${EDGE_ARROW[edge.kind]} ${edge.to}`);
  return lines.join('\n');
}

function shape(kind: DiagramNodeKind, label: string): string {
  switch (kind) {
    case 'landscape': return `[["${label}"]]`;
    case 'oneclick': return `(["${label}"])`;
    default: return `["${label}"]`;
  }
}

/** Label lines joined by `<br/>`, with Mermaid's entity codes for what would end or break the label. */
export function escapeLabel(lines: readonly string[]): string {
  return lines
    .map(line => line
      .replace(/#/g, '#35;')
      .replace(/"/g, '#quot;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/[\r\n]+/g, ' '))
    .join('<br/>');
}
