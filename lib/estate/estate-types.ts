/**
 * The estate document as plain data, as docs/estate.schema.json describes
 * it (lib/estate/estate-schema.ts). Internal: the jsii API takes the
 * document as JSON (`SpectrumEstate.fromObject`).
 */

export interface VariableReference { readonly variable: string; readonly key?: string }
export interface EnvironmentReference { readonly env: string }
export type TextValue = string | VariableReference | EnvironmentReference;
export type PortValue = number | VariableReference | EnvironmentReference;

export interface EstateConnection {
  readonly user?: TextValue;
  readonly privateKey?: VariableReference;
  readonly privateKeyFile?: TextValue;
  readonly agent?: boolean;
  readonly port?: PortValue;
  readonly hostKey?: TextValue;
  readonly bastionHost?: TextValue;
  readonly bastionUser?: TextValue;
  readonly bastionPort?: PortValue;
  readonly bastionHostKey?: TextValue;
  readonly timeout?: string;
}

export interface EstateInstall {
  readonly mediaPath?: TextValue;
  readonly installDir?: TextValue;
  readonly owner?: TextValue;
  readonly ownerPassword?: VariableReference;
  readonly version?: string;
  readonly excludeParts?: readonly string[];
  readonly prepareHost?: boolean;
  readonly osPackages?: readonly string[];
  readonly sradminDir?: TextValue;
  /** Update media after the base release, in order (docs/upgrades.md). */
  readonly updates?: readonly EstateUpdate[];
}

export interface EstateUpdate {
  readonly mediaPath: TextValue;
  readonly version: string;
}

export interface EstateServer {
  readonly name?: string;
  readonly host: TextValue;
  readonly precedence?: number;
  readonly connection?: EstateConnection;
  readonly vnmrc?: { readonly [key: string]: string };
}

export interface EstateOneClick {
  readonly host: TextValue;
  readonly connection?: EstateConnection;
  readonly install?: EstateInstall;
  readonly mainLocationServer?: TextValue;
  readonly manageMainLocation?: boolean;
}

export type Standby = 'WARM' | 'HOT';
export type Backup = 'SSDBSAVE' | 'COMMAND';
export type Resource = 'NULL_RESOURCE' | 'TERRAFORM_DATA';

export interface EstateLandscape {
  readonly handle: string | number;
  readonly primary: EstateServer;
  readonly secondaries?: readonly EstateServer[];
  readonly standbyMode?: Standby;
  readonly install?: EstateInstall;
  readonly connection?: EstateConnection;
  readonly backup?: Backup;
  readonly backupCommand?: string;
  readonly planResource?: Resource;
  readonly reseed?: TextValue;
  readonly retain?: number;
  readonly promotedFrom?: TextValue;
  /** Standalone landscapes only. */
  readonly mainLocationServer?: TextValue;
  readonly oneClickServers?: { readonly [name: string]: EstateOneClick };
}

export interface EstateDistributed {
  readonly master: EstateLandscape;
  readonly landscapes?: { readonly [name: string]: EstateLandscape };
  readonly oneClickServers?: { readonly [name: string]: EstateOneClick };
  readonly standbyMode?: Standby;
  readonly install?: EstateInstall;
  readonly connection?: EstateConnection;
  readonly planResource?: Resource;
  readonly reseed?: TextValue;
  readonly retain?: number;
}

export interface EstateVariable {
  readonly description?: string;
  readonly default?: string | number | { readonly [key: string]: string };
  readonly sensitive?: boolean;
}

export interface EstateFile {
  readonly $schema?: string;
  readonly version: 1;
  readonly stack?: string;
  readonly variables?: { readonly [name: string]: EstateVariable };
  readonly distributedLandscapes?: { readonly [name: string]: EstateDistributed };
  readonly landscapes?: { readonly [name: string]: EstateLandscape };
  readonly policy?: { readonly rules?: object; readonly suppressions?: readonly object[] };
}

export function isVariableReference(value: unknown): value is VariableReference {
  return value !== null && typeof value === 'object' && typeof (value as VariableReference).variable === 'string';
}

export function isEnvironmentReference(value: unknown): value is EnvironmentReference {
  return value !== null && typeof value === 'object' && typeof (value as EnvironmentReference).env === 'string';
}
