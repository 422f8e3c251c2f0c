import { BackupMethod } from './backup-method';
import { LandscapeHandle } from './landscape-handle';
import { PlanResource } from './plan-resource';
import { SpectroServerOptions } from './spectro-server-options';
import { SpectrumInstallOptions } from './spectrum-install-options';
import { SshConnectionOptions } from './ssh-connection-options';
import { StandbyMode } from './standby-mode';

/** One fault-tolerant landscape: a primary and its secondaries sharing one handle. */
export interface LandscapeOptions {
  /** The landscape handle shared by all servers of the landscape. */
  readonly handle: LandscapeHandle;

  /** The primary SpectroSERVER. */
  readonly primary: SpectroServerOptions;

  /**
   * Secondary SpectroSERVERs, seeded from a savefile of the primary.
   * @default - none (the landscape is not fault tolerant: warning SPX141)
   */
  readonly secondaries?: SpectroServerOptions[];

  /**
   * Warm or hot standby.
   * @default StandbyMode.WARM (or the distributed landscape's)
   */
  readonly standbyMode?: StandbyMode;

  /**
   * Installation settings.
   * @default - configure an existing installation in /opt/CA/Spectrum owned by `spectrum`
   */
  readonly install?: SpectrumInstallOptions;

  /**
   * SSH connection defaults for every server of the landscape.
   * @default - user root, port 22 (or the distributed landscape's)
   */
  readonly connection?: SshConnectionOptions;

  /**
   * How the primary's database is saved to seed the secondaries.
   * @default BackupMethod.SSDBSAVE
   */
  readonly backup?: BackupMethod;

  /**
   * With `BackupMethod.COMMAND`: a command run on the primary as the install
   * owner, from `$SPECROOT/SS`, that must write the savefile whose path it
   * gets in `$SPECTRUM_SAVEFILE` (a `.SSdb` file).
   * @default - none; required with BackupMethod.COMMAND
   */
  readonly backupCommand?: string;

  /**
   * The resource type of the plan's steps.
   * @default PlanResource.NULL_RESOURCE (or the distributed landscape's)
   */
  readonly planResource?: PlanResource;

  /**
   * Re-seeds the secondaries on demand: any new value re-runs the savefile
   * step on the primary and the transfer and load steps of every secondary
   * of this landscape, and nothing else. A secondary's database is a copy
   * that only a newer savefile of the primary refreshes, so a pipeline
   * passes a new value (a date, a run id) to keep the standby current, e.g.
   * from a Terraform variable: `cdktf deploy --var reseed=2026-12-01`
   * (docs/reseed.md). Any single line of text; it reaches the savefile
   * script only as a label in its log.
   * @default - no re-seed input: the secondaries are seeded when they are
   *   added, and again only when an input of the seeding steps changes
   *   (or the distributed landscape's `reseed`, for its members)
   */
  readonly reseed?: string;

  /**
   * How many copies of each kind of file the plan keeps per server: the
   * savefiles on the primary (the current one and its `.previous`), the
   * databases a secondary saves aside before each load, and the timestamped
   * `.bak` copies of `.hostrc` and `.vnmrc`. The oldest go first; the newest
   * (the current savefile, the last database saved aside, the last backup)
   * is never removed. A positive integer (SPX143). Changing it re-runs no
   * step: it applies the next time each step runs.
   * @default 3
   */
  readonly retain?: number;

  /**
   * The host that was this landscape's primary before this change, in the
   * change that promotes a secondary (docs/promotion.md). The plan does not
   * need it (each host knows the role it had), but with it synth warns that
   * applying the change stops that host (SPX144, KB 49550), and fails when
   * that host is no longer a secondary of the landscape (the plan could not
   * reach it to stop it). Remove it once the promotion is deployed.
   * @default - no promotion declared
   */
  readonly promotedFrom?: string;
}
