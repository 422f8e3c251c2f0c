import type { Change } from './baseline-diff';
import { ROLLING_UPGRADE, UPGRADE_WITHOUT_STANDBY } from './change-kinds';
import { InstallFacts, LandscapeNode, Located, MaybeToken, OneClickNode, serversOf, Topology } from '../model/topology';
import { distributedLabel, distributedMembers, landscapeLabel, oneClickLabel, quoted, serverLabel, shown } from '../rules/support';

/**
 * Where a server comes in a rolling upgrade, in the plan's order (Broadcom's
 * for fault-tolerant and distributed estates, KB 144472 and the 9.4.4
 * "upgrade best practices for fault-tolerant deployments" page): the master
 * primary first, then every other primary, so that users keep working on a
 * secondary while its primary is upgraded, then the secondaries. OneClick
 * servers of a distributed landscape are upgraded beside the other primaries
 * (once their main location server, the master primary, runs the new
 * release; before the secondaries); those of a fault-tolerant landscape of
 * its own beside its secondaries, after its primary.
 */
export type UpgradePhase = 'master-primary' | 'primary' | 'secondary' | 'oneclick';

/** The phases in the order the plan runs them. */
export const UPGRADE_PHASES: readonly UpgradePhase[] = ['master-primary', 'primary', 'oneclick', 'secondary'];

/** How a step of the order is named: one server, several. */
const PHASE_LABEL: { readonly [phase in UpgradePhase]: readonly [string, string] } = {
  'master-primary': ['master primary', 'master primary'],
  'primary': ['primary', 'primaries'],
  'secondary': ['secondary', 'secondaries'],
  'oneclick': ['OneClick server', 'OneClick servers'],
};

/** One server of a rolling upgrade. */
export interface UpgradeStep {
  /** 1 for the servers upgraded first; servers with the same position are upgraded side by side. */
  readonly position: number;
  readonly phase: UpgradePhase;
  readonly stack: string;
  readonly path: string;
  readonly host: MaybeToken;
  /** Path of the server's landscape (undefined for a OneClick server). */
  readonly landscape?: string;
  /** Installed release before and after: the version, or the media path when no version is given. */
  readonly before: string;
  readonly after: string;
}

/** Addresses of the plan resources of an element (stack, path) that Terraform replaces. */
export type ReplacedOf = (stack: string, path: string) => readonly string[];

/**
 * What the install step compares to tell an upgrade: the version and the
 * media. When install facts gain update media, add them here.
 */
function releaseOf(install: InstallFacts): string | undefined {
  if (!install.mediaPath) return undefined;
  return install.version ?? `media ${install.mediaPath.text}`;
}

function upgradeSignature(install: InstallFacts): string {
  return JSON.stringify([install.version ?? null, install.mediaPath?.text ?? null]);
}

interface Candidate extends Located {
  readonly host: MaybeToken;
  readonly install: InstallFacts;
}

/**
 * The rolling upgrades between a baseline and the current topology: one
 * SPX307 change per distributed landscape (or fault-tolerant landscape, or
 * OneClick server of neither) where a server that exists on both sides, on
 * the same host, installs from media whose version or path changed; with
 * the order the servers will be upgraded in. Plus one SPX308 warning per
 * upgraded landscape without a secondary. Linear in the number of servers.
 */
export function rollingUpgrades(baseline: Topology, current: Topology, replacedOf: ReplacedOf): Change[] {
  const before = new Map<string, Candidate>();
  for (const landscape of baseline.landscapes) for (const server of serversOf(landscape)) before.set(key(server), server);
  for (const oneClick of baseline.oneClicks) before.set(key(oneClick), oneClick);

  /** The release change of an element, when it is upgraded in place. */
  const upgradeOf = (now: Candidate): { from: string; to: string } | undefined => {
    const old = before.get(key(now));
    if (!old || !now.install.mediaPath || !sameHost(old.host, now.host)) return undefined;
    if (upgradeSignature(old.install) === upgradeSignature(now.install)) return undefined;
    return { from: releaseOf(old.install) ?? '(not managed)', to: releaseOf(now.install)! };
  };

  const changes: Change[] = [];
  const grouped = new Set<Located>();
  for (const { dss, master, landscapes, oneClicks } of distributedMembers(current)) {
    landscapes.forEach(l => grouped.add(l));
    oneClicks.forEach(o => grouped.add(o));
    const unit = upgradeUnit(landscapes, master, oneClicks, upgradeOf);
    if (unit.length > 0) changes.push(rollingUpgrade(dss, distributedLabel(dss), unit, replacedOf));
  }
  const oneClicksOf = new Map<string, OneClickNode[]>();
  for (const oneClick of current.oneClicks) {
    if (grouped.has(oneClick)) continue;
    // A fault-tolerant landscape's OneClick server is its child (addOneClickServer).
    const landscapePath = oneClick.distributed ?? oneClick.path.slice(0, Math.max(0, oneClick.path.lastIndexOf('/')));
    const list = oneClicksOf.get(landscapePath);
    if (list) list.push(oneClick); else oneClicksOf.set(landscapePath, [oneClick]);
  }
  for (const landscape of current.landscapes) {
    if (grouped.has(landscape)) continue;
    const oneClicks = oneClicksOf.get(landscape.path) ?? [];
    oneClicks.forEach(o => grouped.add(o));
    const unit = upgradeUnit([landscape], undefined, oneClicks, upgradeOf);
    if (unit.length > 0) changes.push(rollingUpgrade(landscape, landscapeLabel(landscape), unit, replacedOf));
  }
  for (const oneClick of current.oneClicks) {
    if (grouped.has(oneClick)) continue;
    const unit = upgradeUnit([], undefined, [oneClick], upgradeOf);
    if (unit.length > 0) changes.push(rollingUpgrade(oneClick, oneClickLabel(oneClick), unit, replacedOf));
  }

  for (const landscape of current.landscapes) {
    if (landscape.secondaries.length > 0) continue;
    const upgrade = upgradeOf(landscape.primary);
    if (upgrade) changes.push(withoutStandby(landscape, upgrade.from, upgrade.to, replacedOf));
  }
  return changes;
}

/** The upgraded servers of one unit, numbered by phase (empty phases skipped). */
function upgradeUnit(landscapes: readonly LandscapeNode[], master: LandscapeNode | undefined, oneClicks: readonly OneClickNode[],
  upgradeOf: (now: Candidate) => { from: string; to: string } | undefined): UpgradeStep[] {
  const byPhase = new Map<UpgradePhase, Array<Omit<UpgradeStep, 'position'>>>();
  const add = (phase: UpgradePhase, element: Candidate, landscape?: LandscapeNode) => {
    const upgrade = upgradeOf(element);
    if (!upgrade) return;
    const step = {
      phase, stack: element.stack, path: element.path, host: element.host, landscape: landscape?.path, before: upgrade.from, after: upgrade.to,
    };
    const list = byPhase.get(phase);
    if (list) list.push(step); else byPhase.set(phase, [step]);
  };
  if (master) add('master-primary', master.primary, master);
  for (const landscape of landscapes) if (landscape !== master) add('primary', landscape.primary, landscape);
  for (const landscape of landscapes) for (const secondary of landscape.secondaries) add('secondary', secondary, landscape);
  for (const oneClick of oneClicks) add('oneclick', oneClick);

  // Rank of each phase: OneClick after its main location server, beside the
  // other primaries in a distributed landscape, beside the secondaries of a
  // landscape of its own. Ranks without servers are skipped.
  const rank: { readonly [phase in UpgradePhase]: number } = {
    'master-primary': 1, 'primary': 2, 'oneclick': master ? 2 : 3, 'secondary': 3,
  };
  const ranks = [...new Set(UPGRADE_PHASES.filter(p => byPhase.has(p)).map(p => rank[p]))].sort((a, b) => a - b);
  const steps: UpgradeStep[] = [];
  for (const phase of UPGRADE_PHASES) {
    for (const step of byPhase.get(phase) ?? []) steps.push({ position: ranks.indexOf(rank[phase]) + 1, ...step });
  }
  return steps.sort((a, b) => a.position - b.position);
}

function rollingUpgrade(element: Located, label: string, steps: readonly UpgradeStep[], replacedOf: ReplacedOf): Change {
  const from = distinct(steps.map(s => s.before));
  const to = distinct(steps.map(s => s.after));
  const order: string[] = [];
  for (let position = 1; position <= steps[steps.length - 1].position; position++) {
    const here = steps.filter(s => s.position === position);
    const groups = UPGRADE_PHASES.map(phase => here.filter(s => s.phase === phase)).filter(group => group.length > 0);
    order.push(`${position}. ${groups.map(group => `${PHASE_LABEL[group[0].phase][group.length === 1 ? 0 : 1]} `
      + group.map(s => `${quoted(s.path)} on ${shown(s.host)}`).join(', ')).join(' and ')}`);
  }
  const hasOneClick = steps.some(s => s.phase === 'oneclick');
  const hasSecondary = steps.some(s => s.phase === 'secondary');
  const replaced = [...new Set(steps.flatMap(s => replacedOf(s.stack, s.path)))].sort();
  return {
    kind: ROLLING_UPGRADE,
    stack: element.stack,
    path: element.path,
    message: `${label}: Spectrum ${from} -> ${to} on ${steps.length} server(s), upgraded as a rolling upgrade`,
    before: from,
    after: to,
    effect: `the servers are upgraded in this order, each step after the one before it (servers of one step side by side): ${order.join('; ')}. `
      + 'Each SpectroSERVER is stopped before the installer runs over it and started again afterwards'
      + (hasSecondary ? '; while a primary is upgraded its secondaries serve the landscape (KB 144472)' : '')
      + (hasOneClick ? '; OneClick\'s web server is restarted once every primary runs the new release (KB 192703)' : ''),
    replaced,
    destroyed: [],
    upgradeOrder: steps,
  };
}

function withoutStandby(landscape: LandscapeNode, from: string, to: string, replacedOf: ReplacedOf): Change {
  return {
    kind: UPGRADE_WITHOUT_STANDBY,
    stack: landscape.stack,
    path: landscape.path,
    message: `${landscapeLabel(landscape)}: upgraded from ${from} to ${to} without a secondary; `
      + `${serverLabel(landscape.primary, landscape)} is its only SpectroSERVER`,
    before: from,
    after: to,
    effect: `the landscape is down while its primary on ${shown(landscape.primary.host)} is upgraded: the installer stops the `
      + 'SpectroSERVER and no secondary takes over; its models are not polled and OneClick cannot reach it until the SpectroSERVER runs again',
    replaced: [...replacedOf(landscape.stack, landscape.primary.path)].sort(),
    destroyed: [],
  };
}

function key(element: Located): string {
  return `${element.stack}\u0000${element.path}`;
}

function sameHost(a: MaybeToken, b: MaybeToken): boolean {
  return a.isToken === b.isToken && (a.isToken ? a.text === b.text : a.text.toLowerCase() === b.text.toLowerCase());
}

function distinct(values: readonly string[]): string {
  return [...new Set(values)].join(', ');
}
