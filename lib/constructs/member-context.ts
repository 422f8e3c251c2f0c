import { IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource } from './cdktf-bridge';
import { ManagedHostList } from './managed-host-list';
import { PlanResource } from '../model/plan-resource';
import { SpectrumInstallOptions } from '../model/spectrum-install-options';
import { SshConnectionOptions } from '../model/ssh-connection-options';
import { StandbyMode } from '../model/standby-mode';

/** What a landscape or OneClick server takes from the environment it belongs to. */
export interface MemberContext {
  /** Construct path of the distributed landscape, if any. */
  readonly distributedPath?: string;
  /** The master landscape of a DSS. */
  readonly isMaster: boolean;
  /** Handle of the main location server's landscape (a OneClick install needs one). */
  readonly mainLocationHandle?: string;
  /** Main location server host; undefined: the landscape's own primary. */
  readonly mainLocationServer?: string;
  /** Steps to wait for before the first step (the master primary in a DSS). */
  readonly after: readonly ITerraformDependable[];
  /**
   * In a DSS: what secondaries' upgrades wait for, every primary of the stack
   * configured (so upgraded) and every OneClick server upgraded (KB 144472:
   * primaries first, then the secondaries).
   */
  readonly upgradeBarrier?: ITerraformDependable;
  /** The `.hostrc` list shared with the rest of the environment. */
  readonly hostList?: ManagedHostList;
  readonly standbyMode?: StandbyMode;
  readonly install?: SpectrumInstallOptions;
  readonly connection?: SshConnectionOptions;
  readonly planResource?: PlanResource;
  /**
   * The `promote` step of the main location server's primary (the landscape's
   * primary, the master primary in a DSS), read at synth time: a OneClick
   * server is pointed at a new main location server after its promotion
   * (KB 49550's order). Undefined across stacks (depends_on cannot cross them).
   */
  readonly mainLocationPromote?: () => TerraformResource | undefined;
  /** The install (and upgrade) steps of the primaries a OneClick server serves, read at synth time. */
  readonly primaryReleaseSteps?: () => readonly TerraformResource[];
  /** The distributed landscape's `reseed`, for members that set none. */
  readonly reseed?: string;
  /** The distributed landscape's `retain`, for members that set none. */
  readonly retain?: number;
}

const PARENT = Symbol.for('cdktf-spectrum.LandscapeParent');

/** A construct that landscapes or OneClick servers can be members of. */
export interface LandscapeParent extends IConstruct {
  /** Context for the member being constructed with construct id `memberId` (at `member`). */
  _memberContextFor(memberId: string, member: IConstruct): MemberContext;
}

export function markLandscapeParent(parent: LandscapeParent): void {
  Object.defineProperty(parent, PARENT, { value: true });
}

export function isLandscapeParent(x: unknown): x is LandscapeParent {
  return typeof x === 'object' && x !== null && (x as any)[PARENT] === true;
}
