import * as path from 'path';
import { Construct } from 'constructs';
import { Aspects, Fn, TerraformStack, TerraformVariable, Token } from './cdktf-bridge';
import { DistributedLandscape } from './distributed-landscape';
import { FaultTolerantLandscape } from './fault-tolerant-landscape';
import { SpectrumPolicy } from './spectrum-policy';
import { EstateSource, estateOf, pointerOf, readEstateFile } from '../estate/estate-document';
import { EstateError } from '../estate/estate-error';
import { referencesOf, VariableUse } from '../estate/estate-references';
import { RESEED_TITLE, RULED_VALUES } from '../estate/estate-schema';
import {
  EstateConnection, EstateFile, EstateInstall, EstateLandscape, EstateOneClick, EstateServer,
  isEnvironmentReference, PortValue, TextValue, VariableReference,
} from '../estate/estate-types';
import { BackupMethod } from '../model/backup-method';
import { LandscapeHandle } from '../model/landscape-handle';
import { LandscapeOptions } from '../model/landscape-options';
import { OneClickServerOptions } from '../model/one-click-server-options';
import { PlanResource } from '../model/plan-resource';
import { SpectroServerOptions } from '../model/spectro-server-options';
import { SpectrumInstallOptions } from '../model/spectrum-install-options';
import { SshConnectionOptions } from '../model/ssh-connection-options';
import { StandbyMode } from '../model/standby-mode';
import { RESEED } from '../model/value-kinds';
import { Policy } from '../policy/policy';
import { policyOf, PolicyError } from '../policy/policy-loader';

/**
 * An estate described as data (YAML or JSON, schema docs/estate.schema.json):
 * builds the same `DistributedLandscape`, `FaultTolerantLandscape` and
 * `OneClickServer` constructs as code would, so synth-time rules, policies
 * and `cdktf-spectrum check` work unchanged. Each Terraform variable the
 * file refers to is declared once in the stack (sensitive when a secret
 * refers to it); `{ env: NAME }` values are read from the environment at synth.
 *
 * @example
 * SpectrumEstate.fromFile(stack, 'estate', 'estate.yaml');
 */
export class SpectrumEstate extends Construct {
  /**
   * Builds the estate of a YAML or JSON file. Throws an error listing every
   * problem of the file at once, each as `file:line:column: /pointer what is wrong`.
   */
  public static fromFile(scope: Construct, id: string, file: string): SpectrumEstate {
    return new SpectrumEstate(scope, id, readEstateFile(file));
  }

  /**
   * Builds the estate of a document given as an object (the parsed form of
   * an estate file). Throws an error listing every problem at once, each
   * with its JSON pointer.
   */
  public static fromObject(scope: Construct, id: string, estate: any): SpectrumEstate {
    const shown = `SpectrumEstate '${id}'`;
    return new SpectrumEstate(scope, id, { file: shown, estate: estateOf(estate, shown), at: () => shown });
  }

  /** @internal an estate already read (the CLI reads the file once) */
  public static _fromSource(scope: Construct, id: string, source: EstateSource): SpectrumEstate {
    return new SpectrumEstate(scope, id, source);
  }

  /** The distributed landscapes, in the file's order. */
  public readonly distributedLandscapes: DistributedLandscape[] = [];
  /** The landscapes outside any distributed landscape, in the file's order. */
  public readonly landscapes: FaultTolerantLandscape[] = [];
  /** The policy of the file's `policy` section, added to the stack; undefined without one. */
  public readonly policy?: SpectrumPolicy;

  private readonly source: EstateSource;
  private readonly variables = new Map<string, TerraformVariable>();
  private readonly problems: string[] = [];
  /** JSON pointer of each construct the document made, by construct path. */
  private readonly pointers = new Map<string, string>();

  private constructor(scope: Construct, id: string, source: EstateSource) {
    super(scope, id);
    this.source = source;
    const estate = source.estate;
    const references = referencesOf(estate);
    for (const problem of references.problems) this.problem(problem.pointer, problem.text);
    for (const use of references.environment) {
      if (process.env[use.name] === undefined) {
        this.problem(use.pointer, `reads the environment variable ${use.name}, which is not set; set it before synthesizing, or use { variable: ... }`);
      }
    }
    const policy = this.policyOf(estate);
    this.checkNames(estate);
    this.raise();

    const stack = TerraformStack.of(this);
    for (const use of references.variables) this.variables.set(use.name, declareVariable(stack, use));
    if (policy) {
      this.policy = SpectrumPolicy._of(policy);
      Aspects.of(stack).add(this.policy);
    }

    for (const [name, dss] of Object.entries(estate.distributedLandscapes ?? {})) {
      const at = ['distributedLandscapes', name];
      const distributed = new DistributedLandscape(this, name, {
        master: this.landscapeOptions(dss.master, [...at, 'master']),
        standbyMode: standbyOf(dss.standbyMode),
        install: this.install(dss.install, [...at, 'install']),
        connection: this.connection(dss.connection, [...at, 'connection']),
        planResource: planResourceOf(dss.planResource),
        reseed: this.reseed(dss.reseed, [...at, 'reseed']),
        retain: dss.retain,
      });
      this.record(distributed, at);
      this.record(distributed.master, [...at, 'master']);
      this.record(distributed.master.primary, [...at, 'master', 'primary']);
      this.addSecondaries(distributed.master, dss.master, [...at, 'master']);
      for (const [member, landscape] of Object.entries(dss.landscapes ?? {})) {
        const memberAt = [...at, 'landscapes', member];
        const built = distributed.addLandscape(member, this.landscapeOptions(landscape, memberAt));
        this.record(built, memberAt);
        this.record(built.primary, [...memberAt, 'primary']);
        this.addSecondaries(built, landscape, memberAt);
      }
      for (const [member, oneClick] of Object.entries(dss.oneClickServers ?? {})) {
        const memberAt = [...at, 'oneClickServers', member];
        this.record(distributed.addOneClickServer(member, this.oneClick(oneClick, memberAt)), memberAt);
      }
      this.distributedLandscapes.push(distributed);
    }
    for (const [name, landscape] of Object.entries(estate.landscapes ?? {})) {
      const at = ['landscapes', name];
      const built = new FaultTolerantLandscape(this, name, {
        ...this.landscapeOptions(landscape, at),
        mainLocationServer: this.text(landscape.mainLocationServer, [...at, 'mainLocationServer']),
      });
      this.record(built, at);
      this.record(built.primary, [...at, 'primary']);
      this.addSecondaries(built, landscape, at);
      for (const [member, oneClick] of Object.entries(landscape.oneClickServers ?? {})) {
        const memberAt = [...at, 'oneClickServers', member];
        this.record(built.addOneClickServer(member, this.oneClick(oneClick, memberAt)), memberAt);
      }
      this.landscapes.push(built);
    }
    this.raise();
  }

  /**
   * @internal where the document describes the construct at `constructPath`
   * (`file:line:column`), for reports about it; undefined for other paths.
   */
  public _locationOf(constructPath: string): string | undefined {
    const pointer = this.pointers.get(constructPath);
    return pointer === undefined ? undefined : this.source.at(pointer);
  }

  private record(construct: Construct, at: readonly string[]): void {
    this.pointers.set(construct.node.path, pointerOf(at));
  }

  /** `file:line:column: /pointer text`. */
  private problem(pointer: string, text: string): void {
    this.problems.push(`${this.source.at(pointer)}: ${pointer} ${text}`);
  }

  private raise(): void {
    if (this.problems.length > 0) throw new EstateError([...this.problems], false);
  }

  private policyOf(estate: EstateFile): Policy | undefined {
    if (!estate.policy) return undefined;
    try {
      return policyOf({ version: 1, ...estate.policy }, `${this.source.file}: /policy`);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      for (const line of error.problems) this.problems.push(line.replace(/: \/policy: \//, ': /policy/'));
      return undefined;
    }
  }

  /** Construct ids that would collide in one scope. */
  private checkNames(estate: EstateFile): void {
    for (const name of Object.keys(estate.landscapes ?? {})) {
      if (estate.distributedLandscapes?.[name]) {
        this.problem(pointerOf(['landscapes', name]), `has the name of the distributed landscape /distributedLandscapes/${name}; give each its own name`);
      }
    }
    for (const [name, dss] of Object.entries(estate.distributedLandscapes ?? {})) {
      for (const member of Object.keys(dss.oneClickServers ?? {})) {
        if (dss.landscapes?.[member]) {
          this.problem(pointerOf(['distributedLandscapes', name, 'oneClickServers', member]), `has the name of the landscape /distributedLandscapes/${name}/landscapes/${member}; give each its own name`);
        }
      }
      this.checkSecondaryNames(dss.master, ['distributedLandscapes', name, 'master']);
      for (const [member, landscape] of Object.entries(dss.landscapes ?? {})) this.checkSecondaryNames(landscape, ['distributedLandscapes', name, 'landscapes', member]);
    }
    for (const [name, landscape] of Object.entries(estate.landscapes ?? {})) this.checkSecondaryNames(landscape, ['landscapes', name]);
  }

  private checkSecondaryNames(landscape: EstateLandscape, at: string[]): void {
    const seen = new Set<string>(Object.keys(landscape.oneClickServers ?? {}));
    (landscape.secondaries ?? []).forEach((secondary, i) => {
      const name = secondaryName(secondary, i);
      if (seen.has(name)) this.problem(pointerOf([...at, 'secondaries', i]), `is named '${name}' like another server of the landscape; give each its own name`);
      seen.add(name);
    });
  }

  private landscapeOptions(landscape: EstateLandscape, at: string[]): LandscapeOptions {
    return {
      handle: typeof landscape.handle === 'number' ? LandscapeHandle.of(landscape.handle) : LandscapeHandle.parse(landscape.handle),
      primary: this.server(landscape.primary, [...at, 'primary']),
      standbyMode: standbyOf(landscape.standbyMode),
      install: this.install(landscape.install, [...at, 'install']),
      connection: this.connection(landscape.connection, [...at, 'connection']),
      backup: landscape.backup === undefined ? undefined : BackupMethod[landscape.backup],
      backupCommand: landscape.backupCommand,
      planResource: planResourceOf(landscape.planResource),
      reseed: this.reseed(landscape.reseed, [...at, 'reseed']),
      retain: landscape.retain,
      promotedFrom: this.text(landscape.promotedFrom, [...at, 'promotedFrom']),
    };
  }

  private addSecondaries(built: FaultTolerantLandscape, landscape: EstateLandscape, at: string[]): void {
    (landscape.secondaries ?? []).forEach((secondary, i) => {
      const secondaryAt = [...at, 'secondaries', String(i)];
      this.record(built.addSecondary(this.server(secondary, secondaryAt), secondaryName(secondary, i)), secondaryAt);
    });
  }

  private server(server: EstateServer, at: string[]): SpectroServerOptions {
    return {
      host: this.text(server.host, [...at, 'host'])!,
      precedence: server.precedence,
      connection: this.connection(server.connection, [...at, 'connection']),
      vnmrc: server.vnmrc,
    };
  }

  private oneClick(oneClick: EstateOneClick, at: string[]): OneClickServerOptions {
    return {
      host: this.text(oneClick.host, [...at, 'host'])!,
      connection: this.connection(oneClick.connection, [...at, 'connection']),
      install: this.install(oneClick.install, [...at, 'install']),
      mainLocationServer: this.text(oneClick.mainLocationServer, [...at, 'mainLocationServer']),
      manageMainLocation: oneClick.manageMainLocation,
    };
  }

  private connection(connection: EstateConnection | undefined, at: string[]): SshConnectionOptions | undefined {
    if (!connection) return undefined;
    return {
      user: this.text(connection.user, [...at, 'user']),
      privateKey: connection.privateKey && this.reference(connection.privateKey),
      privateKeyFile: this.text(connection.privateKeyFile, [...at, 'privateKeyFile']),
      agent: connection.agent,
      port: this.port(connection.port, [...at, 'port']),
      hostKey: this.text(connection.hostKey, [...at, 'hostKey']),
      bastionHost: this.text(connection.bastionHost, [...at, 'bastionHost']),
      bastionUser: this.text(connection.bastionUser, [...at, 'bastionUser']),
      bastionPort: this.port(connection.bastionPort, [...at, 'bastionPort']),
      bastionHostKey: this.text(connection.bastionHostKey, [...at, 'bastionHostKey']),
      timeout: connection.timeout,
    };
  }

  private install(install: EstateInstall | undefined, at: string[]): SpectrumInstallOptions | undefined {
    if (!install) return undefined;
    return {
      mediaPath: this.text(install.mediaPath, [...at, 'mediaPath']),
      installDir: this.text(install.installDir, [...at, 'installDir']),
      owner: this.text(install.owner, [...at, 'owner']),
      ownerPassword: install.ownerPassword && this.reference(install.ownerPassword),
      version: install.version,
      excludeParts: install.excludeParts ? [...install.excludeParts] : undefined,
      prepareHost: install.prepareHost,
      osPackages: install.osPackages ? [...install.osPackages] : undefined,
      sradminDir: this.text(install.sradminDir, [...at, 'sradminDir']),
      updates: install.updates?.map((update, i) => ({
        mediaPath: this.text(update.mediaPath, [...at, 'updates', String(i), 'mediaPath'])!,
        version: update.version,
      })),
    };
  }

  private text(value: TextValue | undefined, _at: string[]): string | undefined {
    if (value === undefined || typeof value === 'string') return value;
    if (isEnvironmentReference(value)) return process.env[value.env]!;
    return this.reference(value);
  }

  /**
   * A `reseed`: the schema checked a literal; a value read from the
   * environment is checked here, so a bad one is reported where the file
   * reads it rather than by SPX143 at synth.
   */
  private reseed(value: TextValue | undefined, at: string[]): string | undefined {
    const text = this.text(value, at);
    if (isEnvironmentReference(value) && text !== undefined && !RESEED.test(text)) {
      const ruled = RULED_VALUES[RESEED_TITLE];
      this.problem(pointerOf(at), `reads ${value.env}='${text}' from the environment, which is not a re-seed label (${RESEED.description}) (${ruled.rule}); ${ruled.fix}`);
    }
    return text;
  }

  private port(value: PortValue | undefined, _at: string[]): number | undefined {
    if (value === undefined || typeof value === 'number') return value;
    if (isEnvironmentReference(value)) {
      const text = process.env[value.env]!;
      const port = Number(text);
      if (!/^[0-9]+$/.test(text.trim()) || port < 1 || port > 65535) {
        this.problem(pointerOf(_at), `reads ${value.env}='${text}' from the environment, which is not a port number (1..65535)`);
      }
      return port;
    }
    return this.variables.get(value.variable)!.numberValue;
  }

  private reference(value: VariableReference): string {
    const variable = this.variables.get(value.variable)!;
    return value.key === undefined ? variable.stringValue : Token.asString(Fn.lookup(variable.value, value.key));
  }
}

/** Construct id of the `index`th secondary: its name, or `secondary`, `secondary-2`, ... as addSecondary gives them. */
function secondaryName(server: EstateServer, index: number): string {
  return server.name ?? (index === 0 ? 'secondary' : `secondary-${index + 1}`);
}

/** The stack's variable `use.name`, declared once (an existing TerraformVariable of that name is reused). */
function declareVariable(stack: TerraformStack, use: VariableUse): TerraformVariable {
  const existing = stack.node.tryFindChild(use.name);
  if (existing instanceof TerraformVariable) return existing;
  return new TerraformVariable(stack, use.name, {
    type: use.type,
    sensitive: use.sensitive || undefined,
    description: use.settings.description,
    default: use.settings.default,
  });
}

function standbyOf(value: string | undefined): StandbyMode | undefined {
  return value === undefined ? undefined : StandbyMode[value as keyof typeof StandbyMode];
}

function planResourceOf(value: string | undefined): PlanResource | undefined {
  return value === undefined ? undefined : PlanResource[value as keyof typeof PlanResource];
}

/** The stack name an estate file gives (`stack`), else its file name without the extension. */
export function stackNameOf(estate: EstateFile, file: string): string {
  return estate.stack ?? path.basename(file).replace(/\.(ya?ml|json)$/i, '');
}
