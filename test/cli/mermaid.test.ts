import { estateView } from '../../lib/cli/estate-view';
import { Diagram, escapeLabel, estateDiagram, MAX_DIAGRAM_LANDSCAPES, renderMermaid } from '../../lib/cli/mermaid';
import { serversOf, Topology } from '../../lib/model/topology';
import { topology } from '../rules/topology-builder';

function diagramOf(t: Topology, stacks: string[] = ['app']): Diagram | undefined {
  return estateDiagram(estateView(t, stacks));
}

/** The diagram's edges as `<from path> <kind> <to path>`. */
function edgesByPath(d: Diagram): string[] {
  const pathOf = new Map(d.nodes.map(n => [n.id, n.path] as const));
  return d.edges.map(e => `${pathOf.get(e.from)} ${e.kind} ${pathOf.get(e.to)}`).sort();
}

/** What the diagram must show, computed from the topology on its own. */
function expectedEdges(t: Topology, mls: (oneClickPath: string) => string): string[] {
  const edges: string[] = [];
  for (const l of t.landscapes) {
    edges.push(`${l.path} primary ${l.primary.path}`);
    for (const s of l.secondaries) edges.push(`${l.primary.path} standby ${s.path}`);
  }
  for (const d of t.distributed) {
    for (const p of d.landscapePaths) if (p !== d.masterPath) edges.push(`${d.masterPath} maps ${p}`);
  }
  for (const o of t.oneClicks) edges.push(`${o.path} main-location-server ${mls(o.path)}`);
  return edges.sort();
}

describe('the Mermaid diagram', () => {
  const estate = topology()
    .landscape('solo', { secondaries: [{}, {}] })
    .oneClick('console-solo', { mainLocationServer: 'solo-a.app.example.com' })
    .distributed('estate', d => d.master('mls').landscape('east').landscape('west').oneClick('console'))
    .build();

  test('a node for every landscape, SpectroSERVER and OneClick server', () => {
    const d = diagramOf(estate)!;
    const expected = [
      ...estate.landscapes.flatMap(l => [l.path, ...serversOf(l).map(s => s.path)]),
      ...estate.oneClicks.map(o => o.path),
    ];
    expect(d.nodes.map(n => n.path).sort()).toEqual(expected.sort());
    expect(d.collapsed).toBe(false);
  });

  test('every edge: landscape to primary, primary to secondaries, master to landscapes, OneClick to its main location server', () => {
    const d = diagramOf(estate)!;
    const mls = (path: string) => (path.endsWith('console-solo') ? 'app/solo/solo-a' : 'app/estate/mls/mls-a');
    expect(edgesByPath(d)).toEqual(expectedEdges(estate, mls));
  });

  test('the text has every node with its label and every edge, nothing else', () => {
    const d = diagramOf(estate)!;
    const text = renderMermaid(d);
    for (const node of d.nodes) expect(text).toContain(`${node.id}`);
    for (const node of d.nodes) expect(text).toMatch(new RegExp(`^ +${node.id}(\\[\\[|\\(\\[|\\[)"${escapeRegExp(escapeLabel(node.label))}"`, 'm'));
    const edgeLines = text.split('\n').filter(l => /^ {2}[a-z]+\d+ [-=]/.test(l));
    expect(edgeLines).toHaveLength(d.edges.length);
    expect(text.split('\n').filter(l => /^ *subgraph /.test(l)).length).toBe(d.groups.length);
  });

  test('members of a distributed landscape in other stacks are drawn in it, named with their stack', () => {
    const t = topology()
      .distributed('estate', d => d.master('mls'))
      .inStack('emea')
      .landscape('paris')
      .build();
    // The builder cannot place a DSS member in another stack: make paris a member, as the constructs do.
    const paris = { ...t.landscapes[1], distributed: 'app/estate' };
    const cross: Topology = {
      ...t,
      landscapes: [t.landscapes[0], paris],
      distributed: [{ ...t.distributed[0], landscapePaths: [...t.distributed[0].landscapePaths, paris.path] }],
    };
    const d = diagramOf(cross, ['app', 'emea'])!;
    expect(edgesByPath(d)).toContain('app/estate/mls maps emea/paris');
    expect(d.nodes.find(n => n.path === 'emea/paris')!.label[0]).toBe('landscape emea/paris');
  });

  test('labels escape what would end them', () => {
    expect(escapeLabel(['${var.hosts["a"]} #1 <b>', 'x\ny'])).toBe('${var.hosts[#quot;a#quot;]} #35;1 #lt;b#gt;<br/>x y');
  });

  test('large estates: servers left out above 200 nodes, the diagram above 200 landscapes', () => {
    const b = topology();
    for (let i = 0; i < 80; i++) b.landscape(`l${i}`);
    const collapsed = diagramOf(b.build())!;
    expect(collapsed.collapsed).toBe(true);
    expect(collapsed.nodes.every(n => n.kind === 'landscape')).toBe(true);
    expect(collapsed.nodes).toHaveLength(80);
    const many = topology();
    for (let i = 0; i < MAX_DIAGRAM_LANDSCAPES + 1; i++) many.landscape(`l${i}`);
    expect(diagramOf(many.build())).toBeUndefined();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
