/**
 * The shape of the library's plan, taken from its own synthesized output
 * for a small estate, so that the hand-written baseline emits the same
 * resources: same types, same provisioners with strings of the same byte
 * length, same connection fields, same trigger keys and references, same
 * depends_on. Every `${...}` expression in the output is classified; one the
 * baseline does not know fails the benchmark (update this file), so the
 * baseline cannot silently drift from the library.
 */
import { resourcesOf } from './output';

/** A piece of a string value: literal text of a given length, or one Terraform expression. */
export type Piece =
  | { readonly text: number } // filler of this many characters
  | { readonly keep: string } // short semantic literal, copied as is
  | { readonly variable: string } // var.NAME
  | { readonly file: string } // file("PATH")
  | { readonly hostsJoin: true } // join("\n", local.HOSTS)
  | { readonly hostsSha256: true } // sha256(join("\n", local.HOSTS))
  | { readonly id: ResourceRef } // TYPE.NAME.id
  | { readonly base64: Piece }; // base64encode(<piece>): how a token reaches a script

/** A value of the template: a string made of pieces, a number, a list or a map. */
export type Value = { readonly pieces: readonly Piece[] } | number | boolean | readonly Value[] | { readonly map: { readonly [key: string]: Value } };

/** Which group a resource belongs to, and its path inside the group (e.g. `secondary/load`). */
export interface ResourceRef {
  /** `estate`: the distributed landscape's own resources (the `primaries-upgraded` marker), one each per estate. */
  readonly group: 'master' | 'member' | 'oneclick' | 'estate';
  readonly key: string;
}

export interface ResourceTemplate extends ResourceRef {
  readonly type: string;
  /** Terraform keys (snake_case) to values, except provisioner and depends_on. */
  readonly attributes: { readonly [key: string]: Value };
  readonly provisioners: ReadonlyArray<{ readonly type: string; readonly body: { readonly [key: string]: Value } }>;
  readonly dependsOn: readonly ResourceRef[];
}

/** The plan of one estate as groups of resource templates, in dependency order. */
export interface PlanShape {
  readonly resourceType: string;
  readonly variables: readonly string[];
  readonly master: readonly ResourceTemplate[];
  readonly member: readonly ResourceTemplate[];
  readonly oneclick: readonly ResourceTemplate[];
  /** Resources of the estate itself; a dependency on `member` means every member landscape's. */
  readonly estate: readonly ResourceTemplate[];
}

const EXPRESSION = /(?<!\$)\$\{([^}]*)\}/g;
/** Literal strings up to this length are copied (types, users, ports, hosts...); longer ones become filler. */
const KEEP_UP_TO = 24;

/** Extracts the shape from the library's output for one stack (with at least one member landscape). */
export function shapeOf(stack: any, stackId: string, estateId: string, memberId: string, oneClickId: string): PlanShape {
  const resources = resourcesOf(stack);
  const refOfAddress = new Map<string, ResourceRef>();
  /** Resources of every member landscape, the sample's included. */
  const memberAddresses = new Set<string>();
  const prefix = `${stackId}/${estateId}/`;
  for (const [address, body] of resources) {
    const path: string = body['//']?.metadata?.path ?? '';
    if (!path.startsWith(prefix)) continue;
    const [group, ...rest] = path.slice(prefix.length).split('/');
    const key = rest.join('/');
    if (group === 'master') refOfAddress.set(address, { group: 'master', key });
    else if (group === memberId) refOfAddress.set(address, { group: 'member', key });
    if (rest.length > 0 && group !== 'master' && group !== oneClickId) memberAddresses.add(address);
    else if (group === oneClickId) refOfAddress.set(address, { group: 'oneclick', key });
    else if (rest.length === 0 && group !== 'topology' && group !== 'hostrc-hosts') refOfAddress.set(address, { group: 'estate', key: group });
  }

  const pieces = (text: string): Piece[] => {
    const out: Piece[] = [];
    let last = 0;
    for (const match of text.matchAll(EXPRESSION)) {
      if (match.index! > last) out.push(literalPiece(text.slice(last, match.index)));
      out.push(expressionPiece(match[1]));
      last = match.index! + match[0].length;
    }
    if (last < text.length) out.push(literalPiece(text.slice(last)));
    return out;
  };
  const literalPiece = (text: string): Piece => (text.length <= KEEP_UP_TO && !text.includes('\n') ? { keep: text } : { text: text.length });
  const expressionPiece = (expression: string): Piece => {
    let m: RegExpMatchArray | null;
    if ((m = expression.match(/^base64encode\((.*)\)$/))) return { base64: expressionPiece(m[1]) };
    if ((m = expression.match(/^var\.([\w-]+)$/))) return { variable: m[1] };
    if ((m = expression.match(/^file\("([^"]*)"\)$/))) return { file: m[1] };
    if (/^join\("\\n", local\.[\w-]+\)$/.test(expression)) return { hostsJoin: true };
    if (/^sha256\(join\("\\n", local\.[\w-]+\)\)$/.test(expression)) return { hostsSha256: true };
    if ((m = expression.match(/^([\w-]+\.[\w-]+)\.id$/)) && refOfAddress.has(m[1])) return { id: refOfAddress.get(m[1])! };
    throw new Error(`bench/shape.ts: the library's output has an expression the baseline does not reproduce: \${${expression}}`);
  };
  const valueOf = (value: unknown): Value => {
    if (typeof value === 'string') return { pieces: pieces(value) };
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.map(valueOf);
    if (value && typeof value === 'object') {
      return { map: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, valueOf(v)])) };
    }
    throw new Error(`bench/shape.ts: unexpected value ${JSON.stringify(value)}`);
  };

  const groups: Record<ResourceRef['group'], ResourceTemplate[]> = { master: [], member: [], oneclick: [], estate: [] };
  const types = new Set<string>();
  for (const [address, body] of resources) {
    const ref = refOfAddress.get(address);
    if (!ref) continue;
    types.add(address.slice(0, address.indexOf('.')));
    const attributes: Record<string, Value> = {};
    for (const [key, value] of Object.entries<any>(body)) {
      if (key === '//' || key === 'provisioner' || key === 'depends_on') continue;
      attributes[key] = valueOf(value);
    }
    const provisioners = (body.provisioner ?? []).map((p: any) => {
      const [type] = Object.keys(p);
      return { type, body: Object.fromEntries(Object.entries<any>(p[type]).map(([k, v]) => [k, valueOf(v)])) };
    });
    const dependsOn = (body.depends_on ?? []).flatMap((d: string) => {
      const target = refOfAddress.get(d);
      // An estate-level marker depends on every member: members other than the sample are the same `member` ref.
      if (!target && ref.group === 'estate' && memberAddresses.has(d)) return [];
      if (!target) throw new Error(`bench/shape.ts: ${address} depends on ${d}, outside the estate`);
      return [target];
    });
    groups[ref.group].push({ ...ref, type: address.slice(0, address.indexOf('.')), attributes, provisioners, dependsOn });
  }
  if (types.size !== 1) throw new Error(`bench/shape.ts: expected one resource type, got ${[...types].join(', ')}`);
  if (groups.member.length === 0) throw new Error('bench/shape.ts: no member landscape in the sample output');
  return {
    resourceType: [...types][0],
    variables: Object.keys(stack.variable ?? {}),
    master: inDependencyOrder(groups.master),
    member: inDependencyOrder(groups.member),
    oneclick: inDependencyOrder(groups.oneclick),
    estate: groups.estate,
  };
}

/** Templates ordered so that every resource comes after the ones of its group it depends on. */
function inDependencyOrder(templates: ResourceTemplate[]): ResourceTemplate[] {
  const byKey = new Map(templates.map(t => [t.key, t]));
  const done = new Set<string>();
  const out: ResourceTemplate[] = [];
  const visit = (t: ResourceTemplate) => {
    if (done.has(t.key)) return;
    done.add(t.key);
    for (const dep of t.dependsOn) {
      const inGroup = dep.group === t.group ? byKey.get(dep.key) : undefined;
      if (inGroup) visit(inGroup);
    }
    for (const value of Object.values(t.attributes)) {
      for (const ref of idRefsOf(value)) {
        const inGroup = ref.group === t.group ? byKey.get(ref.key) : undefined;
        if (inGroup) visit(inGroup);
      }
    }
    out.push(t);
  };
  templates.forEach(visit);
  return out;
}

function idRefsOf(value: Value): ResourceRef[] {
  if (typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(idRefsOf);
  if ('pieces' in value) return value.pieces.flatMap(p => ('id' in p ? [p.id] : 'base64' in p && 'id' in p.base64 ? [p.base64.id] : []));
  return Object.values((value as { map: Record<string, Value> }).map).flatMap(idRefsOf);
}
