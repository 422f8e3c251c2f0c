import { Construct } from 'constructs';
import { ITerraformDependable, Lazy, TerraformResource } from './cdktf-bridge';
import type { DistributedLandscape } from './distributed-landscape';
import { emitPrepareStep, releaseStepsOf } from './host-steps';
import { locatedOf } from './located';
import { ManagedHostList } from './managed-host-list';
import { isLandscapeParent, markLandscapeParent, MemberContext } from './member-context';
import { OneClickServer } from './one-click-server';
import { connectionFactsOf, installFactsOf, installInputOf, sshTargetOf } from './server-facts';
import { SpectroServer } from './spectro-server';
import { SpectrumRegistry } from './spectrum-registry';
import { emitMarker, emitStep } from './step-emitter';
import { factOf, optionalValueOf, valueOf } from './token-values';
import { TopologyMetadata } from './topology-metadata';
import { BackupMethod } from '../model/backup-method';
import { DEFAULTS, mergeConnection, mergeInstall } from '../model/defaults';
import { LandscapeHandle } from '../model/landscape-handle';
import { LandscapeOptions } from '../model/landscape-options';
import { OneClickServerOptions } from '../model/one-click-server-options';
import { PlanResource } from '../model/plan-resource';
import { ServerRole } from '../model/server-role';
import { SpectroServerOptions } from '../model/spectro-server-options';
import { SpectrumInstallOptions } from '../model/spectrum-install-options';
import { StandbyMode } from '../model/standby-mode';
import { LandscapeNode, ServerNode } from '../model/topology';
import { managedVnmrcEntries } from '../model/vnmrc-keys';
import { DEFAULT_RETAIN } from '../plan/retention';
import { ServerPlanInput } from '../plan/server-plan-input';
import { demoteStep } from '../plan/steps/demote-step';
import { deregisterStep } from '../plan/steps/deregister-step';
import { hostrcStep } from '../plan/steps/hostrc-step';
import { installStep } from '../plan/steps/install-step';
import { loadStep } from '../plan/steps/load-step';
import { promoteStep } from '../plan/steps/promote-step';
import { savefileStep } from '../plan/steps/savefile-step';
import { transferStep } from '../plan/steps/transfer-step';
import { upgradeStep } from '../plan/steps/upgrade-step';
import { vnmrcStep } from '../plan/steps/vnmrc-step';

/** Props of a fault-tolerant landscape. */
export interface FaultTolerantLandscapeProps extends LandscapeOptions {
  /**
   * The main location server written into the installer's `main_loc_serv`.
   * @default - the landscape's own primary (the master primary in a DSS)
   */
  readonly mainLocationServer?: string;

  /**
   * Makes this landscape a member of a distributed landscape defined
   * elsewhere, typically in another stack of the same app (one stack per
   * landscape group shards Terraform state). The member's stack is then
   * deployed after the master's; hosts of such members should be literals or
   * come from stacks deployed before the DSS's.
   * @default - a member only when created by `DistributedLandscape.addLandscape`
   */
  readonly distributedLandscape?: DistributedLandscape;
}

/**
 * A fault-tolerant landscape: a primary SpectroSERVER and its secondaries,
 * sharing one landscape handle with different precedences (KB 9404).
 *
 * Synthesizes the plan of the README ("The plan"): per server `install` (with media),
 * `hostrc`, `vnmrc`; on the primary a `savefile` when there are secondaries;
 * per secondary `transfer` and `load`; on the primary a `deregister` step that
 * removes map entries of secondaries the code no longer has.
 * Construct ids are a public contract: `primary`, `secondary`,
 * `secondary-2`, ... (or the ids you give with `addSecondary(options, id)`).
 *
 * @example
 * new FaultTolerantLandscape(stack, 'east', {
 *   handle: LandscapeHandle.parse('0x400000'),
 *   primary: { host: 'ss-east-1' },
 *   secondaries: [{ host: 'ss-east-2' }],
 *   standbyMode: StandbyMode.HOT,
 * });
 */
export class FaultTolerantLandscape extends Construct {
  /** The landscape handle. */
  public readonly handle: LandscapeHandle;
  /** The primary SpectroSERVER. */
  public readonly primary: SpectroServer;
  /** The secondaries, in order. */
  public readonly secondaries: SpectroServer[] = [];
  /** OneClick servers added with `addOneClickServer`. */
  public readonly oneClickServers: OneClickServer[] = [];
  /** Warm or hot standby. */
  public readonly standbyMode: StandbyMode;
  /** The resource type of the plan's steps. */
  public readonly planResource: PlanResource;
  /** Depend on this to run after the whole landscape is installed, configured and seeded. */
  public readonly ready: ITerraformDependable;
  /** The re-seed value (`reseed`, or the distributed landscape's), if any. */
  public readonly reseed?: string;
  /** How many copies of each kind of file every server of the landscape keeps. */
  public readonly retain: number;

  private readonly props: FaultTolerantLandscapeProps;
  private readonly context: MemberContext;
  private readonly install: SpectrumInstallOptions;
  private readonly hostList: ManagedHostList;
  private readonly readyMarker: TerraformResource;
  private readonly registry: SpectrumRegistry;
  private savefile?: TerraformResource;

  constructor(scope: Construct, id: string, props: FaultTolerantLandscapeProps) {
    super(scope, id);
    this.props = props;
    const parent = props.distributedLandscape ?? (isLandscapeParent(scope) ? scope : undefined);
    this.context = parent ? parent._memberContextFor(id, this) : { isMaster: false, after: [] };
    this.handle = props.handle;
    this.standbyMode = props.standbyMode ?? this.context.standbyMode ?? StandbyMode.WARM;
    this.planResource = props.planResource ?? this.context.planResource ?? PlanResource.NULL_RESOURCE;
    this.install = mergeInstall(this.context.install, props.install);
    this.reseed = props.reseed ?? this.context.reseed;
    this.retain = props.retain ?? this.context.retain ?? DEFAULT_RETAIN;
    this.hostList = this.context.hostList ?? new ManagedHostList(this, 'hostrc-hosts');
    markLandscapeParent(this);

    this.primary = new SpectroServer(this, 'primary', {
      ...props.primary,
      role: ServerRole.PRIMARY,
      precedence: props.primary.precedence ?? DEFAULTS.primaryPrecedence,
    });
    this.emitServerSteps(this.primary);
    this.emitPromoteStep();
    this.emitDeregisterStep();
    this.readyMarker = emitMarker(this, 'ready', this.planResource, () => [
      this.primary._steps.vnmrc,
      ...this.secondaries.map(s => s._steps.load),
      ...(this.primary._steps.deregister ? [this.primary._steps.deregister] : []),
    ]);
    this.ready = this.readyMarker;

    this.registry = SpectrumRegistry.of(this);
    this.registry.addLandscape(this);
    new TopologyMetadata(this, 'topology', () => ({ landscapes: { [this.node.path]: this._toLandscapeNode() } }));

    for (const secondary of props.secondaries ?? []) this.addSecondary(secondary);
    props.distributedLandscape?._adoptLandscape(this);
  }

  /**
   * Adds a secondary SpectroSERVER, seeded from a savefile of the primary.
   *
   * @param options the server
   * @param id construct id (default `secondary` for the first, then `secondary-2`, ...).
   *   Give ids when secondaries may be removed later: removing one must not rename the others.
   */
  public addSecondary(options: SpectroServerOptions, id?: string): SpectroServer {
    const index = this.secondaries.length;
    const server = new SpectroServer(this, id ?? (index === 0 ? 'secondary' : `secondary-${index + 1}`), {
      ...options,
      role: ServerRole.SECONDARY,
      precedence: options.precedence ?? DEFAULTS.primaryPrecedence + DEFAULTS.precedenceStep * (index + 1),
    });
    this.secondaries.push(server);
    this.emitServerSteps(server);
    this.emitSeedingSteps(server);
    this.emitDeregisterStep();
    this.registry.changed();
    return server;
  }

  /**
   * Adds a OneClick server whose main location server is this landscape's
   * primary (or `mainLocationServer`).
   */
  public addOneClickServer(id: string, options: OneClickServerOptions): OneClickServer {
    const server = new OneClickServer(this, id, options);
    this.oneClickServers.push(server);
    return server;
  }

  /** The main location server of this landscape's servers. */
  public get mainLocationServer(): string {
    return this.context.mainLocationServer ?? this.props.mainLocationServer ?? this.primary.host;
  }

  /** @internal */
  public _memberContextFor(): MemberContext {
    return {
      distributedPath: this.context.distributedPath,
      isMaster: false,
      mainLocationServer: this.mainLocationServer,
      mainLocationHandle: this.handle.toString(),
      after: this._oneClickAfter,
      hostList: this.hostList,
      install: this.install,
      connection: mergeConnection(this.context.connection, this.props.connection),
      planResource: this.planResource,
      primaryReleaseSteps: () => releaseStepsOf(this.primary._steps),
      // A member of a DSS: the master primary's (the distributed landscape's
      // context says which); else this landscape's own primary.
      mainLocationPromote: this.context.mainLocationPromote ?? (() => this.primary._steps.promote),
      retain: this.retain,
    };
  }

  /**
   * @internal what a OneClick server of this landscape waits for: the primary
   * configured and, when it has secondaries, its savefile made, so that a
   * OneClick install on the primary's host (which stops the SpectroSERVER for
   * the installer) never overlaps the savefile's SSdbsave.
   */
  public get _oneClickAfter(): TerraformResource[] {
    return [this.primary._steps.vnmrc, ...(this.primary._steps.savefile ? [this.primary._steps.savefile] : [])];
  }

  /** @internal the step other landscapes of a DSS wait for: the primary configured */
  public get _primaryConfigured(): TerraformResource {
    return this.primary._steps.vnmrc;
  }

  /** @internal */
  public _claimedPaths(): string[] {
    return [this.node.path, ...[this.primary, ...this.secondaries].map(s => s.node.path)];
  }

  /** @internal */
  public _toLandscapeNode(): LandscapeNode {
    return {
      ...locatedOf(this),
      handle: { value: this.handle.value, text: this.handle.toString() },
      primary: this.serverNode(this.primary),
      secondaries: this.secondaries.map(s => this.serverNode(s)),
      standbyMode: this.standbyMode,
      backup: this.props.backup ?? BackupMethod.SSDBSAVE,
      hasBackupCommand: this.props.backupCommand !== undefined && this.props.backupCommand !== '',
      backupCommand: factOf(this.props.backupCommand),
      install: installFactsOf(this.install),
      distributed: this.context.distributedPath,
      isMaster: this.context.isMaster,
      mainLocationServer: valueOf(this.mainLocationServer),
      ...(this.reseed === undefined ? {} : { reseed: valueOf(this.reseed) }),
      ...(this.retain === DEFAULT_RETAIN ? {} : { retain: this.retain }),
      ...(this.props.promotedFrom === undefined ? {} : { promotedFrom: valueOf(this.props.promotedFrom) }),
    };
  }

  private serverNode(server: SpectroServer): ServerNode {
    return {
      ...locatedOf(server),
      host: valueOf(server.host),
      precedence: server.precedence,
      role: server.role,
      connection: connectionFactsOf(this.connectionOf(server)),
      install: installFactsOf(this.install),
      vnmrc: server.options.vnmrc ?? {},
    };
  }

  private connectionOf(server: SpectroServer) {
    return mergeConnection(this.context.connection, this.props.connection, server.options.connection);
  }

  private planInputOf(server: SpectroServer): ServerPlanInput {
    return {
      path: server.node.path,
      host: valueOf(server.host),
      target: sshTargetOf(server.host, this.connectionOf(server)),
      install: installInputOf(this.install),
      handle: this.handle.toString(),
      precedence: server.precedence,
      mainLocationServer: valueOf(this.mainLocationServer),
      vnmrc: Object.fromEntries(Object.entries({ ...managedVnmrcEntries(server.role, this.standbyMode), ...server.options.vnmrc })
        .map(([key, value]) => [key, valueOf(value)])),
    };
  }

  /**
   * The primary's `deregister` step reconciles the landscape map with the
   * secondaries of the code after their loads; re-emitted (same construct id)
   * whenever a secondary is added, so it always lists all of them.
   */
  private emitDeregisterStep(): void {
    this.primary.node.tryRemoveChild('deregister');
    this.primary._steps.deregister = emitStep(this.primary,
      deregisterStep(this.planInputOf(this.primary), this.secondaries.map(s => s.precedence)),
      { resource: this.planResource, after: this.secondaries.map(s => s._steps.load), chain: { install: this.primary._steps.install } });
  }

  /**
   * Promotion (docs/promotion.md): the primary's `promote` step runs after
   * its vnmrc step and after every secondary's `demote` step (which stops a
   * former primary), and before the savefile. Secondaries may be added
   * later, hence a depends_on computed at synth.
   */
  private emitPromoteStep(): void {
    const vnmrc = this.primary._steps.vnmrc;
    const promote = emitStep(this.primary, promoteStep(this.planInputOf(this.primary), this.retain), {
      resource: this.planResource,
      after: [],
      chain: { install: this.primary._steps.install },
    });
    promote.addOverride('depends_on', Lazy.listValue({
      produce: () => [vnmrc, ...this.secondaries.map(s => s._steps.demote)].map(step => `${step.terraformResourceType}.${step.friendlyUniqueId}`),
    }));
    this.primary._steps.promote = promote;
  }

  /**
   * install -> upgrade -> hostrc -> vnmrc on one server. Installs run in
   * parallel (after the master primary in a DSS); upgrades roll
   * (docs/upgrades.md): a primary's after its install (a member primary's
   * install already waits for the master primary, configured and so
   * upgraded), a secondary's after its primary runs configured again and, in
   * a DSS, after every primary and OneClick server of the stack
   * (`upgradeBarrier`). hostrc follows the upgrade (an installer run leaves
   * `.hostrc` with the local host only, KB 7270).
   */
  private emitServerSteps(server: SpectroServer): void {
    const input = this.planInputOf(server);
    this.hostList.add(server.host);
    const resource = this.planResource;
    const install = installStep(input, 'spectroserver');
    const installed = install && emitStep(server, install, { resource, after: emitPrepareStep(server, input, resource, this.context.after) });
    if (installed) server._steps.install = installed;
    const rollingOrder = server === this.primary
      ? []
      : [this.primary._steps.vnmrc, ...(this.context.upgradeBarrier ? [this.context.upgradeBarrier] : [])];
    const upgrade = upgradeStep(input, 'spectroserver');
    const upgraded = upgrade && emitStep(server, upgrade, {
      resource,
      after: [...(installed ? [installed] : this.context.after), ...rollingOrder],
      chain: { install: installed },
    });
    if (upgraded) server._steps.upgrade = upgraded;
    const hostrc = emitStep(server, hostrcStep(input.target, input.install, this.hostList.lines(), this.hostList.digest(), this.retain), {
      resource,
      after: upgraded ? [upgraded] : installed ? [installed] : this.context.after,
      chain: { install: installed, upgrade: upgraded },
    });
    server._steps.hostrc = hostrc;
    server._steps.vnmrc = emitStep(server, vnmrcStep(input.target, input.install, input.vnmrc, this.retain, server.role === ServerRole.SECONDARY), {
      resource,
      after: [hostrc],
      chain: { install: installed },
    });
  }

  /** savefile (once, on the primary) -> transfer -> load. */
  private emitSeedingSteps(secondary: SpectroServer): void {
    const resource = this.planResource;
    const primaryInput = this.planInputOf(this.primary);
    const secondaryInput = this.planInputOf(secondary);
    // Stops this host if it was the primary, before the primary's promote step.
    // Where it runs among this server's own steps does not matter for what it
    // leaves: a demoted server is started by its load step only (the vnmrc
    // step and the installers read the role record, under the lock demote
    // takes, and leave it stopped). It matters for how long the landscape
    // has no primary: the later demote stops the former primary, the shorter
    // that gap, so it follows the vnmrc step, the last step before the
    // transfer. Not in a DSS: there the secondaries' upgrades (and so their
    // hostrc and vnmrc steps) wait for OneClick's, which waits for the
    // master's savefile, which waits for promote and so for demote, a cycle;
    // demote waits for the install only (docs/promotion.md).
    const demoteAfter = this.context.upgradeBarrier
      ? (secondary._steps.install ? [secondary._steps.install] : [...this.context.after])
      : [secondary._steps.vnmrc];
    secondary._steps.demote = emitStep(secondary, demoteStep(secondaryInput), {
      resource,
      after: demoteAfter,
      chain: { install: secondary._steps.install },
    });
    if (!this.savefile) {
      const backupCommand = this.props.backup === BackupMethod.COMMAND ? optionalValueOf(this.props.backupCommand) : undefined;
      const seeding = { reseed: optionalValueOf(this.reseed), retain: this.retain };
      this.savefile = emitStep(this.primary, savefileStep(primaryInput, backupCommand, seeding), {
        resource,
        after: [this.primary._steps.vnmrc, this.primary._steps.promote],
        chain: { install: this.primary._steps.install },
      });
      this.primary._steps.savefile = this.savefile;
    }
    const transfer = emitStep(secondary, transferStep(primaryInput, secondaryInput), {
      resource,
      after: [this.savefile, secondary._steps.vnmrc],
      chain: { savefile: this.savefile, install: secondary._steps.install },
    });
    secondary._steps.transfer = transfer;
    const load = emitStep(secondary, loadStep(secondaryInput, this.retain), { resource, after: [transfer], chain: { transfer } });
    secondary._steps.load = load;
  }
}
