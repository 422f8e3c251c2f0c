import * as fs from 'fs';
import * as path from 'path';
import { landscapeStack, runCli, synthApp, tempDir } from './fixtures';
import { PlanResource, StandbyMode } from '../../lib';

describe('exit codes and policies on the command line', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tempDir();
    synthApp(path.join(cwd, 'clean.out'), app => landscapeStack(app, 'prod', 'east', 0x400000));
    // A WARM landscape with a secondary, and one without a secondary (SPX141 warning).
    synthApp(path.join(cwd, 'warnings.out'), app => {
      landscapeStack(app, 'prod', 'east', 0x400000, { standbyMode: StandbyMode.WARM });
      landscapeStack(app, 'lab', 'solo', 0x500000, { secondaries: [], standbyMode: StandbyMode.WARM, planResource: PlanResource.NULL_RESOURCE });
    });
  });

  function policy(...lines: string[]): string {
    const file = path.join(cwd, `policy-${fs.readdirSync(cwd).length}.yaml`);
    fs.writeFileSync(file, ['version: 1', ...lines].join('\n'));
    return path.basename(file);
  }

  test('clean: exit 0', async () => {
    const run = await runCli(['check', 'clean.out'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, 0 warnings, 0 notes in 1 stack/m);
  });

  test('warnings only: exit 0', async () => {
    const run = await runCli(['check', 'warnings.out'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning SPX141 {2}stack lab {2}lab\/solo$/m);
    expect(run.stdout).toMatch(/^0 errors, 1 warning, 0 notes in 2 stacks/m);
  });

  test('a policy that makes the warning an error: exit 1', async () => {
    const run = await runCli(['check', 'warnings.out', '--policy', policy('rules:', '  SPX141: { severity: error }')], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error {3}SPX141 {2}stack lab {2}lab\/solo$/m);
  });

  test('a policy that turns on an optional rule (SPX200 require HOT standby): exit 1', async () => {
    const run = await runCli(['check', 'warnings.out', '--policy', policy('rules:', '  SPX200: {}')], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("error   SPX200  stack prod  prod/east\n  landscape 'east' (0x400000): standby mode WARM, but the organisation policy requires HOT standby\n");
    // lab/solo has no secondary: HOT standby would do nothing there, SPX200 leaves it to SPX141.
    expect(run.stdout).not.toContain('SPX200  stack lab');
  });

  test('a policy that acknowledges the only warning: exit 0, the reason listed', async () => {
    const run = await runCli(['check', 'warnings.out', '--policy',
      policy('suppressions:', '  - rule: SPX141', '    path: lab/solo', '    reason: a lab landscape, rebuilt when it fails')], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, 0 warnings, 0 notes in 2 stacks .*; 1 acknowledged by the policy$/m);
    expect(run.stdout).toContain('  SPX141  lab/solo: a lab landscape, rebuilt when it fails');
  });

  test('an invalid policy: exit 2, the pointer of the bad field', async () => {
    const file = policy('rules:', '  SPX141: { severity: fatal }', 'suppressions:', '  - rule: SPX151');
    const run = await runCli(['check', 'warnings.out', '--policy', file], cwd);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`cdktf-spectrum: ${file}: /rules/SPX141/severity must be one of error, warning, info, off\n`
      + `cdktf-spectrum: ${file}: /suppressions/0/reason is required: a suppression says why the finding is acceptable\n`);
  });
});
