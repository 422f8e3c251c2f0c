import { SpectrumInstallOptions } from './spectrum-install-options';
import { SshConnectionOptions } from './ssh-connection-options';

/** The defaults the README's API section documents, in one place. */
export const DEFAULTS = {
  installDir: '/opt/CA/Spectrum',
  owner: 'spectrum',
  user: 'root',
  port: 22,
  timeout: '5m',
  primaryPrecedence: 10,
  /** Secondaries get 20, 30, ... in order. */
  precedenceStep: 10,
  /** Copies of each kind of file a server keeps (LandscapeOptions.retain, docs/reseed.md). */
  retain: 3,
} as const;

/** Field-by-field merge: later layers win; `undefined` never overrides. */
function mergeLayers<T extends object>(layers: readonly (T | undefined)[]): T {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) merged[key] = value;
    }
  }
  return merged as T;
}

export function mergeConnection(...layers: (SshConnectionOptions | undefined)[]): SshConnectionOptions {
  return mergeLayers(layers);
}

export function mergeInstall(...layers: (SpectrumInstallOptions | undefined)[]): SpectrumInstallOptions {
  return mergeLayers(layers);
}
