import {
  Backup, ConnectionFacts, DistributedNode, InstallFacts, LandscapeNode, MaybeToken, OneClickNode, ServerNode, Standby, Topology,
} from '../../lib/model/topology';

/**
 * A fluent builder of valid topologies for rule tests. Defaults: every
 * landscape has a primary `<name>-a` (precedence 10) and one secondary
 * `<name>-b` (20) on their own literal hosts `<server>.<stack>.example.com`,
 * a fresh legacy handle, host keys, no literal secrets, WARM standby,
 * SSDBSAVE backup, Spectrum already installed in /opt/CA/Spectrum for
 * `spectrum`. Override anything per landscape or per server.
 *
 * @example
 * const t = topology()
 *   .landscape('solo')
 *   .distributed('estate', d => d.master('east').landscape('west').oneClick('console'))
 *   .build();
 */
export function topology(): TopologyBuilder {
  return new TopologyBuilder();
}

/** A literal value. */
export function lit(text: string): MaybeToken {
  return { text, isToken: false };
}

/** A token, shown as `${TfToken[name]}` like cdktf does. */
export function tok(name: string): MaybeToken {
  return { text: `\${TfToken[${name}]}`, isToken: true };
}

type HostLike = string | MaybeToken;

export interface ServerSpec {
  name?: string;
  host?: HostLike;
  precedence?: number;
  connection?: Partial<ConnectionFacts>;
  install?: Partial<InstallFacts>;
  vnmrc?: Record<string, string>;
}

export interface LandscapeSpec {
  /** A number (shown as hex) or the handle's text (parsed like LandscapeHandle.parse). */
  handle?: number | string;
  primary?: ServerSpec;
  /** Default: one secondary. */
  secondaries?: ServerSpec[];
  standbyMode?: Standby;
  backup?: Backup;
  hasBackupCommand?: boolean;
  /** The backup command's text (sets hasBackupCommand unless that is given). */
  backupCommand?: HostLike;
  /** Landscape install settings, also the default of every server's. */
  install?: Partial<InstallFacts>;
  /** Default of every server's connection. */
  connection?: Partial<ConnectionFacts>;
  /** Default: the master primary's host in a DSS, else the landscape's primary host. */
  mainLocationServer?: HostLike;
  reseed?: HostLike;
  retain?: number;
  promotedFrom?: HostLike;
}

export interface OneClickSpec {
  host?: HostLike;
  mainLocationServer?: HostLike;
  connection?: Partial<ConnectionFacts>;
  install?: Partial<InstallFacts>;
}

export interface DistributedSpec {
  /** Leave the DSS without a master (its first landscape is then an ordinary member). */
  noMaster?: boolean;
  /** A master path that names no landscape. */
  masterPath?: string;
}

const DEFAULT_CONNECTION: ConnectionFacts = {
  user: 'root',
  port: 22,
  hasHostKey: true,
  privateKeyIsLiteral: false,
  hasPrivateKey: false,
  hasPrivateKeyFile: true,
  agent: false,
  bastionHasHostKey: false,
};

const DEFAULT_INSTALL: InstallFacts = {
  installDir: lit('/opt/CA/Spectrum'),
  owner: lit('spectrum'),
  hasOwnerPassword: false,
  ownerPasswordIsLiteral: false,
  excludeParts: [],
};

function asHost(host: HostLike): MaybeToken {
  return typeof host === 'string' ? lit(host) : host;
}

function parseHandle(text: string): number {
  const t = text.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^[0-9]{1,10}$/.test(t)) return parseInt(t, 10);
  return Number.NaN;
}

interface PendingLandscape {
  readonly stack: string;
  readonly name: string;
  readonly path: string;
  readonly spec: LandscapeSpec;
  readonly handle: number;
  readonly dss?: PendingDistributed;
  readonly isMaster: boolean;
}

interface PendingOneClick {
  readonly stack: string;
  readonly name: string;
  readonly path: string;
  readonly spec: OneClickSpec;
  readonly dss?: PendingDistributed;
}

interface PendingDistributed {
  readonly stack: string;
  readonly name: string;
  readonly path: string;
  readonly spec: DistributedSpec;
  master?: PendingLandscape;
  readonly landscapes: PendingLandscape[];
  readonly oneClicks: PendingOneClick[];
}

export class TopologyBuilder {
  private currentStack = 'app';
  private nextHandle = 0x100000;
  private readonly landscapes: PendingLandscape[] = [];
  private readonly oneClicks: PendingOneClick[] = [];
  private readonly dsses: PendingDistributed[] = [];

  /** Elements added after this go into stack `stack` (default `app`). */
  public inStack(stack: string): this {
    this.currentStack = stack;
    return this;
  }

  /** A fault-tolerant landscape of its own. */
  public landscape(name: string, spec: LandscapeSpec = {}): this {
    this.addLandscape(name, spec, undefined, false);
    return this;
  }

  /** A OneClick server of its own (not in a DSS). */
  public oneClick(name: string, spec: OneClickSpec = {}): this {
    this.oneClicks.push({ stack: this.currentStack, name, path: `${this.currentStack}/${name}`, spec });
    return this;
  }

  /** A distributed landscape; `members` adds its master, landscapes and OneClick servers. */
  public distributed(name: string, members: (d: DistributedBuilder) => void, spec: DistributedSpec = {}): this {
    const dss: PendingDistributed = {
      stack: this.currentStack, name, path: `${this.currentStack}/${name}`, spec, landscapes: [], oneClicks: [],
    };
    this.dsses.push(dss);
    members(new DistributedBuilder(this, dss));
    return this;
  }

  /** @internal used by DistributedBuilder */
  public addLandscape(name: string, spec: LandscapeSpec, dss: PendingDistributed | undefined, isMaster: boolean): PendingLandscape {
    const handle = spec.handle === undefined
      ? this.nextHandle
      : typeof spec.handle === 'number' ? spec.handle : parseHandle(spec.handle);
    if (spec.handle === undefined) this.nextHandle += 0x100000;
    const path = `${dss ? dss.path : this.currentStack}/${name}`;
    const pending: PendingLandscape = { stack: this.currentStack, name, path, spec, handle, dss, isMaster };
    this.landscapes.push(pending);
    if (dss) {
      dss.landscapes.push(pending);
      if (isMaster) dss.master = pending;
    }
    return pending;
  }

  /** @internal used by DistributedBuilder */
  public addOneClick(name: string, spec: OneClickSpec, dss: PendingDistributed): void {
    const pending: PendingOneClick = { stack: this.currentStack, name, path: `${dss.path}/${name}`, spec, dss };
    this.oneClicks.push(pending);
    dss.oneClicks.push(pending);
  }

  public build(): Topology {
    const built = new Map<PendingLandscape, LandscapeNode>();
    const buildLandscape = (p: PendingLandscape): LandscapeNode => {
      const existing = built.get(p);
      if (existing) return existing;
      const node = this.buildLandscape(p, (master: PendingLandscape) => buildLandscape(master).primary.host);
      built.set(p, node);
      return node;
    };
    // Masters first, so members can default their main location server to the master primary.
    const landscapes = this.landscapes.map(buildLandscape);
    const masterHost = (dss: PendingDistributed | undefined): MaybeToken | undefined =>
      dss?.master ? buildLandscape(dss.master).primary.host : undefined;

    const oneClicks: OneClickNode[] = this.oneClicks.map(p => ({
      path: p.path,
      stack: p.stack,
      name: p.name,
      host: asHost(p.spec.host ?? `${p.name}.${p.stack}.example.com`),
      mainLocationServer: asHost(p.spec.mainLocationServer ?? masterHost(p.dss) ?? `mls.${p.stack}.example.com`),
      connection: { ...DEFAULT_CONNECTION, ...p.spec.connection },
      install: { ...DEFAULT_INSTALL, ...p.spec.install },
      distributed: p.dss?.path,
    }));

    const distributed: DistributedNode[] = this.dsses.map(d => ({
      path: d.path,
      stack: d.stack,
      name: d.name,
      masterPath: d.spec.masterPath ?? (d.spec.noMaster ? undefined : d.master?.path),
      landscapePaths: d.landscapes.map(l => l.path),
      oneClickPaths: d.oneClicks.map(o => o.path),
    }));

    return { landscapes, distributed, oneClicks };
  }

  private buildLandscape(p: PendingLandscape, primaryHostOf: (master: PendingLandscape) => MaybeToken): LandscapeNode {
    const spec = p.spec;
    const install: InstallFacts = { ...DEFAULT_INSTALL, ...spec.install };
    const server = (s: ServerSpec, index: number): ServerNode => {
      const name = s.name ?? `${p.name}-${String.fromCharCode(97 + index)}`;
      return {
        path: `${p.path}/${name}`,
        stack: p.stack,
        name,
        host: asHost(s.host ?? `${name}.${p.stack}.example.com`),
        precedence: s.precedence ?? 10 * (index + 1),
        role: index === 0 ? 'PRIMARY' : 'SECONDARY',
        connection: { ...DEFAULT_CONNECTION, ...spec.connection, ...s.connection },
        install: { ...install, ...s.install },
        vnmrc: s.vnmrc ?? {},
      };
    };
    const primary = server(spec.primary ?? {}, 0);
    const secondaries = (spec.secondaries ?? [{}]).map((s, i) => server(s, i + 1));
    const master = p.dss?.master;
    const defaultMls = master && master !== p ? primaryHostOf(master) : primary.host;
    return {
      path: p.path,
      stack: p.stack,
      name: p.name,
      handle: { value: p.handle, text: typeof spec.handle === 'string' ? spec.handle : `0x${p.handle.toString(16)}` },
      primary,
      secondaries,
      standbyMode: spec.standbyMode ?? 'WARM',
      backup: spec.backup ?? 'SSDBSAVE',
      hasBackupCommand: spec.hasBackupCommand ?? (spec.backupCommand !== undefined),
      ...(spec.backupCommand === undefined ? {} : { backupCommand: asHost(spec.backupCommand) }),
      install,
      distributed: p.dss?.path,
      isMaster: p.isMaster,
      mainLocationServer: spec.mainLocationServer === undefined ? defaultMls : asHost(spec.mainLocationServer),
      ...(spec.reseed === undefined ? {} : { reseed: asHost(spec.reseed) }),
      ...(spec.retain === undefined ? {} : { retain: spec.retain }),
      ...(spec.promotedFrom === undefined ? {} : { promotedFrom: asHost(spec.promotedFrom) }),
    };
  }
}

export class DistributedBuilder {
  constructor(private readonly builder: TopologyBuilder, private readonly dss: PendingDistributed) {}

  /** The master landscape. */
  public master(name: string, spec: LandscapeSpec = {}): this {
    this.builder.addLandscape(name, spec, this.dss, true);
    return this;
  }

  /** A member landscape. */
  public landscape(name: string, spec: LandscapeSpec = {}): this {
    this.builder.addLandscape(name, spec, this.dss, false);
    return this;
  }

  /** A OneClick server of the DSS. */
  public oneClick(name: string, spec: OneClickSpec = {}): this {
    this.builder.addOneClick(name, spec, this.dss);
    return this;
  }
}
