import * as fs from 'fs';
import * as path from 'path';
import { landscapeStack, readJson, runCli, synthApp, tempDir, writeJson } from './fixtures';

/**
 * Each team's app synthesizes on its own (each alone is valid, so
 * `cdktf synth` passes); only the check of all stacks together sees that
 * both took handle 0x400000.
 */
describe('rules run across all stacks together', () => {
  let teamA: string;
  let teamB: string;
  beforeAll(() => {
    teamA = synthApp(path.join(tempDir(), 'team-a.out'), app => landscapeStack(app, 'team-a', 'east', 0x400000));
    teamB = synthApp(path.join(tempDir(), 'team-b.out'), app => landscapeStack(app, 'team-b', 'north', 0x400000));
  });

  test('each app alone is clean', async () => {
    expect((await runCli(['check', teamA], '/')).code).toBe(0);
    expect((await runCli(['check', teamB], '/')).code).toBe(0);
  });

  test('two directories: the duplicate handle is an error in both stacks, exit 1', async () => {
    const run = await runCli(['check', teamA, teamB], '/');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error   SPX101  stack team-a  team-a/east\n'
      + "  landscape 'east' (0x400000): handle 0x400000 is also used by 'team-b/north' (stack 'team-b')\n");
    expect(run.stdout).toContain('error   SPX101  stack team-b  team-b/north\n'
      + "  landscape 'north' (0x400000): handle 0x400000 is also used by 'team-a/east' (stack 'team-a')\n");
    expect(run.stdout).toContain('  fix: give every landscape of the app its own handle');
    expect(run.stdout).toMatch(/^2 errors, 0 warnings, 0 notes in 2 stacks \(2 landscapes, 4 SpectroSERVERs, 0 OneClick servers\)$/m);
  });

  test('one directory holding both stacks (one manifest) finds it too', async () => {
    const both = path.join(tempDir(), 'cdktf.out');
    const manifest = readJson(path.join(teamA, 'manifest.json'));
    for (const [dir, name] of [[teamA, 'team-a'], [teamB, 'team-b']]) {
      fs.cpSync(path.join(dir, 'stacks', name), path.join(both, 'stacks', name), { recursive: true });
      manifest.stacks[name] = readJson(path.join(dir, 'manifest.json')).stacks[name];
    }
    writeJson(path.join(both, 'manifest.json'), manifest);
    const run = await runCli(['check', '--format', 'json'], path.dirname(both));
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: any) => [f.ruleId, f.stack, f.path, f.file])).toEqual([
      ['SPX101', 'team-a', 'team-a/east', 'cdktf.out/stacks/team-a/cdk.tf.json'],
      ['SPX101', 'team-b', 'team-b/north', 'cdktf.out/stacks/team-b/cdk.tf.json'],
    ]);
  });
});
