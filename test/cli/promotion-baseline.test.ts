/**
 * `cdktf-spectrum check --baseline` reports a swap of roles as one
 * promotion (SPX310, KB 49550), naming both hosts and what applying it does,
 * not as two servers moving to other hosts; and a promotion whose former
 * primary leaves the code says that nothing stops it.
 */
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { CONNECTION, runCli, server, synthApp, tempDir } from './fixtures';
import { FaultTolerantLandscape, LandscapeHandle, PlanResource, StandbyMode } from '../../lib';

function synth(primary: string, secondaries: string[], mainLocationServer?: string): string {
  return synthApp(path.join(tempDir(), 'cdktf.out'), app => {
    const stack = new TerraformStack(app, 'prod');
    new FaultTolerantLandscape(stack, 'east', {
      mainLocationServer,
      handle: LandscapeHandle.of(0x400000),
      primary: server(primary),
      secondaries: secondaries.map(host => server(host)),
      standbyMode: StandbyMode.HOT,
      connection: CONNECTION,
      planResource: PlanResource.TERRAFORM_DATA,
    });
  });
}

async function changes(before: string, after: string): Promise<any[]> {
  const run = await runCli(['check', after, '--baseline', before, '--format', 'json'], '/');
  return JSON.parse(run.stdout).changes;
}

describe('check --baseline: promotion', () => {
  const before = synth('east-1.example.net', ['east-2.example.net']);

  test('swapping primary and secondary is one promotion with the steps of both servers, and no host replacement', async () => {
    const found = await changes(before, synth('east-2.example.net', ['east-1.example.net']));
    expect(found.map(c => c.kind)).toEqual(['promotion']);
    const [promotion] = found;
    expect(promotion.ruleId).toBe('SPX310');
    expect(promotion.message).toBe("landscape 'east' (0x400000): promotion: 'east-2.example.net' (a secondary with precedence 20) becomes the primary "
      + "(precedence 10); the former primary 'east-1.example.net' becomes a secondary (precedence 20)");
    expect(promotion.effect).toContain("the demote step stops the former primary on 'east-1.example.net'");
    expect(promotion.effect).toContain("'MapUpdate -remove 0x400000 -precedence 20'");
    expect(promotion.effect).toContain("'east-2.example.net' becomes the main location server: each OneClick server's mainlocation step "
      + "writes MAIN_LOCATION_HOST_NAME='east-2.example.net' into its $SPECROOT/LS/.locrc and restarts its web server once");
    const steps = (promotion.replaced as string[]).map(a => a.replace(/^terraform_data\.east_/, '').replace(/_[0-9A-F]{8}$/, '')).sort();
    expect(steps).toEqual(expect.arrayContaining(['primary_promote', 'primary_savefile', 'primary_vnmrc', 'secondary_demote', 'secondary_load', 'secondary_transfer']));
  });

  test('a landscape whose main location server is another host: OneClick is not pointed elsewhere', async () => {
    const mls = 'mls.example.net';
    const found = await changes(synth('east-1.example.net', ['east-2.example.net'], mls), synth('east-2.example.net', ['east-1.example.net'], mls));
    const promotion = found.find(c => c.kind === 'promotion');
    expect(promotion.effect).toContain("The main location server stays 'mls.example.net': OneClick is not pointed elsewhere.");
    expect(promotion.effect).not.toContain('mainlocation step');
  });

  test('a promotion that drops the former primary says nothing stops it', async () => {
    const found = await changes(before, synth('east-2.example.net', []));
    const promotion = found.find(c => c.kind === 'promotion');
    expect(promotion.message).toContain("the former primary 'east-1.example.net' leaves the landscape");
    expect(promotion.effect).toContain("NOTHING stops the former primary on 'east-1.example.net'");
    expect(found.map(c => c.kind)).not.toContain('host-replaced');
  });

  test('a new host for the primary is still a host replacement, not a promotion', async () => {
    const found = await changes(before, synth('east-9.example.net', ['east-2.example.net']));
    expect(found.map(c => c.kind)).toContain('host-replaced');
    expect(found.map(c => c.kind)).not.toContain('promotion');
  });
});
