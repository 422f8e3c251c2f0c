/**
 * The Spectrum estate as plain data: what the rules check, what the plan is
 * built from and what the CLI rebuilds from synthesized JSON. It knows
 * nothing of cdktf: token-ness is decided by whoever builds it.
 *
 * Internal (not part of the jsii API).
 */

/** A value that may be unknown until Terraform applies (a token). */
export interface MaybeToken {
  /** The literal text, or the token's display form when `isToken`. */
  readonly text: string;
  /** True when the value is only known at apply time. */
  readonly isToken: boolean;
}

/** Where an element lives in the construct tree. */
export interface Located {
  /** Full construct path, e.g. `app/estate/east/primary`. */
  readonly path: string;
  /** The stack's construct id. */
  readonly stack: string;
  /** The construct id (last path segment). */
  readonly name: string;
}

/**
 * What the rules need to know about an SSH connection (never secret values:
 * host keys are public, a key file is a path, not its content).
 * The values after `bastionHasHostKey` are optional so that metadata written
 * before they existed still reads; a rule skips a value that is absent.
 */
export interface ConnectionFacts {
  readonly user: string;
  readonly port: number;
  readonly hasHostKey: boolean;
  /** A private key given as a literal string in code (SPX150). */
  readonly privateKeyIsLiteral: boolean;
  /** Private key content is given (`privateKey`, literal or token). */
  readonly hasPrivateKey: boolean;
  /** A private key file on the machine that runs Terraform is given (`privateKeyFile`). */
  readonly hasPrivateKeyFile: boolean;
  /** The SSH agent of the machine that runs Terraform is used (`agent: true`). */
  readonly agent: boolean;
  readonly bastionHost?: MaybeToken;
  readonly bastionHasHostKey: boolean;
  /** The login user as given, a token included (SPX153); `user` holds its text. */
  readonly userValue?: MaybeToken;
  /** The port as given, a token included (SPX154); a literal as its decimal text. */
  readonly portValue?: MaybeToken;
  /** The bastion's user when set (SPX153). */
  readonly bastionUser?: MaybeToken;
  /** The bastion's port when set (SPX154). */
  readonly bastionPort?: MaybeToken;
  /** The private key file's path when set, as given by the user (SPX155). */
  readonly privateKeyFile?: MaybeToken;
  /** The host's public key when set, trimmed as the plan uses it (SPX156). */
  readonly hostKey?: MaybeToken;
  /** The bastion's public key when set, trimmed (SPX156). */
  readonly bastionHostKey?: MaybeToken;
}

/** Update media on top of the base release. */
export interface UpdateFacts {
  readonly mediaPath: MaybeToken;
  readonly version: string;
}

/** What the rules need to know about the installation (never the password). */
export interface InstallFacts {
  /** Undefined: configure an existing installation only. */
  readonly mediaPath?: MaybeToken;
  readonly installDir: MaybeToken;
  readonly owner: MaybeToken;
  readonly hasOwnerPassword: boolean;
  /** The owner password was given as a literal string in code (SPX150). */
  readonly ownerPasswordIsLiteral: boolean;
  readonly version?: string;
  readonly excludeParts: readonly string[];
  /** Host preparation is asked for (`prepareHost`). */
  readonly prepareHost?: boolean;
  /** With `prepareHost`: the packages given in code (undefined: the defaults). */
  readonly osPackages?: readonly MaybeToken[];
  /** With `prepareHost`: SRAdmin's directory. */
  readonly sradminDir?: MaybeToken;
  /** Update media after the base release, in order (absent in metadata written before updates existed). */
  readonly updates?: readonly UpdateFacts[];
}

export type Role = 'PRIMARY' | 'SECONDARY';
export type Standby = 'WARM' | 'HOT';
export type Backup = 'SSDBSAVE' | 'COMMAND';

export interface ServerNode extends Located {
  readonly host: MaybeToken;
  /** As given; rules check it is a positive integer. */
  readonly precedence: number;
  readonly role: Role;
  readonly connection: ConnectionFacts;
  readonly install: InstallFacts;
  readonly vnmrc: Readonly<Record<string, string>>;
}

export interface LandscapeNode extends Located {
  /** Numeric handle (NaN when malformed) and its text. */
  readonly handle: { readonly value: number; readonly text: string };
  readonly primary: ServerNode;
  readonly secondaries: readonly ServerNode[];
  readonly standbyMode: Standby;
  readonly backup: Backup;
  readonly hasBackupCommand: boolean;
  /** The backup command when set (SPX142 checks it is one line); never a secret, it is part of a script. */
  readonly backupCommand?: MaybeToken;
  readonly install: InstallFacts;
  /** Path of the distributed landscape this one belongs to. */
  readonly distributed?: string;
  /** True for the master landscape of a DSS. */
  readonly isMaster: boolean;
  /** The main location server the landscape's servers are installed with. */
  readonly mainLocationServer: MaybeToken;
  /** `reseed`, when set (SPX143). */
  readonly reseed?: MaybeToken;
  /** `retain`, when set (SPX143); absent means the default. */
  readonly retain?: number;
  /** `promotedFrom`, when set (SPX144). */
  readonly promotedFrom?: MaybeToken;
}

export interface OneClickNode extends Located {
  readonly host: MaybeToken;
  readonly mainLocationServer: MaybeToken;
  readonly connection: ConnectionFacts;
  readonly install: InstallFacts;
  /** Path of the distributed landscape (or fault-tolerant landscape) it serves. */
  readonly distributed?: string;
}

export interface DistributedNode extends Located {
  /** Path of the master landscape; undefined when it has none. */
  readonly masterPath?: string;
  readonly landscapePaths: readonly string[];
  readonly oneClickPaths: readonly string[];
}

export interface Topology {
  readonly landscapes: readonly LandscapeNode[];
  readonly distributed: readonly DistributedNode[];
  readonly oneClicks: readonly OneClickNode[];
}

/** Every SpectroSERVER of a landscape, primary first. */
export function serversOf(landscape: LandscapeNode): readonly ServerNode[] {
  return [landscape.primary, ...landscape.secondaries];
}

/** A literal value, or a token shown as such in messages. */
export function show(value: MaybeToken): string {
  return value.isToken ? `(token ${value.text})` : `'${value.text}'`;
}
