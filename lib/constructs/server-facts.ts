import { Fn } from './cdktf-bridge';
import { DEFAULTS } from './defaults';
import { isLiteral, optionalValueOf, valueOf } from './token-values';
import { DEFAULT_SRADMIN_DIR } from '../model/os-packages';
import { SpectrumInstallOptions } from '../model/spectrum-install-options';
import { SshConnectionOptions } from '../model/ssh-connection-options';
import { ConnectionFacts, InstallFacts } from '../model/topology';
import { SshTarget } from '../plan/plan-step';
import { InstallInput } from '../plan/server-plan-input';
import { ShellValue } from '../plan/shell';

/** What the rules need to know about a merged connection (no secret values). */
export function connectionFactsOf(connection: SshConnectionOptions): ConnectionFacts {
  return {
    user: connection.user ?? DEFAULTS.user,
    port: connection.port ?? DEFAULTS.port,
    hasHostKey: connection.hostKey !== undefined && connection.hostKey !== '',
    privateKeyIsLiteral: isLiteral(connection.privateKey),
    hasPrivateKey: connection.privateKey !== undefined && connection.privateKey !== '',
    hasPrivateKeyFile: connection.privateKeyFile !== undefined && connection.privateKeyFile !== '',
    agent: connection.agent === true,
    bastionHost: optionalValueOf(connection.bastionHost),
    bastionHasHostKey: connection.bastionHostKey !== undefined && connection.bastionHostKey !== '',
  };
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
  };
}

/**
 * The private key file as the machine that runs Terraform names it: a token,
 * or a literal starting with `~`, goes through Terraform's `pathexpand()`
 * (the transfer's ssh and its validation need an absolute path).
 */
function keyFileOf(privateKeyFile: string | undefined): ShellValue | undefined {
  if (privateKeyFile === undefined) return undefined;
  if (isLiteral(privateKeyFile) && !privateKeyFile.startsWith('~')) return valueOf(privateKeyFile);
  return valueOf(Fn.pathexpand(privateKeyFile));
}

/** The SSH target of a host with a merged connection. */
export function sshTargetOf(host: string, connection: SshConnectionOptions): SshTarget {
  const port = connection.port ?? DEFAULTS.port;
  return {
    host: valueOf(host),
    user: valueOf(connection.user ?? DEFAULTS.user),
    port: valueOf(port),
    privateKey: connection.privateKey,
    privateKeyFile: keyFileOf(connection.privateKeyFile),
    agent: connection.agent ?? false,
    hostKey: optionalValueOf(connection.hostKey),
    bastionHost: optionalValueOf(connection.bastionHost),
    bastionUser: optionalValueOf(connection.bastionUser),
    bastionPort: optionalValueOf(connection.bastionPort),
    bastionHostKey: optionalValueOf(connection.bastionHostKey),
    timeout: connection.timeout ?? DEFAULTS.timeout,
  };
}
