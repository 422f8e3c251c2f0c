import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { landscapeStack, readJson, runCli, stackFile, synthApp, tempDir, writeJson } from './fixtures';
import { main } from '../../lib/cli/main';

/** A valid synth output directory with one stack `prod`, copied fresh for each test. */
let pristine: string;
beforeAll(() => {
  pristine = synthApp(tempDir(), app => landscapeStack(app, 'prod', 'east', 0x400000));
});

function copyOfSynth(): string {
  const dir = path.join(tempDir(), 'cdktf.out');
  fs.cpSync(pristine, dir, { recursive: true });
  return dir;
}

/** Runs `check` and expects exit 2 with exactly one line on stderr, containing each of `parts`, and no stack trace. */
async function expectUnusable(args: string[], cwd: string, ...parts: string[]): Promise<string> {
  const run = await runCli(['check', ...args], cwd);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cdktf-spectrum: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const part of parts) expect(lines[0]).toContain(part);
  return lines[0];
}

describe('unusable input: one clear line, exit 2', () => {
  test('the valid synth is usable (the cases below differ from it in one way each)', async () => {
    const run = await runCli(['check', copyOfSynth()], tempDir());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('a missing directory', async () => {
    const cwd = tempDir();
    await expectUnusable([], cwd, 'cdktf.out: no such directory', "run 'cdktf synth' first");
    await expectUnusable(['nowhere'], cwd, 'nowhere: no such directory');
  });

  test('a file instead of a directory', async () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'cdktf.out'), '');
    await expectUnusable([], cwd, 'cdktf.out: not a directory');
  });

  test('a directory without stacks', async () => {
    const cwd = tempDir();
    fs.mkdirSync(path.join(cwd, 'cdktf.out', 'stacks'), { recursive: true });
    await expectUnusable([], cwd, 'cdktf.out: no synthesized stacks');
  });

  test('a manifest that lists no stacks', async () => {
    const cwd = tempDir();
    writeJson(path.join(cwd, 'cdktf.out', 'manifest.json'), { version: '0.21.0', stacks: {} });
    await expectUnusable([], cwd, 'cdktf.out: no synthesized stacks');
  });

  test('a stack file that is not valid JSON, with line and column', async () => {
    const dir = copyOfSynth();
    fs.writeFileSync(stackFile(dir, 'prod'), '{\n  "//": {\n    "metadata": {,\n');
    const line = await expectUnusable([dir], path.dirname(dir), 'cdktf.out/stacks/prod/cdk.tf.json: not valid JSON', 'line 3, column');
    expect(line).not.toContain(dir); // shown relative to the working directory
  });

  test('a truncated stack file', async () => {
    const dir = copyOfSynth();
    const text = fs.readFileSync(stackFile(dir, 'prod'), 'utf8');
    fs.writeFileSync(stackFile(dir, 'prod'), text.slice(0, text.length / 2));
    await expectUnusable([dir], path.dirname(dir), 'cdktf.out/stacks/prod/cdk.tf.json: not valid JSON (line ');
  });

  test('an invalid manifest.json', async () => {
    const dir = copyOfSynth();
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{"stacks": ');
    await expectUnusable([dir], path.dirname(dir), 'cdktf.out/manifest.json: not valid JSON');
  });

  test('a manifest naming a stack file that is gone', async () => {
    const dir = copyOfSynth();
    fs.rmSync(stackFile(dir, 'prod'));
    await expectUnusable([dir], path.dirname(dir), "stack 'prod' is listed but cdktf.out/stacks/prod/cdk.tf.json does not exist");
  });

  test('a stack synthesized by an incompatible cdktf (0.19)', async () => {
    const dir = copyOfSynth();
    const json = readJson(stackFile(dir, 'prod'));
    json['//'].metadata.version = '0.19.2';
    writeJson(stackFile(dir, 'prod'), json);
    await expectUnusable([dir], path.dirname(dir), 'synthesized by cdktf 0.19.2', 'cdktf 0.21.x');
  });

  test('a manifest of an incompatible cdktf', async () => {
    const dir = copyOfSynth();
    const manifest = readJson(path.join(dir, 'manifest.json'));
    manifest.version = '0.20.11';
    writeJson(path.join(dir, 'manifest.json'), manifest);
    await expectUnusable([dir], path.dirname(dir), 'manifest.json: synthesized by cdktf 0.20.11');
  });

  test('cdktf-spectrum metadata of another schema', async () => {
    const dir = copyOfSynth();
    const json = readJson(stackFile(dir, 'prod'));
    json['//'].metadata['cdktf-spectrum'].schema = 2;
    writeJson(stackFile(dir, 'prod'), json);
    await expectUnusable([dir], path.dirname(dir), 'metadata has schema 2', 'reads schema 1');
  });

  test('a stack file that is no cdktf stack', async () => {
    const dir = copyOfSynth();
    writeJson(stackFile(dir, 'prod'), { resource: {} });
    await expectUnusable([dir], path.dirname(dir), 'not a stack synthesized by cdktf', 'no "//".metadata');
  });

  test('malformed metadata names the JSON pointer of the bad field', async () => {
    const dir = copyOfSynth();
    const json = readJson(stackFile(dir, 'prod'));
    json['//'].metadata['cdktf-spectrum'].landscapes['prod/east'].secondaries[0].host = 'east-2';
    writeJson(stackFile(dir, 'prod'), json);
    await expectUnusable([dir], path.dirname(dir), '/landscapes/prod~1east/secondaries/0/host must be an object');
  });

  test('the same stack name in two directories', async () => {
    const a = copyOfSynth();
    const b = copyOfSynth();
    await expectUnusable([a, b], '/', "stack 'prod' is synthesized twice");
  });

  test('usage errors: unknown option, bad format, missing value', async () => {
    const cwd = tempDir();
    await expectUnusable(['--colour'], cwd, 'unknown option --colour', '--help');
    await expectUnusable(['--format', 'xml'], cwd, '--format must be one of text, json, sarif, markdown, github');
    await expectUnusable(['--policy'], cwd, '--policy needs a value');
  });

  test('a policy file that does not exist', async () => {
    await expectUnusable([copyOfSynth(), '--policy', 'missing.yaml'], tempDir(), 'missing.yaml: cannot read the policy file (ENOENT)');
  });

  test('a baseline directory that does not exist', async () => {
    await expectUnusable([copyOfSynth(), '--baseline', 'old.out'], tempDir(), 'old.out: no such directory');
  });

  test('an output file that cannot be written', async () => {
    let stderr = '';
    const code = await main(['check', copyOfSynth(), '--output', '/nonexistent-dir/report.txt'], {
      cwd: tempDir(), stdout: () => undefined, stderr: t => { stderr += t; }, writeFile: (f, t) => fs.writeFileSync(f, t),
    });
    expect(code).toBe(2);
    expect(stderr).toBe('cdktf-spectrum: /nonexistent-dir/report.txt: cannot write the report (ENOENT)\n');
  });
});

describe('usable layouts', () => {
  test('a directory of stacks without manifest.json', async () => {
    const dir = copyOfSynth();
    fs.rmSync(path.join(dir, 'manifest.json'));
    const run = await runCli(['check', dir], '/');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 landscape');
  });

  test('a stack directory itself', async () => {
    const dir = path.dirname(stackFile(copyOfSynth(), 'prod'));
    const run = await runCli(['check', dir], '/');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^prod +east +0x400000 +primary +east-1\.example\.net +10 +HOT$/m);
  });

  test('stacks without Spectrum constructs are read and counted', async () => {
    const dir = synthApp(tempDir(), app => {
      landscapeStack(app, 'prod', 'east', 0x400000);
      new TerraformStack(app, 'network');
    });
    const run = await runCli(['check', dir, '--format', 'json'], '/');
    const report = JSON.parse(run.stdout);
    expect(report.stacks.map((s: any) => [s.name, s.hasSpectrum])).toEqual([['network', false], ['prod', true]]);
  });
});
