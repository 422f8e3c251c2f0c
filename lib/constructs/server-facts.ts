import { Fn, Token } from './cdktf-bridge';
import { factOf, isLiteral, optionalValueOf, valueOf } from './token-values';
import { DEFAULTS } from '../model/defaults';
import { DEFAULT_SRADMIN_DIR } from '../model/os-packages';
import { SpectrumInstallOptions } from '../model/spectrum-install-options';
import { SshConnectionOptions } from '../model/ssh-connection-options';
import { ConnectionFacts, InstallFacts } from '../model/topology';
import { SshTarget } from '../plan/plan-step';
import { InstallInput } from '../plan/server-plan-input';

/** What the rules need to know about a merged connection (no secret values). */
export function connectionFactsOf(connection: SshConnectionOptions): ConnectionFacts {
  const user = connection.user ?? DEFAULTS.user;
  const port = connection.port ?? DEFAULTS.port;
  const hostKey = trimmedLiteral(connection.hostKey);
  const bastionHostKey = trimmedLiteral(connection.bastionHostKey);
  return {
    user,
    port,
    hasHostKey: hostKey !== undefined,
    privateKeyIsLiteral: isLiteral(connection.privateKey),
    hasPrivateKey: connection.privateKey !== undefined && connection.privateKey !== '',
    hasPrivateKeyFile: connection.privateKeyFile !== undefined && connection.privateKeyFile !== '',
    agent: connection.agent === true,
    bastionHost: optionalValueOf(connection.bastionHost),
    bastionHasHostKey: bastionHostKey !== undefined,
    userValue: factOf(user),
    portValue: factOf(port),
    bastionUser: factOf(connection.bastionUser),
    bastionPort: factOf(connection.bastionPort),
    privateKeyFile: factOf(connection.privateKeyFile),
    hostKey: factOf(hostKey),
    bastionHostKey: factOf(bastionHostKey),
  };
}

/**
 * A literal host key without surrounding whitespace, as read from a `.pub`
 * file (which ends in a newline), undefined when nothing is left; a token as
 * it is (the plan trims it with Terraform's `trimspace()`, see hostKeyOf).
 */
function trimmedLiteral(key: string | undefined): string | undefined {
  if (key === undefined || Token.isUnresolved(key)) return key;
  const trimmed = key.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A host key as the plan uses it: a literal trimmed, a token through Terraform's `trimspace()`. */
function hostKeyOf(key: string | undefined): string | undefined {
  if (key === undefined || !Token.isUnresolved(key)) return trimmedLiteral(key);
  return Fn.trimspace(key);
}

/**
 * A private key file path as the plan uses it: `~/...` (or a token, which
 * may hold one) through Terraform's `pathexpand()`, so the connection's
 * `file()` and the scripts get the same absolute path; an absolute literal
 * as it is.
 */
function keyFileOf(path: string | undefined): string | undefined {
  if (path === undefined || (!Token.isUnresolved(path) && !path.startsWith('~'))) return path;
  return Fn.pathexpand(path);
}

/** What the rules need to know about merged install settings (no password): the plan's view, defaults applied once. */
export function installFactsOf(install: SpectrumInstallOptions): InstallFacts {
  const { ownerPassword, ...facts } = installInputOf(install);
  return { ...facts, hasOwnerPassword: ownerPassword !== undefined, ownerPasswordIsLiteral: isLiteral(ownerPassword) };
}

/** Install settings as the plan needs them. */
export function installInputOf(install: SpectrumInstallOptions): InstallInput {
  return {
    mediaPath: optionalValueOf(install.mediaPath),
    installDir: valueOf(install.installDir ?? DEFAULTS.installDir),
    owner: valueOf(install.owner ?? DEFAULTS.owner),
    ownerPassword: install.ownerPassword,
    version: install.version,
    excludeParts: install.excludeParts ?? [],
    ...(install.prepareHost ? {
      prepareHost: true,
      osPackages: install.osPackages?.map(name => valueOf(name)),
      sradminDir: valueOf(install.sradminDir ?? DEFAULT_SRADMIN_DIR),
    } : {}),
    updates: (install.updates ?? []).map(update => ({ mediaPath: valueOf(update.mediaPath), version: update.version })),
  };
}


/** The SSH target of a host with a merged connection. */
export function sshTargetOf(host: string, connection: SshConnectionOptions): SshTarget {
  const port = connection.port ?? DEFAULTS.port;
  return {
    host: valueOf(host),
    user: valueOf(connection.user ?? DEFAULTS.user),
    port: valueOf(port),
    privateKey: connection.privateKey,
    privateKeyFile: optionalValueOf(keyFileOf(connection.privateKeyFile)),
    agent: connection.agent ?? false,
    hostKey: optionalValueOf(hostKeyOf(connection.hostKey)),
    bastionHost: optionalValueOf(connection.bastionHost),
    bastionUser: optionalValueOf(connection.bastionUser),
    bastionPort: optionalValueOf(connection.bastionPort),
    bastionHostKey: optionalValueOf(hostKeyOf(connection.bastionHostKey)),
    timeout: connection.timeout ?? DEFAULTS.timeout,
  };
}
