import { Construct, IConstruct } from 'constructs';
import { TerraformResource, TerraformStack } from './cdktf-bridge';
import { FaultTolerantLandscape } from './fault-tolerant-landscape';
import { releaseStepsOf } from './host-steps';
import { locatedOf } from './located';
import { ManagedHostList } from './managed-host-list';
import { markLandscapeParent, MemberContext } from './member-context';
import { OneClickServer } from './one-click-server';
import { SpectrumRegistry } from './spectrum-registry';
import { emitMarker } from './step-emitter';
import { TopologyMetadata } from './topology-metadata';
import { LandscapeOptions } from '../model/landscape-options';
import { OneClickServerOptions } from '../model/one-click-server-options';
import { PlanResource } from '../model/plan-resource';
import { SpectrumInstallOptions } from '../model/spectrum-install-options';
import { SshConnectionOptions } from '../model/ssh-connection-options';
import { StandbyMode } from '../model/standby-mode';
import { DistributedNode } from '../model/topology';

/** Construct id of the master landscape (public contract). */
const MASTER_ID = 'master';

/**
 * A distributed SpectroSERVER environment (DSS): a master landscape that
 * maps the others. The optional fields are defaults for every member
 * landscape; a landscape's own setting wins.
 */
export interface DistributedLandscapeProps {
  /** The master landscape. Its primary is every server's main location server. */
  readonly master: LandscapeOptions;

  /**
   * Standby mode of member landscapes that set none.
   * @default StandbyMode.WARM
   */
  readonly standbyMode?: StandbyMode;

  /**
   * Installation settings of member landscapes that set none (merged field by field).
   * @default - configure existing installations in /opt/CA/Spectrum owned by `spectrum`
   */
  readonly install?: SpectrumInstallOptions;

  /**
   * SSH connection defaults for every server (merged field by field).
   * @default - user root, port 22
   */
  readonly connection?: SshConnectionOptions;

  /**
   * The resource type of the plan's steps.
   * @default PlanResource.NULL_RESOURCE
   */
  readonly planResource?: PlanResource;

  /**
   * Re-seeds the secondaries of every member landscape that sets no
   * `reseed` of its own: one Terraform variable refreshes the whole estate's
   * standbys (`cdktf deploy --var reseed=...`). Each landscape saves its own
   * primary, so a DSS-wide re-seed stops (with SSDBSAVE) every primary once,
   * the landscapes in parallel; a member's own `reseed` takes it out of the
   * estate-wide schedule (docs/reseed.md).
   * @default - none (see LandscapeOptions.reseed)
   */
  readonly reseed?: string;

  /**
   * How many copies of each kind of file every server keeps, for member
   * landscapes that set no `retain` (see LandscapeOptions.retain).
   * @default 3
   */
  readonly retain?: number;
}

/**
 * A distributed SpectroSERVER environment: the master landscape (construct
 * id `master`) and distributed landscapes with unique handles (KB 9404).
 * Every server and OneClick server gets `main_loc_serv` = the master
 * primary; every `.hostrc` lists every SpectroSERVER and OneClick host of the
 * DSS; distributed landscapes wait only for the master primary, not for
 * each other, so the plan's depth does not grow with their number.
 *
 * @example
 * const dss = new DistributedLandscape(stack, 'estate', {
 *   master: { handle: LandscapeHandle.of(0x100000), primary: { host: 'mls-1' }, secondaries: [{ host: 'mls-2' }] },
 * });
 * dss.addLandscape('east', { handle: LandscapeHandle.of(0x200000), primary: { host: 'east-1' }, secondaries: [{ host: 'east-2' }] });
 * dss.addOneClickServer('console', { host: 'oneclick-1' });
 */
export class DistributedLandscape extends Construct {
  /** The master landscape. */
  public readonly master: FaultTolerantLandscape;
  /** The distributed landscapes (the master not included), in order. */
  public readonly landscapes: FaultTolerantLandscape[] = [];
  /** The OneClick servers. */
  public readonly oneClickServers: OneClickServer[] = [];

  private readonly props: DistributedLandscapeProps;
  /** Every SpectroSERVER and OneClick host of the DSS, whatever stack it lives in. */
  private readonly hosts: string[] = [];
  /** One copy of the host list per stack with members. */
  private readonly hostLists = new Map<TerraformStack, ManagedHostList>();
  /** One `primaries-upgraded` marker per stack with members (docs/upgrades.md). */
  private readonly upgradeBarriers = new Map<TerraformStack, TerraformResource>();
  private readonly registry: SpectrumRegistry;

  constructor(scope: Construct, id: string, props: DistributedLandscapeProps) {
    super(scope, id);
    this.props = props;
    markLandscapeParent(this);
    this.master = new FaultTolerantLandscape(this, MASTER_ID, props.master);
    this.registry = SpectrumRegistry.of(this);
    this.registry.addDistributed(this);
    new TopologyMetadata(this, 'topology', () => ({ distributed: { [this.node.path]: this._toDistributedNode() } }));
  }

  /**
   * Adds a distributed landscape in this construct's scope; it waits only
   * for the master primary. To put a member in another stack (to shard
   * Terraform state), create it there with
   * `new FaultTolerantLandscape(otherStack, id, { ...options, distributedLandscape: dss })`.
   */
  public addLandscape(id: string, options: LandscapeOptions): FaultTolerantLandscape {
    const landscape = new FaultTolerantLandscape(this, id, options);
    this.landscapes.push(landscape);
    this.registry.changed();
    return landscape;
  }

  /** Adds a OneClick server whose main location server is the master primary. */
  public addOneClickServer(id: string, options: OneClickServerOptions): OneClickServer {
    const server = new OneClickServer(this, id, options);
    this.oneClickServers.push(server);
    this.registry.changed();
    return server;
  }

  /** @internal */
  public _memberContextFor(_memberId: string, member: IConstruct): MemberContext {
    const memberStack = TerraformStack.of(member);
    const shared = {
      distributedPath: this.node.path,
      hostList: this.hostListIn(memberStack),
      upgradeBarrier: this.upgradeBarrierIn(memberStack),
      standbyMode: this.props.standbyMode,
      install: this.props.install,
      connection: this.props.connection,
      planResource: this.props.planResource,
      primaryReleaseSteps: () => [this.master, ...this.landscapes].flatMap(l => (l ? releaseStepsOf(l.primary._steps) : [])),
      reseed: this.props.reseed,
      retain: this.props.retain,
    };
    // While the constructor builds the master, `this.master` is not set yet.
    if (!this.master) return { ...shared, isMaster: true, after: [] };
    const memberContext = {
      ...shared,
      isMaster: false,
      mainLocationServer: this.master.primary.host,
      mainLocationHandle: this.master.handle.toString(),
    };
    const masterStack = TerraformStack.of(this.master);
    if (memberStack !== masterStack) {
      // depends_on cannot cross stacks: the member's whole stack is deployed
      // after the master's instead (cdktf orders dependent stacks).
      memberStack.addDependency(masterStack);
      return { ...memberContext, after: [], mainLocationPromote: () => undefined };
    }
    return {
      ...memberContext,
      after: member instanceof OneClickServer ? this.master._oneClickAfter : [this.master._primaryConfigured],
      mainLocationPromote: () => this.master.primary._steps.promote,
    };
  }

  /** @internal a landscape created elsewhere with `distributedLandscape: this` */
  public _adoptLandscape(landscape: FaultTolerantLandscape): void {
    this.landscapes.push(landscape);
    this.registry.changed();
  }

  /**
   * What the secondaries of `stack` wait for before they upgrade: every
   * primary of the stack configured again (after its upgrade) and every
   * OneClick server of the stack upgraded. A marker with one dependency per
   * landscape, so the plan's depth stays the same for any number of
   * landscapes. depends_on cannot cross stacks: members in other stacks get
   * their own marker (their stack is deployed after the master's anyway).
   */
  private upgradeBarrierIn(stack: TerraformStack): TerraformResource {
    let barrier = this.upgradeBarriers.get(stack);
    if (!barrier) {
      const scope = stack === TerraformStack.of(this) ? this : stack;
      const id = scope === this ? 'primaries-upgraded' : `${this.node.id}-primaries-upgraded`;
      barrier = emitMarker(scope, id, this.props.planResource ?? PlanResource.NULL_RESOURCE, () => [
        ...[this.master, ...this.landscapes]
          .filter(l => l !== undefined && TerraformStack.of(l) === stack)
          .map(l => l._primaryConfigured),
        ...this.oneClickServers
          .filter(o => TerraformStack.of(o) === stack && o.upgradeStep !== undefined)
          .map(o => o.upgradeStep!),
      ]);
      this.upgradeBarriers.set(stack, barrier);
    }
    return barrier;
  }

  private hostListIn(stack: TerraformStack): ManagedHostList {
    let list = this.hostLists.get(stack);
    if (!list) {
      const scope = stack === TerraformStack.of(this) ? this : stack;
      const id = scope === this ? 'hostrc-hosts' : `${this.node.id}-hostrc-hosts`;
      list = new ManagedHostList(scope, id, this.hosts);
      this.hostLists.set(stack, list);
    }
    return list;
  }

  /** @internal */
  public _claimedPaths(): string[] {
    return [this.node.path];
  }

  /** @internal */
  public _toDistributedNode(): DistributedNode {
    return {
      ...locatedOf(this),
      masterPath: this.master?.node.path,
      landscapePaths: [this.master, ...this.landscapes].filter(l => l !== undefined).map(l => l.node.path),
      oneClickPaths: this.oneClickServers.map(o => o.node.path),
    };
  }
}
