import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { runCli, CliRun } from './fixtures';
import { buildWorkspace, Workspace } from './report-fixture';
import * as formatGithub from '../../lib/cli/format-github';
import { code, escape } from '../../lib/cli/format-markdown';
import { REPORT_SCHEMA } from '../../lib/cli/report-schema';
import { KNOWN_RULES } from '../../lib/policy/known-rules';

let ws: Workspace;
const runs = new Map<string, CliRun>();
beforeAll(async () => {
  ws = buildWorkspace();
  for (const format of ['text', 'json', 'sarif', 'markdown', 'github']) runs.set(format, await runCli([...ws.args, '--format', format], ws.cwd));
});

function run(format: string): CliRun {
  return runs.get(format)!;
}

/** The line of `file` (relative to the workspace) at 1-based `line`. */
function lineOf(file: string, line: number): string {
  return fs.readFileSync(path.join(ws.cwd, file), 'utf8').split('\n')[line - 1];
}

describe.each(['text', 'json', 'sarif', 'markdown', 'github'])('--format %s', format => {
  test('exit 1 (errors), nothing on stderr', () => {
    expect(run(format).code).toBe(1);
    expect(run(format).stderr).toBe('');
  });

  test('--output writes the same report to the file and prints the summary', async () => {
    const written = await runCli([...ws.args, '--format', format, '--output', `report.${format}`], ws.cwd);
    expect(written.code).toBe(1);
    expect(written.files.get(path.join(ws.cwd, `report.${format}`))).toBe(run(format).stdout);
    expect(written.stdout).toBe('cdktf-spectrum: 2 errors, 1 warning, 1 note in 3 stacks (6 landscapes, 11 SpectroSERVERs, 1 OneClick server); '
      + `1 acknowledged by the policy; ${format} report written to report.${format}\n`);
  });
});

describe('text', () => {
  test('findings: severity, rule id, stack, construct path, message and fix; errors first', () => {
    const lines = run('text').stdout.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'error   SPX101  stack other-team  other-team/north',
      "  landscape 'north' (0x600000): handle 0x600000 is also used by 'solo-stack/solo' (stack 'solo-stack')",
      '  fix: give every landscape of the app its own handle, across distributed landscapes and stacks (e.g. 0x400000, which is free)',
      'error   SPX101  stack solo-stack  solo-stack/solo',
      "  landscape 'solo' (0x600000): handle 0x600000 is also used by 'other-team/north' (stack 'other-team')",
      '  fix: give every landscape of the app its own handle, across distributed landscapes and stacks (e.g. 0x400000, which is free)',
      'warning SPX141  stack solo-stack  solo-stack/solo',
      "  landscape 'solo' (0x600000): only the primary 'primary' and no secondary, so it is not fault tolerant",
      '  fix: add a secondary SpectroSERVER on another host (secondaries: [{ host: ..., precedence: 20 }] or addSecondary())',
      'info    SPX120  stack solo-stack  solo-stack/solo/primary',
      "  primary 'primary' of landscape 'solo' (0x600000): host (token ${var.hosts[\"solo-1\"]}) is a token, so SPX120 is skipped for it",
      '  fix: its value is checked at apply time: the generated scripts reject anything that is not a host name or an address',
    ]);
  });

  test('the landscape table: handle, servers, precedence, standby; masters first', () => {
    const text = run('text').stdout;
    const table = text.slice(text.indexOf('Landscapes\n'), text.indexOf('\n\nOneClick servers'));
    expect(table.split('\n').map(l => l.split(/ {2,}/).filter(Boolean))).toEqual([
      ['Landscapes'],
      ['STACK', 'LANDSCAPE', 'HANDLE', 'SERVER', 'HOST', 'PRECEDENCE', 'STANDBY'],
      ['estate-stack', 'estate/master (master)', '0x100000', 'primary', 'mls-1.example.net', '10', 'HOT'],
      ['secondary', 'mls-2.example.net', '20'],
      ['estate-stack', 'estate/east', '0x200000', 'primary', 'east-1.example.net', '10', 'HOT'],
      ['secondary', 'east-2.example.net', '20'],
      ['estate-stack', 'estate/west', '0x300000', 'primary', 'west-1.example.net', '10', 'HOT'],
      ['secondary', 'west-2.example.net', '20'],
      ['solo-stack', 'lab', '0x700000', 'primary', 'lab-1.example.net', '10', 'HOT'],
      ['secondary', 'lab-2.example.net', '20'],
      ['solo-stack', 'solo', '0x600000', 'primary', '${var.hosts["solo-1"]}', '10', 'WARM'],
      ['other-team', 'north', '0x600000', 'primary', 'north-1.example.net', '10', 'HOT'],
      ['secondary', 'north-2.example.net', '20'],
    ]);
  });

  test('OneClick servers, acknowledged findings with their reason, and the summary', () => {
    const text = run('text').stdout;
    expect(text).toContain('OneClick servers\nSTACK         ONECLICK        HOST                 MAIN LOCATION SERVER  DISTRIBUTED LANDSCAPE\n'
      + 'estate-stack  estate/console  console.example.net  mls-1.example.net     estate\n');
    expect(text).toContain('Acknowledged by the policy\n  SPX151  solo-stack/lab: lab hosts are re-imaged nightly; the bastion pins their keys (policy.yaml /suppressions/0)\n');
    expect(text.endsWith('\n2 errors, 1 warning, 1 note in 3 stacks (6 landscapes, 11 SpectroSERVERs, 1 OneClick server); 1 acknowledged by the policy\n')).toBe(true);
  });
});

describe('json', () => {
  const report = () => JSON.parse(run('json').stdout);

  test('valid against its published schema (docs/report.schema.json), which is REPORT_SCHEMA', () => {
    const validate = new Ajv({ strict: true, allErrors: true }).compile(REPORT_SCHEMA);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(report())).toBe(true);
    expect(validate({ ...report(), schemaVersion: 2 })).toBe(false);
    const published = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'report.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(REPORT_SCHEMA)));
  });

  test('summary, inputs and findings with file and line', () => {
    const r = report();
    expect(r.schemaVersion).toBe(1);
    expect(r.inputs).toEqual({ directories: ['cdktf.out', 'other.out'], policy: 'policy.yaml' });
    expect(r.summary).toEqual({
      errors: 2, warnings: 1, notes: 1, suppressed: 1, stacks: 3, landscapes: 6, spectroServers: 11, oneClickServers: 1, changes: 0, exitCode: 1,
    });
    for (const finding of [...r.findings, ...r.suppressed]) {
      // The line is the construct's entry (or its path field) in the stack's cdk.tf.json.
      expect(lineOf(finding.file, finding.line)).toMatch(new RegExp(`^ *("path": "${finding.path}",|"${finding.path}": \\{)$`));
    }
    expect(r.suppressed[0]).toMatchObject({ ruleId: 'SPX151', path: 'solo-stack/lab', reason: 'lab hosts are re-imaged nightly; the bastion pins their keys', suppressedBy: 'policy.yaml /suppressions/0' });
  });

  test('the estate: landscapes (master first), distributed landscapes, OneClick servers', () => {
    const r = report();
    expect(r.landscapes.map((l: any) => l.path)).toEqual([
      'estate-stack/estate/master', 'estate-stack/estate/east', 'estate-stack/estate/west', 'solo-stack/lab', 'solo-stack/solo', 'other-team/north',
    ]);
    expect(r.landscapes[4]).toEqual({
      stack: 'solo-stack',
      path: 'solo-stack/solo',
      name: 'solo',
      handle: { text: '0x600000', value: 0x600000 },
      standbyMode: 'WARM',
      backup: 'SSDBSAVE',
      distributed: null,
      isMaster: false,
      mainLocationServer: { text: '${var.hosts["solo-1"]}', isToken: true },
      servers: [{ path: 'solo-stack/solo/primary', name: 'primary', role: 'PRIMARY', host: { text: '${var.hosts["solo-1"]}', isToken: true }, precedence: 10 }],
    });
    expect(r.distributedLandscapes).toEqual([{
      stack: 'estate-stack',
      path: 'estate-stack/estate',
      name: 'estate',
      master: 'estate-stack/estate/master',
      landscapes: ['estate-stack/estate/master', 'estate-stack/estate/east', 'estate-stack/estate/west'],
      oneClickServers: ['estate-stack/estate/console'],
    }]);
    expect(r.oneClickServers).toEqual([{
      stack: 'estate-stack',
      path: 'estate-stack/estate/console',
      name: 'console',
      host: { text: 'console.example.net', isToken: false },
      mainLocationServer: { text: 'mls-1.example.net', isToken: false },
      distributed: 'estate-stack/estate',
    }]);
  });
});

describe('sarif', () => {
  /**
   * The official SARIF 2.1.0 schema (sarif-schema-2.1.0, rtm.5, as shipped
   * by @microsoft/jest-sarif; see sarif-schema/README.md). It is draft-04:
   * ajv 8 reads it once `$schema`/`id` are dropped, with the three formats
   * it uses and non-unicode regular expressions (one pattern is not valid
   * with the `u` flag).
   */
  function sarifValidator() {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-schema', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    ajv.addFormat('uri', value => { try { return Boolean(new URL(value)); } catch { return false; } });
    ajv.addFormat('uri-reference', value => !/\s/.test(value));
    ajv.addFormat('date-time', value => !Number.isNaN(Date.parse(value)));
    return ajv.compile(schema);
  }

  const log = () => JSON.parse(run('sarif').stdout);

  test('valid SARIF 2.1.0 (and the validator does reject an invalid log)', () => {
    const validate = sarifValidator();
    const valid = validate(log());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const broken = log();
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
    const noVersion = log();
    delete noVersion.version;
    expect(validate(noVersion)).toBe(false);
  });

  test('rule metadata from the catalogue: every rule, optional rule and change kind, with help', () => {
    const rules = log().runs[0].tool.driver.rules;
    expect(rules.map((r: any) => r.id)).toEqual(KNOWN_RULES.map(r => r.id));
    const spx101 = rules.find((r: any) => r.id === 'SPX101');
    expect(spx101.shortDescription.text).toBe(KNOWN_RULES.find(r => r.id === 'SPX101')!.description);
    expect(spx101.help.text).toContain('Give every landscape of the app its own handle');
    expect(spx101.defaultConfiguration.level).toBe('error');
    expect(rules.find((r: any) => r.id === 'SPX120').defaultConfiguration.level).toBe('error');
    expect(rules.find((r: any) => r.id === 'SPX141').defaultConfiguration.level).toBe('warning');
    for (const rule of rules) expect(rule.help.text.length).toBeGreaterThan(20);
  });

  test('results: rule id and index, level, message with the fix, the stack file and line, the construct path', () => {
    const { results, tool } = log().runs[0];
    expect(results.map((r: any) => [r.ruleId, r.level, r.locations[0].logicalLocations[0].fullyQualifiedName])).toEqual([
      ['SPX101', 'error', 'other-team/north'],
      ['SPX101', 'error', 'solo-stack/solo'],
      ['SPX141', 'warning', 'solo-stack/solo'],
      ['SPX120', 'note', 'solo-stack/solo/primary'],
      ['SPX151', 'warning', 'solo-stack/lab'],
    ]);
    for (const result of results) {
      expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).toMatch(/^(cdktf|other)\.out\/stacks\/[a-z-]+\/cdk\.tf\.json$/);
      expect(lineOf(artifactLocation.uri, region.startLine)).toContain(`"${result.locations[0].logicalLocations[0].fullyQualifiedName}"`);
      expect(result.message.text).toMatch(/; fix: \S/);
    }
    expect(results[0].message.text).toBe("landscape 'north' (0x600000): handle 0x600000 is also used by 'solo-stack/solo' (stack 'solo-stack'); "
      + 'fix: give every landscape of the app its own handle, across distributed landscapes and stacks (e.g. 0x400000, which is free)');
  });

  test('an acknowledged finding is a result with a suppression carrying the reason', () => {
    const { results } = log().runs[0];
    expect(results.filter((r: any) => r.suppressions).map((r: any) => [r.ruleId, r.suppressions])).toEqual([
      ['SPX151', [{ kind: 'external', status: 'accepted', justification: 'lab hosts are re-imaged nightly; the bastion pins their keys' }]],
    ]);
  });

  test('stable fingerprints, different per finding', () => {
    const fingerprints = log().runs[0].results.map((r: any) => r.partialFingerprints['cdktfSpectrumFinding/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(JSON.parse(run('sarif').stdout).runs[0].results.map((r: any) => r.partialFingerprints['cdktfSpectrumFinding/v1'])).toEqual(fingerprints);
  });
});

describe('github', () => {
  test('one workflow command per finding with file, line and title, then the summary', () => {
    const lines = run('github').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^::error file=other\.out\/stacks\/other-team\/cdk\.tf\.json,line=\d+,title=SPX101 other-team\/north::landscape 'north' \(0x600000\)/);
    expect(lines[2]).toMatch(/^::warning file=cdktf\.out\/stacks\/solo-stack\/cdk\.tf\.json,line=\d+,title=SPX141 solo-stack\/solo::/);
    expect(lines[3]).toMatch(/^::notice file=cdktf\.out\/stacks\/solo-stack\/cdk\.tf\.json,line=\d+,title=SPX120 solo-stack\/solo\/primary::/);
    expect(lines[4]).toBe('2 errors, 1 warning, 1 note in 3 stacks (6 landscapes, 11 SpectroSERVERs, 1 OneClick server); 1 acknowledged by the policy');
    for (const line of lines.slice(0, 4)) {
      const [, file, lineNumber, title] = /file=([^,]+),line=(\d+),title=SPX\d+ ([^:]+)::/.exec(line)!;
      expect(lineOf(file, Number(lineNumber))).toContain(`"${title}"`);
    }
  });

  test('escapes what would end a command', () => {
    const { data, property } = formatGithub;
    expect(data('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(property('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('markdown', () => {
  const markdown = () => run('markdown').stdout;

  test('the verdict, then errors and warnings; notes folded away', () => {
    const text = markdown();
    expect(text.startsWith('### cdktf-spectrum check: :x: 2 errors, 1 warning\n')).toBe(true);
    expect(text).toContain('| :x: error | <code>SPX101</code> | <code>solo-stack</code> | <code>solo-stack/solo</code> | '
      + "landscape 'solo' (0x600000): handle 0x600000 is also used by 'other-team/north' (stack 'other-team')<br>**Fix:** give every landscape");
    expect(text).toContain('| :warning: warning | <code>SPX141</code> |');
    const notes = text.slice(text.indexOf('<details><summary>1 note</summary>'));
    expect(notes.slice(0, notes.indexOf('</details>'))).toContain('| :information_source: note | <code>SPX120</code> |');
  });

  test('the landscape table: handle, servers with precedence, standby mode', () => {
    expect(markdown()).toContain('| Stack | Landscape | Handle | Servers (precedence) | Standby |\n|---|---|---|---|---|\n'
      + '| <code>estate-stack</code> | <code>estate/master</code> master | <code>0x100000</code> | '
      + 'primary <code>mls-1.example.net</code> (10)<br>secondary <code>mls-2.example.net</code> (20) | HOT |\n');
    expect(markdown()).toContain('| <code>solo-stack</code> | <code>solo</code> | <code>0x600000</code> | primary <code>&#36;{var.hosts["solo-1"]}</code> (10) | WARM |');
  });

  test('cells cannot break the table or turn into math', () => {
    expect(escape('a | b\n<c> ${x} & $y$')).toBe('a &#124; b &lt;c&gt; &#36;{x} &amp; &#36;y&#36;');
    expect(code('`x`')).toBe('<code>&#96;x&#96;</code>');
  });

  test('acknowledged findings with their reason', () => {
    expect(markdown()).toContain('<details><summary>1 finding acknowledged by the policy</summary>');
    expect(markdown()).toContain('| <code>SPX151</code> | <code>solo-stack/lab</code> | every SpectroSERVER of landscape \'lab\' (0x700000): '
      + 'the SSH connection has no hostKey, so the host identity is not verified | lab hosts are re-imaged nightly; the bastion pins their keys |');
  });

  test('the Mermaid diagram has a node for every landscape, server and OneClick server, and every edge', () => {
    const text = markdown();
    const block = text.slice(text.indexOf('```mermaid\n') + 11, text.indexOf('\n```', text.indexOf('```mermaid')));
    const lines = block.split('\n');
    expect(lines[0]).toBe('flowchart TB');
    const nodes = new Map<string, string>();
    const edges: string[] = [];
    for (const line of lines.slice(1)) {
      const node = /^ *([a-z]+\d+)(?:\[\["(.*)"\]\]|\(\["(.*)"\]\)|\["(.*)"\])$/.exec(line);
      const edge = /^ {2}([a-z]+\d+) (-->|-\. standby \.->|== maps ==>|-- main location server -->) ([a-z]+\d+)$/.exec(line);
      if (/^ *subgraph [a-z]+\d+\["[^"]*"\]$/.test(line) || /^ *end$/.test(line)) continue;
      if (node) nodes.set(node[1], node[2] ?? node[3] ?? node[4]);
      else if (edge) edges.push(`${nodes.get(edge[1])!.split('<br/>').join(' / ')} ${edge[2]} ${nodes.get(edge[3])!.split('<br/>').join(' / ')}`);
      else throw new Error(`unexpected Mermaid line: ${line}`);
    }
    expect([...nodes.values()].map(label => label.split('<br/>').join(' / '))).toEqual([
      'master landscape estate/master / 0x100000 · HOT standby',
      'primary · precedence 10 / mls-1.example.net',
      'secondary · precedence 20 / mls-2.example.net',
      'landscape estate/east / 0x200000 · HOT standby',
      'primary · precedence 10 / east-1.example.net',
      'secondary · precedence 20 / east-2.example.net',
      'landscape estate/west / 0x300000 · HOT standby',
      'primary · precedence 10 / west-1.example.net',
      'secondary · precedence 20 / west-2.example.net',
      'OneClick console / console.example.net',
      'landscape lab / 0x700000 · HOT standby',
      'primary · precedence 10 / lab-1.example.net',
      'secondary · precedence 20 / lab-2.example.net',
      'landscape solo / 0x600000 · WARM standby',
      'primary · precedence 10 / ${var.hosts[#quot;solo-1#quot;]}',
      'landscape north / 0x600000 · HOT standby',
      'primary · precedence 10 / north-1.example.net',
      'secondary · precedence 20 / north-2.example.net',
    ]);
    expect(edges).toEqual([
      'master landscape estate/master / 0x100000 · HOT standby --> primary · precedence 10 / mls-1.example.net',
      'primary · precedence 10 / mls-1.example.net -. standby .-> secondary · precedence 20 / mls-2.example.net',
      'landscape estate/east / 0x200000 · HOT standby --> primary · precedence 10 / east-1.example.net',
      'primary · precedence 10 / east-1.example.net -. standby .-> secondary · precedence 20 / east-2.example.net',
      'landscape estate/west / 0x300000 · HOT standby --> primary · precedence 10 / west-1.example.net',
      'primary · precedence 10 / west-1.example.net -. standby .-> secondary · precedence 20 / west-2.example.net',
      'master landscape estate/master / 0x100000 · HOT standby == maps ==> landscape estate/east / 0x200000 · HOT standby',
      'master landscape estate/master / 0x100000 · HOT standby == maps ==> landscape estate/west / 0x300000 · HOT standby',
      'landscape lab / 0x700000 · HOT standby --> primary · precedence 10 / lab-1.example.net',
      'primary · precedence 10 / lab-1.example.net -. standby .-> secondary · precedence 20 / lab-2.example.net',
      'landscape solo / 0x600000 · WARM standby --> primary · precedence 10 / ${var.hosts[#quot;solo-1#quot;]}',
      'landscape north / 0x600000 · HOT standby --> primary · precedence 10 / north-1.example.net',
      'primary · precedence 10 / north-1.example.net -. standby .-> secondary · precedence 20 / north-2.example.net',
      'OneClick console / console.example.net -- main location server --> primary · precedence 10 / mls-1.example.net',
    ]);
  });
});
