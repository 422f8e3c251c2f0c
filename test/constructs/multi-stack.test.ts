import { DataResource, TerraformStack, Testing } from 'cdktf';
import { DistributedLandscape, FaultTolerantLandscape, LandscapeHandle } from '../../lib';
import { HOST_KEY, secrets } from '../support/synth';

describe('a DistributedLandscape across stacks', () => {
  function app(memberHandle: number) {
    const theApp = Testing.app();
    const masterStack = new TerraformStack(theApp, 'master');
    const groupStack = new TerraformStack(theApp, 'group');
    // The master primary's address comes from a resource of the master stack: a cross-stack reference.
    const vm = new DataResource(masterStack, 'mls-vm', { input: { address: 'mls-1' } });
    const estate = new DistributedLandscape(masterStack, 'estate', {
      master: { handle: LandscapeHandle.of(0x100000), primary: { host: vm.getStringAttribute('output.address') }, secondaries: [{ host: 'mls-2' }] },
      connection: { hostKey: HOST_KEY },
    });
    const member = new FaultTolerantLandscape(groupStack, 'east', {
      distributedLandscape: estate,
      handle: LandscapeHandle.of(memberHandle),
      primary: { host: 'east-1' },
      secondaries: [{ host: 'east-2' }],
      connection: { hostKey: HOST_KEY },
      install: { mediaPath: '/mnt/spectrum', ownerPassword: secrets(groupStack).password },
    });
    return { theApp, masterStack, groupStack, estate, member };
  }

  test('the member joins the DSS, reads the master primary through cdktf cross-stack outputs and deploys after the master stack', () => {
    const { theApp, groupStack, masterStack, estate, member } = app(0x200000);
    theApp.synth();
    expect(estate.landscapes).toEqual([member]);
    expect(groupStack.dependencies).toContain(masterStack);
    const group = JSON.parse(Testing.synth(groupStack));
    expect(group.data.terraform_remote_state).toBeDefined();
    const install = JSON.stringify(group.resource.null_resource[Object.keys(group.resource.null_resource).find(k => k.startsWith('east_primary_install'))!]);
    expect(install).toMatch(/decode_value MLS '\$\{base64encode\(data\.terraform_remote_state\.[^}]+\)\}'/);
    expect(JSON.parse(Testing.synth(masterStack)).output).toBeDefined();
    // The member's steps never name a resource of the other stack in depends_on
    // (its secondaries' upgrades wait for the DSS's marker in the member's own stack).
    const own = new Set(Object.keys(group.resource.null_resource).map(name => `null_resource.${name}`));
    for (const resource of Object.values(group.resource.null_resource) as any[]) {
      for (const dependency of resource.depends_on ?? []) expect(own).toContain(dependency);
    }
    expect(group.resource.null_resource['estate-primaries-upgraded']).toBeDefined();
  });

  test('handles stay unique across the stacks of the DSS', () => {
    const { masterStack } = app(0x100000);
    expect(() => Testing.fullSynth(masterStack)).toThrow(/\[SPX101\] master\/estate\/master: .*group\/east/s);
  });
});
