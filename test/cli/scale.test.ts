import * as path from 'path';
import { landscapeStack, readJson, runCli, stackFile, synthApp, tempDir, writeJson } from './fixtures';

/**
 * Correctness on a large estate (no timing assertions: the reader, the
 * rebuild, the rules and the reports are linear by construction; the
 * benchmark measures time). The stack is one synthesized landscape's
 * metadata copied 1000 times, with one handle and one host reused.
 */
describe('check on 1000 landscapes', () => {
  const COUNT = 1000;
  let dir: string;
  beforeAll(() => {
    dir = synthApp(path.join(tempDir(), 'cdktf.out'), app => landscapeStack(app, 'big', 'l0', 0x100000));
    const json = readJson(stackFile(dir, 'big'));
    const block = json['//'].metadata['cdktf-spectrum'];
    const template = JSON.stringify(block.landscapes['big/l0']);
    for (let i = 1; i < COUNT; i++) {
      const landscape = JSON.parse(template.split('big/l0').join(`big/l${i}`).split('l0-').join(`l${i}-`));
      landscape.name = `l${i}`;
      const value = i === 700 ? 0x100000 : 0x100000 * (i + 1);
      landscape.handle = { text: `0x${value.toString(16)}`, value };
      if (i === 900) landscape.secondaries[0].host = { text: 'l5-1.example.net', isToken: false };
      block.landscapes[`big/l${i}`] = landscape;
    }
    writeJson(stackFile(dir, 'big'), json);
  });

  test('every landscape is read, the duplicate handle and the shared host are found exactly', async () => {
    const run = await runCli(['check', dir, '--format', 'json'], '/');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ landscapes: COUNT, spectroServers: 2 * COUNT, errors: 4 });
    expect(report.findings.map((f: any) => `${f.ruleId} ${f.path}`)).toEqual([
      'SPX101 big/l0', 'SPX101 big/l700', 'SPX121 big/l5/primary', 'SPX121 big/l900/secondary',
    ]);
    expect(report.landscapes).toHaveLength(COUNT);
  });

  test('the markdown report stays a postable PR comment: tables cut at 100 rows, no diagram', async () => {
    const run = await runCli(['check', dir, '--format', 'markdown'], '/');
    expect(run.stdout.length).toBeLessThan(65_536);
    expect(run.stdout).toContain('… and 900 more landscapes: see the JSON or SARIF report.');
    expect(run.stdout).toContain('The diagram is left out: more than 200 landscapes.');
    expect(run.stdout).not.toContain('```mermaid');
  });

  test('every format renders', async () => {
    for (const format of ['text', 'sarif', 'github']) {
      const run = await runCli(['check', dir, '--format', format], '/');
      expect(run.code).toBe(1);
      expect(run.stdout.length).toBeGreaterThan(1000);
    }
  });
});
