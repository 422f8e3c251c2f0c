import { malformedMetadata } from './errors';
import { isObject, SynthesizedStack } from './synth-reader';
import {
  Backup, ConnectionFacts, DistributedNode, InstallFacts, LandscapeNode, MaybeToken, OneClickNode, Role, ServerNode, Standby, Topology,
} from '../model/topology';

/**
 * Rebuilds the Spectrum topology of every stack from the `cdktf-spectrum`
 * metadata the constructs wrote into `cdk.tf.json` (never from TypeScript).
 * The nodes are the Topology shapes serialized as JSON, except that tokens
 * appear resolved as Terraform expressions (`${var.hosts["a"]}`), a NaN
 * handle value is `null`, and plain fields such as a connection's port may
 * hold such an expression: a number field that holds one becomes NaN.
 * Every field is checked on the way (one pass); a malformed one is unusable
 * input, named by its JSON pointer.
 */
export function rebuildTopology(stacks: readonly SynthesizedStack[]): Topology {
  const landscapes: LandscapeNode[] = [];
  const distributed: DistributedNode[] = [];
  const oneClicks: OneClickNode[] = [];
  for (const stack of stacks) {
    if (!stack.spectrum) continue;
    const r = new FieldReader(stack.file);
    for (const [key, node] of entries(r, stack.spectrum, 'landscapes')) landscapes.push(r.landscape(node, key));
    for (const [key, node] of entries(r, stack.spectrum, 'distributed')) distributed.push(r.distributed(node, key));
    for (const [key, node] of entries(r, stack.spectrum, 'oneClicks')) oneClicks.push(r.oneClick(node, key));
  }
  return { landscapes, distributed, oneClicks };
}

function entries(r: FieldReader, block: { readonly [section: string]: unknown }, section: string): Array<[string, unknown]> {
  const value = block[section];
  if (value === undefined) return [];
  return Object.entries(r.object(value, `/${section}`)).map(([path, node]) => [`/${section}/${escapePointer(path)}`, node]);
}

/** RFC 6901: `~` and `/` in a key. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Typed reads of metadata fields; each failure names the field's JSON pointer. */
class FieldReader {
  constructor(private readonly file: string) {}

  public landscape(node: unknown, at: string): LandscapeNode {
    const o = this.object(node, at);
    const handle = this.object(o.handle, `${at}/handle`);
    return {
      ...this.located(o, at),
      handle: { value: this.numberOrNaN(handle.value, `${at}/handle/value`), text: this.string(handle.text, `${at}/handle/text`) },
      primary: this.server(o.primary, `${at}/primary`),
      secondaries: this.array(o.secondaries, `${at}/secondaries`).map((s, i) => this.server(s, `${at}/secondaries/${i}`)),
      standbyMode: this.oneOf<Standby>(o.standbyMode, ['WARM', 'HOT'], `${at}/standbyMode`),
      backup: this.oneOf<Backup>(o.backup, ['SSDBSAVE', 'COMMAND'], `${at}/backup`),
      hasBackupCommand: this.boolean(o.hasBackupCommand, `${at}/hasBackupCommand`),
      backupCommand: this.optionalMaybeToken(o.backupCommand, `${at}/backupCommand`),
      install: this.install(o.install, `${at}/install`),
      distributed: this.optionalString(o.distributed, `${at}/distributed`),
      isMaster: this.boolean(o.isMaster, `${at}/isMaster`),
      mainLocationServer: this.maybeToken(o.mainLocationServer, `${at}/mainLocationServer`),
      // Optional: synths of earlier versions have neither.
      ...(o.reseed === undefined ? {} : { reseed: this.maybeToken(o.reseed, `${at}/reseed`) }),
      ...(o.retain === undefined ? {} : { retain: this.numberOrNaN(o.retain, `${at}/retain`) }),
      ...(o.promotedFrom === undefined ? {} : { promotedFrom: this.maybeToken(o.promotedFrom, `${at}/promotedFrom`) }),
    };
  }

  public distributed(node: unknown, at: string): DistributedNode {
    const o = this.object(node, at);
    return {
      ...this.located(o, at),
      masterPath: this.optionalString(o.masterPath, `${at}/masterPath`),
      landscapePaths: this.strings(o.landscapePaths, `${at}/landscapePaths`),
      oneClickPaths: this.strings(o.oneClickPaths, `${at}/oneClickPaths`),
    };
  }

  public oneClick(node: unknown, at: string): OneClickNode {
    const o = this.object(node, at);
    return {
      ...this.located(o, at),
      host: this.maybeToken(o.host, `${at}/host`),
      mainLocationServer: this.maybeToken(o.mainLocationServer, `${at}/mainLocationServer`),
      connection: this.connection(o.connection, `${at}/connection`),
      install: this.install(o.install, `${at}/install`),
      distributed: this.optionalString(o.distributed, `${at}/distributed`),
    };
  }

  public object(value: unknown, at: string): { [key: string]: unknown } {
    if (!isObject(value)) throw malformedMetadata(this.file, at, 'an object');
    return value;
  }

  private server(node: unknown, at: string): ServerNode {
    const o = this.object(node, at);
    const vnmrc = this.object(o.vnmrc ?? {}, `${at}/vnmrc`);
    for (const [key, value] of Object.entries(vnmrc)) this.string(value, `${at}/vnmrc/${escapePointer(key)}`);
    return {
      ...this.located(o, at),
      host: this.maybeToken(o.host, `${at}/host`),
      precedence: this.numberOrNaN(o.precedence, `${at}/precedence`),
      role: this.oneOf<Role>(o.role, ['PRIMARY', 'SECONDARY'], `${at}/role`),
      connection: this.connection(o.connection, `${at}/connection`),
      install: this.install(o.install, `${at}/install`),
      vnmrc: vnmrc as Record<string, string>,
    };
  }

  private located(o: { [key: string]: unknown }, at: string): { path: string; stack: string; name: string } {
    return { path: this.string(o.path, `${at}/path`), stack: this.string(o.stack, `${at}/stack`), name: this.string(o.name, `${at}/name`) };
  }

  private connection(node: unknown, at: string): ConnectionFacts {
    const o = this.object(node, at);
    return {
      // Either may be a Terraform expression (a variable): kept as text, a port becomes NaN.
      user: this.string(o.user, `${at}/user`),
      port: this.numberOrNaN(o.port, `${at}/port`),
      hasHostKey: this.boolean(o.hasHostKey, `${at}/hasHostKey`),
      privateKeyIsLiteral: this.boolean(o.privateKeyIsLiteral, `${at}/privateKeyIsLiteral`),
      // Absent in metadata synthesized before SPX157 existed: read as "not given".
      hasPrivateKey: o.hasPrivateKey === undefined ? false : this.boolean(o.hasPrivateKey, `${at}/hasPrivateKey`),
      hasPrivateKeyFile: o.hasPrivateKeyFile === undefined ? false : this.boolean(o.hasPrivateKeyFile, `${at}/hasPrivateKeyFile`),
      agent: o.agent === undefined ? false : this.boolean(o.agent, `${at}/agent`),
      bastionHost: o.bastionHost === undefined ? undefined : this.maybeToken(o.bastionHost, `${at}/bastionHost`),
      bastionHasHostKey: this.boolean(o.bastionHasHostKey, `${at}/bastionHasHostKey`),
      // Absent in metadata written before SPX153..SPX156: the rules then skip them.
      userValue: this.optionalMaybeToken(o.userValue, `${at}/userValue`),
      portValue: this.optionalMaybeToken(o.portValue, `${at}/portValue`),
      bastionUser: this.optionalMaybeToken(o.bastionUser, `${at}/bastionUser`),
      bastionPort: this.optionalMaybeToken(o.bastionPort, `${at}/bastionPort`),
      privateKeyFile: this.optionalMaybeToken(o.privateKeyFile, `${at}/privateKeyFile`),
      hostKey: this.optionalMaybeToken(o.hostKey, `${at}/hostKey`),
      bastionHostKey: this.optionalMaybeToken(o.bastionHostKey, `${at}/bastionHostKey`),
    };
  }

  private install(node: unknown, at: string): InstallFacts {
    const o = this.object(node, at);
    return {
      mediaPath: o.mediaPath === undefined ? undefined : this.maybeToken(o.mediaPath, `${at}/mediaPath`),
      installDir: this.maybeToken(o.installDir, `${at}/installDir`),
      owner: this.maybeToken(o.owner, `${at}/owner`),
      hasOwnerPassword: this.boolean(o.hasOwnerPassword, `${at}/hasOwnerPassword`),
      ownerPasswordIsLiteral: this.boolean(o.ownerPasswordIsLiteral, `${at}/ownerPasswordIsLiteral`),
      version: this.optionalString(o.version, `${at}/version`),
      excludeParts: this.strings(o.excludeParts ?? [], `${at}/excludeParts`),
      ...(o.prepareHost === undefined ? {} : { prepareHost: this.boolean(o.prepareHost, `${at}/prepareHost`) }),
      ...(o.osPackages === undefined ? {} : { osPackages: this.array(o.osPackages, `${at}/osPackages`).map((p, i) => this.maybeToken(p, `${at}/osPackages/${i}`)) }),
      ...(o.sradminDir === undefined ? {} : { sradminDir: this.maybeToken(o.sradminDir, `${at}/sradminDir`) }),
      updates: this.array(o.updates ?? [], `${at}/updates`).map((update, i) => {
        const u = this.object(update, `${at}/updates/${i}`);
        return { mediaPath: this.maybeToken(u.mediaPath, `${at}/updates/${i}/mediaPath`), version: this.string(u.version, `${at}/updates/${i}/version`) };
      }),
    };
  }

  private maybeToken(value: unknown, at: string): MaybeToken {
    const o = this.object(value, at);
    return { text: this.string(o.text, `${at}/text`), isToken: this.boolean(o.isToken, `${at}/isToken`) };
  }

  private optionalMaybeToken(value: unknown, at: string): MaybeToken | undefined {
    return value === undefined ? undefined : this.maybeToken(value, at);
  }

  private array(value: unknown, at: string): unknown[] {
    if (!Array.isArray(value)) throw malformedMetadata(this.file, at, 'an array');
    return value;
  }

  private strings(value: unknown, at: string): string[] {
    return this.array(value, at).map((item, i) => this.string(item, `${at}/${i}`));
  }

  private string(value: unknown, at: string): string {
    if (typeof value !== 'string') throw malformedMetadata(this.file, at, 'a string');
    return value;
  }

  private optionalString(value: unknown, at: string): string | undefined {
    return value === undefined ? undefined : this.string(value, at);
  }

  private boolean(value: unknown, at: string): boolean {
    if (typeof value !== 'boolean') throw malformedMetadata(this.file, at, 'true or false');
    return value;
  }

  /** A number; `null` (JSON's NaN) and a Terraform expression (a token) are NaN. */
  private numberOrNaN(value: unknown, at: string): number {
    if (typeof value === 'number') return value;
    if (value === null || typeof value === 'string') return Number.NaN;
    throw malformedMetadata(this.file, at, 'a number');
  }

  private oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw malformedMetadata(this.file, at, `one of ${allowed.join(', ')}`);
    }
    return value as T;
  }
}
