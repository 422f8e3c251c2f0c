import { findingOf, Rule } from './rule';
import { Finding } from '../model/finding';
import {
  DistributedNode, InstallFacts, LandscapeNode, Located, MaybeToken, OneClickNode, ServerNode, serversOf, Topology,
} from '../model/topology';

/**
 * Small pure helpers shared by the rules: grouping, labels for messages and
 * the members of each distributed landscape. Everything here is linear in
 * its input. Internal.
 */

/** How many names a message lists before it says "and N more". */
const MAX_LISTED = 5;
/** Longest value a message quotes before it shortens it. */
const MAX_QUOTED = 80;

/** Groups `items` by `key`, keeping their order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) {
      group.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}

/**
 * `text` safe to show on one line: control characters, quotes and
 * backslashes escaped, long values shortened.
 */
export function escapeText(text: string): string {
  const short = String(text).length > MAX_QUOTED
    ? `${String(text).slice(0, MAX_QUOTED - 3)}...`
    : String(text);
  return short.replace(/[\\']|[\u0000-\u001f\u007f]/g, c => {
    switch (c) {
      case '\\': return '\\\\';
      case '\'': return '\\\'';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      case '\0': return '\\0';
      default: return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
}

/** `text` between single quotes, escaped (see escapeText). */
export function quoted(text: string): string {
  return `'${escapeText(text)}'`;
}

/** A literal quoted, or a token shown as such. */
export function shown(value: MaybeToken): string {
  return value.isToken ? `(token ${escapeText(value.text)})` : quoted(value.text);
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`, `'a', ..., 'e' and 3 more`; items already quoted. */
export function listOf(items: readonly string[], total: number = items.length): string {
  const listed = items.slice(0, MAX_LISTED);
  const rest = total - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest} more`;
  if (listed.length <= 1) return listed.join('');
  return `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
}

/**
 * The members of `group` other than `self`, at most MAX_LISTED of them
 * mapped by `name`, and how many there are: constant work per call, so a
 * rule that calls it for every member of a group stays linear.
 */
export function othersIn<T>(group: readonly T[], self: T, name: (item: T) => string): { names: string[]; total: number } {
  const names: string[] = [];
  for (const item of group) {
    if (names.length >= MAX_LISTED) break;
    if (item !== self) names.push(name(item));
  }
  return { names, total: group.length - 1 };
}

/** The path with its stack in front: `stack/estate/east` (construct paths usually start with the stack already). */
export function qualifiedPath(element: Located): string {
  return element.path === element.stack || element.path.startsWith(`${element.stack}/`)
    ? element.path
    : `${element.stack}/${element.path}`;
}

/** `element`'s path below `base` (e.g. `east/east-a` below a distributed landscape), else its full path. */
export function relativePath(element: Located, base: Located): string {
  return element.path.startsWith(`${base.path}/`) ? element.path.slice(base.path.length + 1) : element.path;
}

/** `landscape 'east' (0x400000)` */
export function landscapeLabel(landscape: LandscapeNode): string {
  return `landscape ${quoted(landscape.name)} (${escapeText(landscape.handle.text)})`;
}

/** `primary 'east-a' of landscape 'east' (0x400000)` or `secondary ...` */
export function serverLabel(server: ServerNode, landscape: LandscapeNode): string {
  return `${server.role === 'PRIMARY' ? 'primary' : 'secondary'} ${quoted(server.name)} of ${landscapeLabel(landscape)}`;
}

/** `OneClick server 'console'` */
export function oneClickLabel(oneClick: OneClickNode): string {
  return `OneClick server ${quoted(oneClick.name)}`;
}

/** `distributed landscape 'estate'` */
export function distributedLabel(dss: DistributedNode): string {
  return `distributed landscape ${quoted(dss.name)}`;
}

/** A precedence SPX110 accepts: the value kind's definition, which the scripts share. */
export { isValidPrecedence } from '../model/value-kinds';

/** One problem found on a server or, when every server of the landscape has it, on the landscape. */
export interface Placement<T> {
  /** Where the finding goes: the server, or the landscape for all of them. */
  readonly element: Located;
  /** Who has the problem, for the message. */
  readonly subject: string;
  readonly problem: T;
}

/**
 * Checks each server of `landscape` with `problemOf` (on its effective,
 * merged settings). When a landscape of two or more servers has the same
 * problem on every server (same `key`), as when a bad value is set once for
 * the whole landscape, one placement for the landscape is returned instead
 * of one per server.
 */
export function perLandscapeOrServer<T>(
  landscape: LandscapeNode,
  problemOf: (server: ServerNode) => T | undefined,
  key: (problem: T) => string,
): Placement<T>[] {
  const servers = serversOf(landscape);
  const found: Array<{ server: ServerNode; problem: T }> = [];
  for (const server of servers) {
    const problem = problemOf(server);
    if (problem !== undefined) found.push({ server, problem });
  }
  if (found.length >= 2 && found.length === servers.length) {
    const first = key(found[0].problem);
    if (found.every(f => key(f.problem) === first)) {
      return [{ element: landscape, subject: `every SpectroSERVER of ${landscapeLabel(landscape)}`, problem: found[0].problem }];
    }
  }
  return found.map(f => ({ element: f.server, subject: serverLabel(f.server, landscape), problem: f.problem }));
}

/** A distributed landscape with its members resolved. */
export interface DistributedMembers {
  readonly dss: DistributedNode;
  /** Undefined when the DSS has no master, or its master is not in the topology. */
  readonly master?: LandscapeNode;
  /** Every member landscape, master included, in order. */
  readonly landscapes: readonly LandscapeNode[];
  readonly oneClicks: readonly OneClickNode[];
}

/**
 * Every distributed landscape with its members: the master, the landscapes
 * it lists (or that name it in `distributed`) and its OneClick servers.
 * Construct paths are unique in an app (they start with the stack), so
 * members in other stacks are found too; lookups go through maps (linear).
 */
export function distributedMembers(topology: Topology): DistributedMembers[] {
  const landscapeByPath = new Map(topology.landscapes.map(l => [l.path, l] as const));
  const oneClickByPath = new Map(topology.oneClicks.map(o => [o.path, o] as const));
  const landscapesNaming = groupBy(topology.landscapes.filter(l => l.distributed !== undefined), l => l.distributed!);
  const oneClicksNaming = groupBy(topology.oneClicks.filter(o => o.distributed !== undefined), o => o.distributed!);

  return topology.distributed.map(dss => {
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
    return { dss, master, landscapes: [...landscapes], oneClicks: [...oneClicks] };
  });
}

/** What is wrong with one setting, and how to fix it. */
export interface Problem {
  readonly message: string;
  readonly fix: string;
}

/**
 * Runs `checks` on one kind of facts (install settings, the connection) of
 * every SpectroSERVER and OneClick server: one finding per check and
 * element, and one for the landscape when all its servers share the problem
 * (a setting given once for the landscape).
 */
export function settingFindings<F>(rule: Rule, topology: Topology, factsOf: (element: ServerNode | OneClickNode) => F,
  checks: ReadonlyArray<(facts: F) => Problem | undefined>): Finding[] {
  const findings: Finding[] = [];
  const report = (element: Located, subject: string, problem: Problem): void => {
    findings.push(findingOf(rule, element, `${subject}: ${problem.message}`, problem.fix));
  };
  for (const check of checks) {
    for (const landscape of topology.landscapes) {
      for (const placed of perLandscapeOrServer(landscape, s => check(factsOf(s)), p => p.message)) {
        report(placed.element, placed.subject, placed.problem);
      }
    }
    for (const oneClick of topology.oneClicks) {
      const problem = check(factsOf(oneClick));
      if (problem) report(oneClick, oneClickLabel(oneClick), problem);
    }
  }
  return findings;
}

/** `settingFindings` of every element's effective install settings. */
export function installSettingFindings(rule: Rule, topology: Topology,
  checks: ReadonlyArray<(install: InstallFacts) => Problem | undefined>): Finding[] {
  return settingFindings(rule, topology, element => element.install, checks);
}
