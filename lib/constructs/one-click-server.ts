import { Construct } from 'constructs';
import { TerraformResource } from './cdktf-bridge';
import { emitPrepareStep, emitWebServerStep } from './host-steps';
import { locatedOf } from './located';
import { isLandscapeParent, MemberContext } from './member-context';
import { connectionFactsOf, installFactsOf, installInputOf, sshTargetOf } from './server-facts';
import { SpectrumRegistry } from './spectrum-registry';
import { emitStep } from './step-emitter';
import { valueOf } from './token-values';
import { TopologyMetadata } from './topology-metadata';
import { DEFAULTS, mergeConnection, mergeInstall } from '../model/defaults';
import { OneClickServerOptions } from '../model/one-click-server-options';
import { PlanResource } from '../model/plan-resource';
import { OneClickNode } from '../model/topology';
import { ServerPlanInput } from '../plan/server-plan-input';
import { installStep } from '../plan/steps/install-step';
import { mainLocationStep } from '../plan/steps/main-location-step';
import { upgradeStep } from '../plan/steps/upgrade-step';

/**
 * A OneClick server. Created by `DistributedLandscape.addOneClickServer` or
 * `FaultTolerantLandscape.addOneClickServer`: it is installed (with media)
 * after its main location server's primary is configured, with
 * `main_loc_serv` pointing at it, and listed in every `.hostrc` of the
 * landscape so the SpectroSERVERs accept its connections. Its child steps are
 * `install` and `webserver` (OneClick's web server; docs/host-preparation.md),
 * `prepare` before them with install.prepareHost, and `mainlocation`, which
 * keeps OneClick pointed at its main location server, also after a
 * promotion (docs/promotion.md).
 */
export class OneClickServer extends Construct {
  /** Host name or address (may be a token). */
  public readonly host: string;
  /** The main location server OneClick connects to. */
  public readonly mainLocationServer: string;
  /** The install step, when Spectrum media are given. */
  public readonly installStep?: TerraformResource;
  /** The step that starts OneClick's web server (restarted after the primaries' upgrades), when Spectrum media are given. */
  public readonly webServerStep?: TerraformResource;
  /**
   * The upgrade step (docs/upgrades.md), when media or updates are given: it
   * runs after the main location server's primary is upgraded and before the
   * secondaries of a distributed landscape.
   */
  public readonly upgradeStep?: TerraformResource;

  /**
   * The step that points OneClick at its main location server
   * (`MAIN_LOCATION_HOST_NAME` in `$SPECROOT/LS/.locrc`) and restarts its
   * web server when that changed, e.g. after a promotion (docs/promotion.md);
   * none when `manageMainLocation` is false.
   */
  public readonly mainLocationStep?: TerraformResource;

  private readonly options: OneClickServerOptions;
  private readonly context: MemberContext;

  constructor(scope: Construct, id: string, options: OneClickServerOptions) {
    super(scope, id);
    this.options = options;
    this.context = isLandscapeParent(scope) ? scope._memberContextFor(id, this) : { isMaster: false, after: [] };
    this.host = options.host;
    this.mainLocationServer = options.mainLocationServer ?? this.context.mainLocationServer ?? '';
    this.context.hostList?.add(options.host);

    const install = mergeInstall(this.context.install, options.install);
    const input: ServerPlanInput = {
      path: this.node.path,
      host: valueOf(this.host),
      target: sshTargetOf(this.host, this.connection()),
      install: installInputOf(install),
      // The installer asks for a landscape handle even for OneClick: the main location server's.
      handle: this.context.mainLocationHandle ?? '',
      precedence: DEFAULTS.primaryPrecedence,
      mainLocationServer: valueOf(this.mainLocationServer),
      vnmrc: {},
    };
    const resource = this.context.planResource ?? PlanResource.NULL_RESOURCE;
    const step = installStep(input, 'oneclick');
    if (step) this.installStep = emitStep(this, step, { resource, after: emitPrepareStep(this, input, resource, this.context.after) });
    // After its main location server's primary is upgraded (context.after),
    // beside the other primaries, before the secondaries (KB 144472 and the
    // 9.4.4 "upgrade best practices for fault-tolerant deployments" page:
    // primaries and OneClick first, secondaries last); docs/upgrades.md.
    const upgrade = upgradeStep(input, 'oneclick');
    if (upgrade) {
      this.upgradeStep = emitStep(this, upgrade, {
        resource,
        after: [...(this.installStep ? [this.installStep] : []), ...this.context.after],
        chain: { install: this.installStep },
      });
    }
    const mainLocationPromote = this.context.mainLocationPromote ?? (() => undefined);
    if (step) {
      // OneClick's own release steps (install and upgrade), read at synth time.
      const ownReleaseSteps = () => [this.installStep, this.upgradeStep];
      this.webServerStep = emitWebServerStep(this, input, resource, ownReleaseSteps, this.context.primaryReleaseSteps ?? (() => []),
        mainLocationPromote, options.manageMainLocation ?? true);
    }
    if (options.manageMainLocation ?? true) this.mainLocationStep = this.emitMainLocationStep(input, resource, mainLocationPromote);
    SpectrumRegistry.of(this).addOneClick(this);
    new TopologyMetadata(this, 'topology', () => ({ oneClicks: { [this.node.path]: this._toOneClickNode() } }));
  }

  /**
   * After OneClick is installed or upgraded, after its webserver step (which
   * writes the same file before its restart, so a deploy that runs both
   * restarts the web server once) and after the main location server's
   * primary is promoted (KB 49550's order: OneClick last).
   */
  private emitMainLocationStep(input: ServerPlanInput, resource: PlanResource,
    mainLocationPromote: () => TerraformResource | undefined): TerraformResource {
    const own = [this.installStep, this.upgradeStep, this.webServerStep].filter((s): s is TerraformResource => s !== undefined);
    // The landscape emits its primary's promote step before any OneClick server can be added.
    const promote = mainLocationPromote();
    return emitStep(this, mainLocationStep(input, this.context.retain), {
      resource,
      after: [...(own.length > 0 ? own : this.context.after), ...(promote ? [promote] : [])],
    });
  }

  /** @internal */
  public _claimedPaths(): string[] {
    return [this.node.path];
  }

  /** @internal */
  public _toOneClickNode(): OneClickNode {
    return {
      ...locatedOf(this),
      host: valueOf(this.host),
      mainLocationServer: valueOf(this.mainLocationServer),
      connection: connectionFactsOf(this.connection()),
      install: installFactsOf(mergeInstall(this.context.install, this.options.install)),
      distributed: this.context.distributedPath,
    };
  }

  private connection() {
    return mergeConnection(this.context.connection, this.options.connection);
  }
}
