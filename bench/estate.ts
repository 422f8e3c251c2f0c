/**
 * The benchmark's estate, built with the library: one DistributedLandscape
 * whose master landscape is a primary/secondary pair, N distributed member
 * landscapes (each a primary and one secondary), and one OneClick server.
 * N counts the member landscapes; the master comes on top (N + 1 landscapes,
 * 2N + 2 SpectroSERVERs). Every step is emitted: install media and a
 * sensitive owner password (install), a host key and a key file on the
 * connection.
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { DistributedLandscape, LandscapeHandle, PlanResource } from '../lib';

/** Fixed-width literal host names, so scripts have the same length for every N. */
export function hostOf(landscape: number | 'master', server: 'a' | 'b'): string {
  return landscape === 'master' ? `mls-0000-${server}` : `ls-${String(landscape).padStart(4, '0')}-${server}`;
}

export const ONECLICK_HOST = 'oneclick-0001';
export const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
export const KEY_FILE = '/home/ci/.ssh/spectrum_ed25519';
export const STACK_ID = 'estate';

/** Construct id of member landscape `i` (fixed width, like the hosts). */
export function landscapeId(i: number): string {
  return `ls-${String(i).padStart(4, '0')}`;
}

/** Adds the estate to `stack`. */
export function buildLibraryEstate(stack: TerraformStack, n: number, planResource: PlanResource): DistributedLandscape {
  const password = new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true });
  const dss = new DistributedLandscape(stack, 'estate', {
    master: {
      handle: LandscapeHandle.of(0x100000),
      primary: { host: hostOf('master', 'a') },
      secondaries: [{ host: hostOf('master', 'b') }],
    },
    install: { mediaPath: '/mnt/spectrum/10.4.1', ownerPassword: password.stringValue, version: '10.4.1' },
    connection: { user: 'root', privateKeyFile: KEY_FILE, hostKey: HOST_KEY },
    planResource,
  });
  for (let i = 0; i < n; i++) {
    dss.addLandscape(landscapeId(i), {
      handle: LandscapeHandle.of(0x100000 * (i + 2)),
      primary: { host: hostOf(i, 'a') },
      secondaries: [{ host: hostOf(i, 'b') }],
    });
  }
  dss.addOneClickServer('oneclick', { host: ONECLICK_HOST });
  return dss;
}

/** The app the way a cdktf program builds it: App, one stack, the estate (synth is the caller's). */
export function libraryApp(outdir: string, n: number, planResource: PlanResource): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK_ID);
  buildLibraryEstate(stack, n, planResource);
  return app;
}
