/**
 * Promotion at synth time (docs/promotion.md): every landscape has the
 * promote and demote steps, which are no-ops unless roles swapped; declaring
 * `promotedFrom` makes synth warn that applying the change stops the former
 * primary (SPX144), and fail when the former primary left the code.
 */
import { Testing, TerraformStack } from 'cdktf';
import { FaultTolerantLandscape, LandscapeHandle } from '../../lib';

function landscape(stack: TerraformStack, primary: string, secondaries: string[], promotedFrom?: string): FaultTolerantLandscape {
  return new FaultTolerantLandscape(stack, 'east', {
    handle: LandscapeHandle.of(0x400000),
    primary: { host: primary },
    secondaries: secondaries.map(host => ({ host })),
    connection: { hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl' },
    promotedFrom,
  });
}

describe('promotedFrom (SPX144)', () => {
  test('a declared promotion is a warning annotation that names the host it stops; synth succeeds', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    const east = landscape(stack, 'ss-east-2', ['ss-east-1'], 'ss-east-1');
    expect(() => Testing.fullSynth(stack)).not.toThrow();
    const warnings = east.node.metadata.filter(m => m.type === '@cdktf/warn').map(m => String(m.data));
    expect(warnings).toContainEqual(expect.stringMatching(/^\[SPX144\] .*promotes 'ss-east-2' to primary .*stops the former primary 'ss-east-1' \(KB 49550\)/));
  });

  test('a former primary that is no longer in the landscape fails synth', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    landscape(stack, 'ss-east-2', ['ss-east-3'], 'ss-east-1');
    expect(() => Testing.fullSynth(stack)).toThrow(/\[SPX144\] prod\/east: landscape 'east' \(0x400000\): the former primary 'ss-east-1' is not a secondary/);
  });

  test('without promotedFrom there is no SPX144 finding, and promotedFrom changes no trigger', () => {
    const plain = new TerraformStack(Testing.app(), 'prod');
    const east = landscape(plain, 'ss-east-2', ['ss-east-1']);
    const declared = new TerraformStack(Testing.app(), 'prod');
    landscape(declared, 'ss-east-2', ['ss-east-1'], 'ss-east-1');
    const resources = (stack: TerraformStack) => JSON.parse(Testing.synth(stack, true)).resource;
    expect(resources(declared)).toEqual(resources(plain));
    expect(east.node.metadata.some(m => String(m.data).startsWith('[SPX144]'))).toBe(false);
  });
});
