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
}
