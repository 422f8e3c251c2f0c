import { runCli, tempDir } from './fixtures';
import { HELP, parseArgs } from '../../lib/cli/args';
import { UnusableInputError } from '../../lib/cli/errors';

describe('the command line', () => {
  test('defaults: cdktf.out, text', () => {
    expect(parseArgs(['check'])).toEqual({ command: 'check', directories: ['cdktf.out'], format: 'text' });
  });

  test('every option, long and short, with = or a separate value; several directories and baselines', () => {
    expect(parseArgs(['check', 'a.out', 'b.out', '--format=sarif', '-p', 'policy.yaml', '-b', 'old-a', '--baseline=old-b', '-o', 'out.sarif']))
      .toEqual({ command: 'check', directories: ['a.out', 'b.out'], format: 'sarif', policy: 'policy.yaml', baseline: ['old-a', 'old-b'], output: 'out.sarif' });
    expect(parseArgs(['check', '-f', 'github', '--', '-odd-dir'])).toEqual({ command: 'check', directories: ['-odd-dir'], format: 'github' });
  });

  test.each([
    [[], 'no command given'],
    [['lint'], "unknown command 'lint'"],
    [['check', '--format'], '--format needs a value'],
    [['check', '--format', '--policy', 'x'], '--format needs a value'],
    [['check', '--format', 'yaml'], "--format must be one of text, json, sarif, markdown, github, not 'yaml'"],
    [['check', '--output', 'a', '--output', 'b'], '--output given twice'],
    [['check', '--output='], '--output needs a value'],
    [['check', '-x'], 'unknown option -x'],
    [['schema'], 'cdktf-spectrum schema takes one of estate, policy, report'],
    [['schema', 'rules'], 'cdktf-spectrum schema takes one of estate, policy, report'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UnusableInputError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });

  test('--help and --version exit 0', async () => {
    const help = await runCli(['check', '--help'], tempDir());
    expect(help).toMatchObject({ code: 0, stdout: HELP, stderr: '' });
    expect(HELP).toContain('Exit codes: 0 clean or warnings only, 1 errors, 2 unusable input.');
    const version = await runCli(['--version'], tempDir());
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+.*\n$/);
  });

  test('schema prints the published schemas', async () => {
    const policy = await runCli(['schema', 'policy'], tempDir());
    expect(policy.code).toBe(0);
    expect(JSON.parse(policy.stdout).title).toBe('cdktf-spectrum organisation policy');
    const report = await runCli(['schema', 'report'], tempDir());
    expect(JSON.parse(report.stdout).title).toBe('cdktf-spectrum check report (schemaVersion 1)');
  });
});
