import {
  ChangeKind, HANDLE_CHANGED, HOST_REPLACED, LANDSCAPE_REMOVED, PRECEDENCE_CHANGED, PROMOTION, SECONDARY_REMOVED, STANDBY_CHANGED,
  STEPS_RECREATED, STEPS_RERUN,
} from './change-kinds';
import { rollingUpgrades, UpgradeStep } from './rolling-upgrade';
import { SynthesizedStack } from './synthesized-stack';
import { Finding } from '../model/finding';
import { LandscapeNode, MaybeToken, OneClickNode, ServerNode, serversOf, Topology } from '../model/topology';
import { landscapeLabel, oneClickLabel, serverLabel, shown } from '../rules/support';

/** One side of the comparison: the stacks as read and their topology. */
export interface SynthSnapshot {
  readonly stacks: readonly SynthesizedStack[];
  readonly topology: Topology;
}

/** A destructive change between the baseline and the current synth. */
export interface Change {
  readonly kind: ChangeKind;
  readonly stack: string;
  /** Construct path of the landscape or server that changes. */
  readonly path: string;
  /** What changes, naming the element and both values. */
  readonly message: string;
  readonly before: string;
  readonly after: string;
  /** What happens when the change is applied. */
  readonly effect: string;
  /** Terraform addresses of this element's plan resources that will be replaced. */
  readonly replaced: readonly string[];
  /** Terraform addresses of this element's plan resources that will be destroyed. */
  readonly destroyed: readonly string[];
  /** For a rolling upgrade (SPX307): every upgraded server, in the order the plan upgrades them. */
  readonly upgradeOrder?: readonly UpgradeStep[];
}

/** The change as a finding, so that a policy can raise or acknowledge it. */
export function changeFinding(change: Change): Finding {
  return {
    ruleId: change.kind.id,
    severity: change.kind.severity,
    path: change.path,
    stack: change.stack,
    message: change.message,
    fix: `when applied: ${change.effect}`,
  };
}

/** A plan resource Terraform will replace or destroy: its address and its step (`load`, `deregister`, ...). */
interface Touched {
  readonly address: string;
  readonly step: string;
}

/** What Terraform will do to the plan resources of one owner (a server, a landscape, a OneClick server). */
interface ResourceFate {
  readonly replaced: Touched[];
  readonly destroyed: Touched[];
}

type FateOf = (stack: string, owner: string) => ResourceFate;

/**
 * Compares the current synth with a baseline (an earlier synth, e.g. of the
 * target branch) and lists the destructive changes: a handle change
 * (reinstall), a removed secondary (MapUpdate), a precedence change
 * (reload), a host replaced, a landscape removed, a standby mode change
 * (restart), plan resources created anew, a version or media change (a
 * rolling upgrade, with its order; see rolling-upgrade.ts). Each names the Terraform
 * addresses that will be replaced or destroyed, found by comparing each
 * resource's triggers and following the step chains (`after_*` triggers
 * hold the ids of earlier steps). Linear in the number of resources and
 * servers.
 *
 * What each change does follows the plan's steps: a secondary's map entry
 * is removed by the primary's `deregister` step, which reconciles the map
 * with the code's secondaries (`MapUpdate -remove` for every entry it
 * registered that the code no longer has) whenever that list changes.
 */
export function diffBaseline(baseline: SynthSnapshot, current: SynthSnapshot): Change[] {
  const fates = resourceFates(baseline.stacks, current.stacks);
  const fateOf: FateOf = (stack, owner) => fates.get(key(stack, owner)) ?? { replaced: [], destroyed: [] };
  const changes: Change[] = [];
  const currentLandscapes = new Map(current.topology.landscapes.map(l => [key(l.stack, l.path), l] as const));

  for (const before of baseline.topology.landscapes) {
    const after = currentLandscapes.get(key(before.stack, before.path));
    if (!after) {
      changes.push(landscapeRemoved(before, collect(before, fateOf)));
      continue;
    }
    const primaryDeregister = deregisterOf(fateOf(after.stack, after.primary.path));
    const changedServers = new Set<string>();
    if (before.handle.text !== after.handle.text) {
      changes.push(handleChanged(before, after, collect(after, fateOf)));
      for (const server of serversOf(after)) changedServers.add(server.path);
    }
    if (before.standbyMode !== after.standbyMode) {
      changes.push(standbyChanged(before, after, fateOf(after.stack, after.primary.path)));
    }
    // A swap of roles is one promotion, not two host replacements.
    const promotion = promotionOf(before, after);
    if (promotion) {
      changes.push(promoted(promotion, before, after, with_(...promotion.paths.map(p => fateOf(after.stack, p)))));
      for (const p of promotion.paths) changedServers.add(p);
    }
    const afterServers = new Map(serversOf(after).map(s => [s.path, s] as const));
    for (const server of serversOf(before)) {
      const now = afterServers.get(server.path);
      if (!now) {
        changes.push(secondaryRemoved(server, before, after, with_(fateOf(before.stack, server.path), primaryDeregister)));
        continue;
      }
      const fate = fateOf(now.stack, now.path);
      if (server.precedence !== now.precedence && !Number.isNaN(now.precedence)) {
        changes.push(precedenceChanged(server, now, before, after, now.role === 'SECONDARY' ? with_(fate, primaryDeregister) : fate));
        changedServers.add(now.path);
      }
      if (!sameValue(server.host, now.host) && !promotion?.paths.includes(now.path)) {
        changes.push(serverHostReplaced(server, now, after, fate));
        changedServers.add(now.path);
      }
      if (!changedServers.has(now.path) && fate.destroyed.length > 0) {
        changes.push(stepsRecreated(now, after, fate));
      }
    }
  }

  const currentOneClicks = new Map(current.topology.oneClicks.map(o => [key(o.stack, o.path), o] as const));
  for (const before of baseline.topology.oneClicks) {
    const after = currentOneClicks.get(key(before.stack, before.path));
    if (after && !sameValue(before.host, after.host)) changes.push(oneClickHostReplaced(before, after, fateOf(after.stack, after.path)));
  }
  changes.push(...rollingUpgrades(baseline.topology, current.topology, (stack, owner) => fateOf(stack, owner).replaced.map(t => t.address)));
  changes.push(...unexplainedReruns(changes, fates, current.topology));
  const order = new Map(current.stacks.map((s, i) => [s.name, i] as const));
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => (order.get(a.change.stack) ?? -1) - (order.get(b.change.stack) ?? -1) || a.index - b.index)
    .map(entry => entry.change);
}

/**
 * Every replaced resource that no change above accounts for (an install dir,
 * owner, media, `.vnmrc` key or backup command changed, or a step it follows
 * is replaced): one change per owner, so that the report lists every step
 * Terraform will run again.
 */
function unexplainedReruns(changes: readonly Change[], fates: Map<string, ResourceFate>, topology: Topology): Change[] {
  const explained = new Set(changes.flatMap(c => [...c.replaced, ...c.destroyed]));
  const servers = new Map<string, { server: ServerNode; landscape: LandscapeNode }>();
  for (const landscape of topology.landscapes) {
    for (const server of serversOf(landscape)) servers.set(key(landscape.stack, server.path), { server, landscape });
  }
  const reruns: Change[] = [];
  for (const [owner, fate] of fates) {
    const rerun = fate.replaced.filter(t => !explained.has(t.address));
    if (rerun.length === 0) continue;
    const [stack, path] = owner.split('\u0000');
    const found = servers.get(owner);
    const steps = [...new Set(rerun.map(t => t.step))];
    const label = found ? serverLabel(found.server, found.landscape) : `'${path}'`;
    reruns.push(changeOf(STEPS_RERUN, { stack, path },
      `${label}: step(s) ${steps.join(', ')} run again because an input of theirs changed`,
      steps.join(', '), '(runs again)',
      `${stepEffects(steps, found?.landscape)}`,
      { replaced: rerun, destroyed: [] }));
  }
  return reruns;
}

/** What running `steps` again does on a host, in the plan's words. */
function stepEffects(steps: readonly string[], landscape: LandscapeNode | undefined): string {
  const effects: { [step: string]: string } = {
    install: 'install runs the installer only where Install-Tools/.history lacks the version',
    hostrc: '.hostrc\'s managed block is rewritten (no restart)',
    vnmrc: '.vnmrc is rewritten and the SpectroSERVER restarted only if the file changes',
    savefile: landscape?.backup === 'COMMAND' ? 'the backup command takes a new savefile' : 'SSdbsave takes a new savefile (it stops the primary)',
    transfer: 'the savefile is copied to the secondary again',
    load: 'the secondary is stopped, its database saved aside and reloaded from the primary\'s savefile',
    deregister: 'the primary\'s landscape map is reconciled with the code\'s secondaries',
    prepare: 'host preparation checks OS packages, owner, sudoers and SRAdmin again and changes only what differs',
    webserver: 'OneClick\'s web server is restarted',
    mainlocation: 'OneClick\'s .locrc is made to name the main location server; its web server restarts only if the file changed',
    promote: 'the primary is promoted only if it was a secondary (its role record says so); otherwise nothing runs',
    demote: 'a secondary is stopped only if it was the primary (its role record says so); otherwise nothing runs',
  };
  return steps.map(step => effects[step] ?? `${step} runs again`).join('; ');
}

function key(stack: string, path: string): string {
  return `${stack}\u0000${path}`;
}

function sameValue(a: MaybeToken, b: MaybeToken): boolean {
  return a.isToken === b.isToken && (a.isToken ? a.text === b.text : a.text.toLowerCase() === b.text.toLowerCase());
}

/** Every fate of a landscape's own resources (e.g. its ready marker) and its servers'. */
function collect(landscape: LandscapeNode, fateOf: FateOf): ResourceFate {
  const replaced: Touched[] = [];
  const destroyed: Touched[] = [];
  for (const owner of [landscape.path, ...serversOf(landscape).map(s => s.path)]) {
    const fate = fateOf(landscape.stack, owner);
    replaced.push(...fate.replaced);
    destroyed.push(...fate.destroyed);
  }
  return { replaced, destroyed };
}

/** The primary's deregister step, when Terraform replaces it. */
function deregisterOf(primaryFate: ResourceFate): ResourceFate {
  return { replaced: primaryFate.replaced.filter(t => t.step === 'deregister'), destroyed: [] };
}

/** The fates together. */
function with_(...fates: ResourceFate[]): ResourceFate {
  return { replaced: fates.flatMap(f => f.replaced), destroyed: fates.flatMap(f => f.destroyed) };
}

/** A swap of roles between two synths of one landscape (literal hosts only: tokens look the same on both sides). */
interface Promotion {
  /** The server that is the primary now; it was a secondary. */
  readonly newPrimary: ServerNode;
  readonly wasSecondary: ServerNode;
  /** Where the former primary's host is now: a secondary, or gone. */
  readonly formerPrimary?: ServerNode;
  /** Construct paths of the servers whose steps run again on other hosts. */
  readonly paths: readonly string[];
}

function promotionOf(before: LandscapeNode, after: LandscapeNode): Promotion | undefined {
  if (after.primary.host.isToken || sameValue(before.primary.host, after.primary.host)) return undefined;
  const wasSecondary = before.secondaries.find(s => !s.host.isToken && sameValue(s.host, after.primary.host));
  if (!wasSecondary) return undefined;
  const formerPrimary = after.secondaries.find(s => sameValue(s.host, before.primary.host));
  const paths = [after.primary.path, ...(formerPrimary ? [formerPrimary.path] : [])];
  return { newPrimary: after.primary, wasSecondary, formerPrimary, paths };
}

/** `type.name` and `local.name` references inside a trigger's `${...}` expression. */
const REFERENCE = /\b([A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;

/**
 * Which resources Terraform will replace or destroy, grouped by owner (the
 * construct path above the step, i.e. the server or landscape): a resource
 * is destroyed when its address is gone, replaced when its triggers differ
 * or reference a local whose value differs (the `.hostrc` host list), and
 * replaced too when a trigger references a resource that is replaced or
 * new (the `after_*` chain of the steps holds earlier steps' ids).
 */
function resourceFates(baseline: readonly SynthesizedStack[], current: readonly SynthesizedStack[]): Map<string, ResourceFate> {
  const fates = new Map<string, ResourceFate>();
  const record = (stack: string, path: string, address: string, what: 'replaced' | 'destroyed'): void => {
    const slash = path.lastIndexOf('/');
    const owner = key(stack, path.slice(0, Math.max(0, slash)));
    let fate = fates.get(owner);
    if (!fate) {
      fate = { replaced: [], destroyed: [] };
      fates.set(owner, fate);
    }
    fate[what].push({ address, step: path.slice(slash + 1) });
  };

  const currentByStack = new Map(current.map(stack => [stack.name, stack] as const));
  for (const old of baseline) {
    const now = currentByStack.get(old.name);
    const nowByAddress = new Map((now?.resources ?? []).map(r => [r.address, r] as const));
    const oldByAddress = new Map(old.resources.map(r => [r.address, r] as const));
    const changed = new Set<string>();
    for (const resource of old.resources) {
      const after = nowByAddress.get(resource.address);
      if (!after) {
        record(old.name, resource.path, resource.address, 'destroyed');
      } else if (JSON.stringify(resource.triggers) !== JSON.stringify(after.triggers)) {
        changed.add(resource.address);
      }
    }
    if (!now) continue;
    // Resources whose triggers reference another resource or a changed
    // local: replacing (or creating) that one replaces them too.
    const dependents = new Map<string, string[]>();
    const pending: string[] = [...changed];
    for (const name of changedLocals(old, now)) pending.push(`local.${name}`);
    for (const resource of now.resources) {
      if (!oldByAddress.has(resource.address)) pending.push(resource.address);
      if (resource.triggers === undefined || resource.triggers === null) continue;
      for (const value of Object.values(resource.triggers as object)) {
        if (typeof value !== 'string' || !value.includes('${')) continue;
        for (const match of value.matchAll(REFERENCE)) {
          const list = dependents.get(match[1]);
          if (list) list.push(resource.address); else dependents.set(match[1], [resource.address]);
        }
      }
    }
    const reached = new Set<string>(pending);
    while (pending.length > 0) {
      for (const dependent of dependents.get(pending.pop()!) ?? []) {
        if (reached.has(dependent)) continue;
        reached.add(dependent);
        pending.push(dependent);
      }
    }
    for (const resource of now.resources) {
      if (reached.has(resource.address) && oldByAddress.has(resource.address)) record(now.name, resource.path, resource.address, 'replaced');
    }
  }
  return fates;
}

/** Names of the locals whose value differs between the two synths of a stack. */
function changedLocals(old: SynthesizedStack, now: SynthesizedStack): string[] {
  const names = new Set([...Object.keys(old.locals), ...Object.keys(now.locals)]);
  return [...names].filter(name => JSON.stringify(old.locals[name]) !== JSON.stringify(now.locals[name]));
}

function changeOf(kind: ChangeKind, element: { stack: string; path: string }, message: string, before: string, after: string,
  effect: string, fate: ResourceFate): Change {
  const addresses = (touched: readonly Touched[]) => [...new Set(touched.map(t => t.address))].sort();
  return {
    kind,
    stack: element.stack,
    path: element.path,
    message,
    before,
    after,
    effect,
    replaced: addresses(fate.replaced),
    destroyed: addresses(fate.destroyed),
  };
}

/** `'MapUpdate -remove <LH> -precedence <P>'` as the primary's deregister step runs it. */
function mapUpdate(handle: string, precedence: number): string {
  return `'MapUpdate -remove ${handle} -precedence ${precedence}'`;
}

function hostsOf(landscape: LandscapeNode): string {
  return serversOf(landscape).map(s => shown(s.host)).join(', ');
}

function landscapeRemoved(landscape: LandscapeNode, fate: ResourceFate): Change {
  return changeOf(LANDSCAPE_REMOVED, landscape,
    `${landscapeLabel(landscape)}: removed, with its ${serversOf(landscape).length} SpectroSERVER(s)`,
    landscape.handle.text, '(removed)',
    `Terraform destroys its ${fate.destroyed.length} plan resources; no step runs on the hosts: Spectrum stays installed and `
    + `running on ${hostsOf(landscape)} (the plan has no uninstall step) and the primary's landscape map keeps its entries; `
    + 'stop and remove it there by hand',
    fate);
}

function handleChanged(before: LandscapeNode, after: LandscapeNode, fate: ResourceFate): Change {
  const deregister = before.secondaries.length === 0 ? ''
    : `; the primary's deregister step then runs ${before.secondaries.map(s => mapUpdate(before.handle.text, s.precedence)).join(' and ')}`;
  return changeOf(HANDLE_CHANGED, after,
    `${landscapeLabel(after)}: handle changes from ${before.handle.text} to ${after.handle.text}, which means a reinstall of every server`,
    before.handle.text, after.handle.text,
    `Spectrum fixes the handle when it installs a SpectroSERVER (l_handle); Terraform replaces ${fate.replaced.length} plan resources of the `
    + `landscape${deregister}. The install step skips a host whose Install-Tools/.history already lists the version, so the `
    + `installed servers keep ${before.handle.text}: uninstall Spectrum from ${hostsOf(after)} first, or keep the handle ${before.handle.text}`,
    fate);
}

function standbyChanged(before: LandscapeNode, after: LandscapeNode, fate: ResourceFate): Change {
  return changeOf(STANDBY_CHANGED, after,
    `${landscapeLabel(after)}: standby mode changes from ${before.standbyMode} to ${after.standbyMode}`,
    before.standbyMode, after.standbyMode,
    `the vnmrc step on the primary ${shown(after.primary.host)} sets secondary_polling=${after.standbyMode === 'HOT' ? 'yes' : 'no'} `
    + 'and restarts the primary SpectroSERVER (OneClick fails over to a secondary meanwhile)',
    fate);
}

function secondaryRemoved(server: ServerNode, old: LandscapeNode, landscape: LandscapeNode, fate: ResourceFate): Change {
  return changeOf(SECONDARY_REMOVED, server,
    `${serverLabel(server, old)}: removed (precedence ${server.precedence} on ${shown(server.host)})`,
    `${server.precedence}`, '(removed)',
    `the primary's deregister step runs ${mapUpdate(old.handle.text, server.precedence)} on ${shown(landscape.primary.host)}, so the `
    + `landscape map forgets it; its ${fate.destroyed.length} plan resources are destroyed, but the SpectroSERVER on ${shown(server.host)} `
    + 'keeps running (the plan has no uninstall step): stop it there by hand',
    fate);
}

function precedenceChanged(before: ServerNode, after: ServerNode, old: LandscapeNode, landscape: LandscapeNode, fate: ResourceFate): Change {
  const message = `${serverLabel(after, landscape)}: precedence changes from ${before.precedence} to ${after.precedence}`;
  if (after.role === 'PRIMARY') {
    return changeOf(PRECEDENCE_CHANGED, after, message, `${before.precedence}`, `${after.precedence}`,
      `no plan step changes an installed primary's precedence: the primary on ${shown(after.host)} keeps ${before.precedence} `
      + 'while the code says otherwise; change it in OneClick (Loaded Landscapes), or keep the old value', fate);
  }
  return changeOf(PRECEDENCE_CHANGED, after, message, `${before.precedence}`, `${after.precedence}`,
    `the load step reloads the secondary: the SpectroSERVER on ${shown(after.host)} is stopped, its database saved aside and the `
    + `primary's savefile loaded with 'SSdbload -add ${after.precedence}' (-replace when the map holds it), then started again; `
    + `the primary's deregister step then runs ${mapUpdate(old.handle.text, before.precedence)} on ${shown(landscape.primary.host)}`,
    fate);
}

function promoted(promotion: Promotion, before: LandscapeNode, after: LandscapeNode, fate: ResourceFate): Change {
  const { newPrimary, wasSecondary, formerPrimary } = promotion;
  const oldHost = shown(before.primary.host);
  const newHost = shown(newPrimary.host);
  const former = formerPrimary
    ? `the former primary ${oldHost} becomes a secondary (precedence ${formerPrimary.precedence})`
    : `the former primary ${oldHost} leaves the landscape`;
  const stop = formerPrimary
    ? `the demote step stops the former primary on ${oldHost}; `
    : `NOTHING stops the former primary on ${oldHost} (it is no longer in the code, so the plan cannot reach it): stop it by hand first, `
      + 'or keep it as a secondary for this deploy and remove it in the next; ';
  const reseed = formerPrimary
    ? `; a new savefile of ${newHost} re-seeds ${oldHost} at precedence ${formerPrimary.precedence}`
    : '';
  return changeOf(PROMOTION, after,
    `${landscapeLabel(after)}: promotion: ${newHost} (a secondary with precedence ${wasSecondary.precedence}) becomes the primary `
    + `(precedence ${newPrimary.precedence}); ${former}`,
    `${oldHost} primary`, `${newHost} primary`,
    `KB 49550 in order: ${stop}the promote step on ${newHost} stops it, reloads its own database with 'SSdbload -replace `
    + `${newPrimary.precedence}' and runs ${mapUpdate(after.handle.text, wasSecondary.precedence)} there; the vnmrc steps move `
    + `secondary_polling${after.standbyMode === 'HOT' ? '=yes' : ''} to ${newHost}${reseed}. ${mainLocationEffect(after, newHost)} `
    + `${newHost}'s database is as old as its last seeding: re-seed `
    + 'before promoting if the primary is still running',
    fate);
}

/** What a promotion does to OneClick's main location server (KB 49550's last step). */
function mainLocationEffect(after: LandscapeNode, newHost: string): string {
  if (!sameValue(after.mainLocationServer, after.primary.host)) {
    return `The main location server stays ${shown(after.mainLocationServer)}: OneClick is not pointed elsewhere.`;
  }
  return `${newHost} becomes the main location server: each OneClick server's mainlocation step writes `
    + `MAIN_LOCATION_HOST_NAME=${newHost} into its $SPECROOT/LS/.locrc and restarts its web server once (a OneClick server with `
    + `manageMainLocation false must be pointed at ${newHost} by hand); the SpectroSERVERs' `
    + '.locrc files are left as their installs wrote them (docs/promotion.md).';
}

function serverHostReplaced(before: ServerNode, after: ServerNode, landscape: LandscapeNode, fate: ResourceFate): Change {
  const seeding = after.role === 'PRIMARY'
    ? landscape.secondaries.length > 0
      ? '; a new savefile is taken on it and every secondary is stopped and reloaded from it'
      : ''
    : `; it is seeded from the primary (stopped and loaded with precedence ${after.precedence})`;
  return changeOf(HOST_REPLACED, after,
    `${serverLabel(after, landscape)}: host changes from ${shown(before.host)} to ${shown(after.host)}`,
    before.host.text, after.host.text,
    `its steps run again on ${shown(after.host)} (install when media are given, .hostrc, .vnmrc)${seeding}. `
    + `Nothing is removed from ${shown(before.host)}: stop Spectrum there by hand`,
    fate);
}

function stepsRecreated(server: ServerNode, landscape: LandscapeNode, fate: ResourceFate): Change {
  const steps = new Set(fate.destroyed.map(t => t.step));
  const consequences = [
    ...(steps.has('savefile') ? [landscape.backup === 'SSDBSAVE' ? 'a new savefile is taken (SSdbsave stops the primary)' : 'a new savefile is taken'] : []),
    ...(steps.has('load') ? ['the secondary is stopped and reloaded from the primary\'s savefile'] : []),
  ];
  return changeOf(STEPS_RECREATED, server,
    `${serverLabel(server, landscape)}: ${fate.destroyed.length} plan resource(s) are destroyed and created anew under other addresses`,
    [...steps].sort().join(', '), '(new addresses)',
    `a changed planResource type or construct id re-creates the steps, and they run again on ${shown(server.host)}`
    + (consequences.length > 0 ? `: ${consequences.join('; ')}` : ''),
    fate);
}

function oneClickHostReplaced(before: OneClickNode, after: OneClickNode, fate: ResourceFate): Change {
  return changeOf(HOST_REPLACED, after,
    `${oneClickLabel(after)}: host changes from ${shown(before.host)} to ${shown(after.host)}`,
    before.host.text, after.host.text,
    `OneClick is installed on ${shown(after.host)} (when media are given) and every .hostrc of its landscape is rewritten; `
    + `nothing is removed from ${shown(before.host)}`,
    fate);
}
