import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { HOST_KEY, runCli, synthApp, tempDir } from './fixtures';
import { formatText } from '../../lib/cli/format-text';
import { resolveTemplate } from '../../lib/cli/var-values';
import { SpectrumEstate } from '../../lib/constructs/spectrum-estate';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'estate', 'estate.yaml');
const SERVERS = ['master-primary', 'master-secondary', 'east-primary', 'east-secondary', 'west-primary', 'west-secondary', 'oneclick'];

/** The example estate synthesized into a fresh directory, and a var file beside it. */
function synthesizedExample(hosts: { [name: string]: string }): string {
  const dir = tempDir('cdktf-spectrum-vars-');
  synthApp(path.join(dir, 'cdktf.out'), app => SpectrumEstate.fromFile(new TerraformStack(app, 'distributed'), 'estate', EXAMPLE));
  const hostKeys = Object.fromEntries(SERVERS.map(name => [name, HOST_KEY]));
  fs.writeFileSync(path.join(dir, 'prod.tfvars.json'), JSON.stringify({ hosts, host_keys: hostKeys, ssh_private_key_file: '/keys/id' }));
  return dir;
}

const realHosts = () => Object.fromEntries(SERVERS.map(name => [name, `${name}.prod.example.net`]));

describe('check --var-file', () => {
  test('without it the rules note every host as an unchecked expression; with it they check the real hosts', async () => {
    const dir = synthesizedExample(realHosts());
    const before = await runCli(['check', 'cdktf.out', '--format', 'json'], dir);
    expect(JSON.parse(before.stdout).findings.filter((f: any) => f.ruleId === 'SPX120')).toHaveLength(7);
    const after = await runCli(['check', 'cdktf.out', '--var-file', 'prod.tfvars.json'], dir);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('0 errors, 0 warnings, 0 notes in 1 stack');
    expect(after.stdout).toMatch(/estate\/spectrum\/east\s+0x200000\s+primary\s+east-primary\.prod\.example\.net\s+10\s+HOT/);
  });

  test('a real problem hidden behind variables is found: two servers on one host (SPX121), an invalid host (SPX120)', async () => {
    const hosts = { ...realHosts(), 'east-secondary': 'east-primary.prod.example.net', 'west-primary': 'west primary' };
    const run = await runCli(['check', 'cdktf.out', '--var-file', 'prod.tfvars.json', '--format', 'json'], synthesizedExample(hosts));
    expect(run.code).toBe(1);
    const errors = JSON.parse(run.stdout).findings.filter((f: any) => f.severity === 'error').map((f: any) => [f.ruleId, f.path]);
    expect(errors).toEqual(expect.arrayContaining([
      ['SPX121', 'distributed/estate/spectrum/east/primary'],
      ['SPX121', 'distributed/estate/spectrum/east/secondary'],
      ['SPX120', 'distributed/estate/spectrum/west/primary'],
    ]));
  });

  test('a value the file does not give stays a note', async () => {
    const hosts = realHosts();
    delete hosts.oneclick;
    const run = await runCli(['check', 'cdktf.out', '--var-file', 'prod.tfvars.json', '--format', 'json'], synthesizedExample(hosts));
    expect(JSON.parse(run.stdout).findings.map((f: any) => [f.ruleId, f.path])).toEqual([['SPX120', 'distributed/estate/spectrum/oneclick']]);
  });

  test('unusable var files: exit 2 with one line', async () => {
    const dir = synthesizedExample(realHosts());
    fs.writeFileSync(path.join(dir, 'prod.tfvars'), 'hosts = {}\n');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"hosts": ');
    expect(await runCli(['check', 'cdktf.out', '--var-file', 'prod.tfvars'], dir)).toMatchObject({
      code: 2,
      stderr: 'cdktf-spectrum: prod.tfvars: HCL .tfvars files are not read; write the values as JSON in prod.tfvars.json (Terraform reads that too: -var-file=prod.tfvars.json)\n',
    });
    expect(await runCli(['check', 'cdktf.out', '--var-file', 'none.json'], dir)).toMatchObject({
      code: 2, stderr: 'cdktf-spectrum: none.json: cannot read the variable file (no such file)\n',
    });
    const broken = await runCli(['check', 'cdktf.out', '--var-file', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^cdktf-spectrum: broken\.json: not valid JSON \(line 1, column \d+: .*\)/);
  });
});

describe('expressions over variables', () => {
  const values = new Map<string, unknown>([
    ['hosts', { 'east-1': '10.0.0.1', 'oneclick': 'oc.example.net' }],
    ['ssh_user', 'spectrum-admin'],
    ['port', 2222],
    ['nested', { a: { b: 'deep' } }],
  ]);

  test.each([
    ['${var.ssh_user}', 'spectrum-admin'],
    ['${var.hosts["east-1"]}', '10.0.0.1'],
    ['${var.hosts.oneclick}', 'oc.example.net'],
    ['${lookup(var.hosts, "east-1")}', '10.0.0.1'],
    ['${lookup(var.hosts, "west-1", "fallback.example.net")}', 'fallback.example.net'],
    ['${var.nested.a["b"]}', 'deep'],
    ['${var.port}', '2222'],
    ['ss-${var.hosts.oneclick}', 'ss-oc.example.net'],
  ])('%s is %s', (text, expected) => {
    expect(resolveTemplate(text, values)).toBe(expected);
  });

  test.each([
    '${var.hosts["west-1"]}', '${var.unknown}', '${lookup(var.hosts, "west-1")}', '${var.hosts}', '${aws_instance.a.private_ip}', '${upper(var.ssh_user)}',
  ])('%s stays unresolved', text => {
    expect(resolveTemplate(text, values)).toBeUndefined();
  });
});

describe('text format: notes', () => {
  const note = (at: string, message: string) => ({ ruleId: 'SPX120', severity: 'info' as const, path: at, stack: 's', message, fix: 'checked at apply time' });
  const report = (findings: any[]): any => ({
    directories: ['cdktf.out'],
    stacks: [],
    topology: { landscapes: [], distributed: [], oneClicks: [] },
    findings,
    suppressed: [],
    changes: [],
    version: '0.0.0',
  });

  test('notes of one rule and fix are listed once with their count; identical ones are one line naming every construct', () => {
    const text = formatText(report([
      note('s/a/primary', 'host (token ${var.h}) is a token'),
      note('s/b/primary', 'host (token ${var.h}) is a token'),
      note('s/c/primary', 'host (token ${var.c}) is a token'),
      { ...note('s/d', 'other'), ruleId: 'SPX151', fix: 'set hostKey' },
    ]));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'info    SPX120  3 notes',
      '  host (token ${var.h}) is a token (2 times: s/a/primary, s/b/primary)',
      '  s/c/primary: host (token ${var.c}) is a token',
      '  fix: checked at apply time',
      'info    SPX151  stack s  s/d',
      '  other',
      '  fix: set hostKey',
      '',
    ]);
  });
});

describe('validate --var-file', () => {
  test('the estate file is checked with the environment\'s values', async () => {
    const dir = tempDir('cdktf-spectrum-vars-');
    const hosts = { ...realHosts(), 'west-secondary': 'west-primary.prod.example.net' };
    fs.writeFileSync(path.join(dir, 'prod.tfvars.json'), JSON.stringify({ hosts, host_keys: Object.fromEntries(SERVERS.map(name => [name, HOST_KEY])) }));
    const run = await runCli(['validate', EXAMPLE, '--var-file', 'prod.tfvars.json', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: any) => [f.ruleId, f.path])).toEqual([
      ['SPX121', 'distributed/estate/spectrum/west/primary'],
      ['SPX121', 'distributed/estate/spectrum/west/secondary'],
    ]);
  });
});
