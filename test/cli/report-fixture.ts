import * as fs from 'fs';
import * as path from 'path';
import { Fn, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { CONNECTION, distributedStack, landscapeProps, landscapeStack, synthApp, tempDir } from './fixtures';
import { FaultTolerantLandscape } from '../../lib';

/**
 * A workspace with every kind of finding, for the format tests:
 * - `cdktf.out`: stack `estate-stack` (a distributed landscape: master,
 *   east, west, OneClick `console`), stack `solo-stack` (landscape `solo`
 *   without secondary: SPX141 warning; landscape `lab` without host keys:
 *   SPX151 warning, acknowledged by the policy; a token host: SPX120 note);
 * - `other.out`: another team's app whose landscape reuses solo's handle
 *   0x600000 (SPX101 error in both stacks);
 * - `policy.yaml`: acknowledges SPX151 under solo-stack/lab.
 */
export interface Workspace {
  readonly cwd: string;
  readonly args: string[];
}

export function buildWorkspace(): Workspace {
  const cwd = tempDir('cdktf-spectrum-formats-');
  synthApp(path.join(cwd, 'cdktf.out'), app => {
    distributedStack(app, 'estate-stack');
    const stack = new TerraformStack(app, 'solo-stack');
    const hosts = new TerraformVariable(stack, 'hosts', { type: 'map(string)' });
    new FaultTolerantLandscape(stack, 'solo', landscapeProps('solo', 0x600000, {
      primary: { host: Token.asString(Fn.lookup(hosts.value, 'solo-1')) },
      secondaries: [],
      standbyMode: undefined,
    }));
    new FaultTolerantLandscape(stack, 'lab', landscapeProps('lab', 0x700000, { connection: { privateKeyFile: CONNECTION.privateKeyFile } }));
  });
  synthApp(path.join(cwd, 'other.out'), app => landscapeStack(app, 'other-team', 'north', 0x600000));
  fs.writeFileSync(path.join(cwd, 'policy.yaml'), [
    'version: 1',
    'suppressions:',
    '  - rule: SPX151',
    '    path: solo-stack/lab',
    '    reason: lab hosts are re-imaged nightly; the bastion pins their keys',
  ].join('\n'));
  return { cwd, args: ['check', 'cdktf.out', 'other.out', '--policy', 'policy.yaml'] };
}
