import { SshTarget } from './plan-step';
import { ShellValue } from './shell';

/** Installation settings as the plan needs them (the password is a secret token). */
export interface InstallInput {
  readonly mediaPath?: ShellValue;
  readonly installDir: ShellValue;
  readonly owner: ShellValue;
  readonly ownerPassword?: string;
  readonly version?: string;
  readonly excludeParts: readonly string[];
  /** Host preparation (the `prepare` step) is asked for. */
  readonly prepareHost?: boolean;
  /** OS packages to make sure of; undefined: the default list of the host's family. */
  readonly osPackages?: readonly ShellValue[];
  /** SRAdmin's directory (`SRADHOME`). */
  readonly sradminDir?: ShellValue;
  /** Update media after the base release, in order. */
  readonly updates: readonly UpdateInput[];
}

/** One update media directory and the version it installs. */
export interface UpdateInput {
  readonly mediaPath: ShellValue;
  readonly version: string;
}

/** One SpectroSERVER or OneClick server as the plan needs it. */
export interface ServerPlanInput {
  /** Construct path, for messages and unique staging names. */
  readonly path: string;
  readonly host: ShellValue;
  readonly target: SshTarget;
  readonly install: InstallInput;
  /** `0x400000` (validated by SPX100 before any plan is built). */
  readonly handle: string;
  readonly precedence: number;
  readonly mainLocationServer: ShellValue;
  /** The `.vnmrc` entries the plan manages on this server (values may be tokens). */
  readonly vnmrc: { readonly [key: string]: ShellValue };
}
