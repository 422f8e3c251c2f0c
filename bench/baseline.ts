/**
 * The baseline: the same plan written by hand with plain cdktf, no library.
 * Resource for resource it follows the shape the library synthesized for a
 * small estate (bench/shape.ts): same resource type, same provisioners with
 * strings of the same byte length (filler text that starts with the host
 * name, like a script template would), the same connection, the same trigger
 * keys (`<resource>.id` references, the host list's sha256), the same
 * depends_on. Expressions used everywhere (key file, host list, password)
 * are created once, as a hand-written stack would. No validation, no
 * topology metadata, no construct tree: what any cdktf user pays anyway for
 * that many resources.
 */
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { App, DataResource, Fn, ITerraformDependable, TerraformLocal, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { hostOf, landscapeId, ONECLICK_HOST, STACK_ID } from './estate';
import { Piece, PlanShape, ResourceRef, ResourceTemplate, Value } from './shape';

/** Deterministic filler text without `$` or `%` (nothing Terraform would read as a template). */
function filler(length: number, seed: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 _-=./"\'\n  ';
  let state = seed % 2147483647 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 48271) % 2147483647; // Park-Miller
    out += alphabet[state % alphabet.length];
  }
  return out;
}

const snakeToCamel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Expressions shared by the whole stack. */
interface Shared {
  readonly variables: Map<string, string>;
  readonly files: Map<string, string>;
  readonly hostsJoin: string;
  readonly hostsSha256: string;
  readonly fillers: Map<number, string>;
  /** base64encode(<expression>), one token per expression, as the library makes them. */
  readonly encoded: Map<string, string>;
}

/** One group instance: the resources made so far, by template key. */
type Instance = Map<string, TerraformResource>;

export function buildBaselineEstate(stack: TerraformStack, n: number, shape: PlanShape): void {
  const hosts = [hostOf('master', 'a'), hostOf('master', 'b')];
  for (let i = 0; i < n; i++) hosts.push(hostOf(i, 'a'), hostOf(i, 'b'));
  hosts.push(ONECLICK_HOST);
  const local = new TerraformLocal(stack, 'hostrc_hosts', hosts);
  const hostsJoin = Fn.join('\n', local.asList);
  const shared: Shared = {
    variables: new Map(shape.variables.map(name => [name, new TerraformVariable(stack, name, { type: 'string', sensitive: true }).stringValue])),
    files: new Map(),
    hostsJoin,
    hostsSha256: Fn.sha256(hostsJoin),
    fillers: new Map(),
    encoded: new Map(),
  };
  if (shape.resourceType === 'null_resource') new NullProvider(stack, 'null');

  // The estate's own markers first (without dependencies): members depend on them; they get
  // their depends_on once every landscape exists (a `member` dependency means all members).
  const estate: Instance = new Map();
  for (const t of shape.estate) {
    estate.set(t.key, shape.resourceType === 'terraform_data' ? new DataResource(stack, `estate_${t.key}`, {}) : new NullResource(stack, `estate_${t.key}`, {}));
  }
  const master = instantiate(stack, 'master', shape.master, { master: new Map(), estate }, shared, { sampleHosts: [], hosts: [hostOf('master', 'a')] }, shape.resourceType);
  const members: Instance[] = [];
  for (let i = 0; i < n; i++) {
    members.push(instantiate(stack, landscapeId(i), shape.member, { master, estate }, shared, {
      sampleHosts: [hostOf(0, 'a'), hostOf(0, 'b')],
      hosts: [hostOf(i, 'a'), hostOf(i, 'b')],
    }, shape.resourceType));
  }
  const oneclick = instantiate(stack, 'oneclick', shape.oneclick, { master, estate, members }, shared, { sampleHosts: [], hosts: [ONECLICK_HOST] }, shape.resourceType);
  for (const t of shape.estate) {
    const of = (instance: Instance, key: string) => instance.get(key)!;
    estate.get(t.key)!.dependsOn = t.dependsOn.flatMap(ref => (ref.group === 'member' ? members.map(m => of(m, ref.key)) : [of(ref.group === 'master' ? master : ref.group === 'oneclick' ? oneclick : estate, ref.key)]))
      .map(resource => `${resource.terraformResourceType}.${resource.friendlyUniqueId}`);
  }
}

/** The baseline app: App, one stack, the hand-written resources (synth is the caller's). */
export function baselineApp(outdir: string, n: number, shape: PlanShape): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK_ID);
  buildBaselineEstate(stack, n, shape);
  return app;
}

function instantiate(
  stack: TerraformStack,
  groupId: string,
  templates: readonly ResourceTemplate[],
  others: { master?: Instance; estate?: Instance; members?: readonly Instance[] },
  shared: Shared,
  hostMap: { sampleHosts: string[]; hosts: string[] },
  resourceType: string,
): Instance {
  const own: Instance = new Map();
  // A `member` reference from outside the members (the OneClick web server
  // follows every primary's release steps) stands for that resource of every
  // member: the library lists them all, so does the baseline (grouped by
  // step rather than by landscape: the same references, in another order).
  const everyMember = (ref: ResourceRef): TerraformResource[] | undefined =>
    (ref.group === 'member' && others.members ? others.members.map(m => m.get(ref.key)!) : undefined);
  const resolveRef = (ref: ResourceRef): TerraformResource => {
    const found = ref.group === 'master' ? (others.master?.get(ref.key) ?? own.get(ref.key))
      : ref.group === 'estate' ? others.estate?.get(ref.key) : own.get(ref.key);
    if (!found) throw new Error(`bench/baseline.ts: ${groupId}: no resource ${ref.group}/${ref.key} yet`);
    return found;
  };
  const host = hostMap.hosts[0];
  const pieceText = (piece: Piece): string => {
    if ('base64' in piece) {
      const inner = pieceText(piece.base64);
      let encoded = shared.encoded.get(inner);
      if (encoded === undefined) shared.encoded.set(inner, (encoded = Fn.base64encode(inner)));
      return encoded;
    }
    if ('keep' in piece) {
      const index = hostMap.sampleHosts.indexOf(piece.keep);
      return index >= 0 ? hostMap.hosts[index] : piece.keep;
    }
    if ('text' in piece) {
      let text = shared.fillers.get(piece.text);
      if (text === undefined) shared.fillers.set(piece.text, (text = filler(piece.text, piece.text)));
      // A script template with the host filled in: same length, a new string per resource.
      return piece.text > host.length ? host + text.slice(host.length) : text;
    }
    if ('variable' in piece) return shared.variables.get(piece.variable)!;
    if ('file' in piece) {
      let file = shared.files.get(piece.file);
      if (file === undefined) shared.files.set(piece.file, (file = Fn.file(piece.file)));
      return file;
    }
    if ('hostsJoin' in piece) return shared.hostsJoin;
    if ('hostsSha256' in piece) return shared.hostsSha256;
    const all = everyMember(piece.id);
    if (all) return all.map(r => r.getStringAttribute('id')).join(',');
    return resolveRef(piece.id).getStringAttribute('id');
  };
  const toJs = (value: Value, camel: boolean): any => {
    if (typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(v => toJs(v, false));
    if ('pieces' in value) return value.pieces.length === 1 ? pieceText(value.pieces[0]) : value.pieces.map(pieceText).join('');
    const map = (value as { map: Record<string, Value> }).map;
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [camel ? snakeToCamel(k) : k, toJs(v, false)]));
  };

  for (const t of templates) {
    const config: Record<string, any> = {};
    for (const [key, value] of Object.entries(t.attributes)) {
      if (key === 'connection') config.connection = toJs(value, true);
      else if (key === 'triggers' || key === 'triggers_replace') config[snakeToCamel(key)] = toJs(value, false);
      else throw new Error(`bench/baseline.ts: attribute ${key} of ${t.key} is not reproduced`);
    }
    if (t.provisioners.length > 0) {
      config.provisioners = t.provisioners.map(p => ({ type: p.type, ...toJs({ map: p.body }, true) }));
    }
    if (t.dependsOn.length > 0) config.dependsOn = t.dependsOn.flatMap(ref => everyMember(ref) ?? [resolveRef(ref)]) as ITerraformDependable[];
    const id = `${groupId}_${t.key.replace(/\//g, '_')}`;
    const resource = resourceType === 'terraform_data' ? new DataResource(stack, id, config) : new NullResource(stack, id, config);
    own.set(t.key, resource);
  }
  return own;
}
