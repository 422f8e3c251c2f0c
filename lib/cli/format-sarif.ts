import { createHash } from 'crypto';
import { pathToFileURL } from 'url';
import { lineLookupOf } from './locations';
import { CheckReport } from './report';
import { helpOf } from './rule-help';
import { SynthesizedStack } from './synth-reader';
import { Finding, Severity } from '../model/finding';
import { KNOWN_RULES } from '../policy/known-rules';
import { SuppressedFinding } from '../policy/policy';

/** Where the project lives, for code-scanning tools. */
const INFORMATION_URI = 'https://github.com/cdktf-spectrum/cdktf-spectrum';
const SRCROOT = '%SRCROOT%';

const LEVEL: { readonly [severity in Severity]: string } = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM_SEVERITY: { readonly [severity in Severity]: string } = { error: 'error', warning: 'warning', info: 'recommendation' };

/**
 * `--format sarif`: a SARIF 2.1.0 log for code scanning (e.g.
 * github/codeql-action/upload-sarif). The driver lists every rule,
 * optional rule and change kind with its description and help; each result
 * points at the stack's `cdk.tf.json` (relative to the working directory,
 * with the line of the construct's metadata) and names the construct path
 * as its logical location. Acknowledged findings are results with a
 * suppression that carries the reason.
 */
export function formatSarif(report: CheckReport, cwd: string): string {
  const ruleIndex = new Map(KNOWN_RULES.map((rule, i) => [rule.id, i] as const));
  const stacks = new Map(report.stacks.map(stack => [stack.name, stack] as const));
  const result = (finding: Finding, suppressed?: SuppressedFinding) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}; fix: ${finding.fix}` },
    locations: [location(finding, stacks.get(finding.stack))],
    partialFingerprints: {
      'cdktfSpectrumFinding/v1': createHash('sha256').update(`${finding.ruleId}\u0000${finding.path}\u0000${finding.message}`).digest('hex'),
    },
    properties: { stack: finding.stack, constructPath: finding.path, fix: finding.fix },
    ...(suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: suppressed.reason }] } : {}),
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdktf-spectrum',
          version: report.version,
          semanticVersion: report.version,
          informationUri: INFORMATION_URI,
          rules: KNOWN_RULES.map(rule => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            fullDescription: { text: rule.description },
            help: { text: helpOf(rule.id, rule.description), markdown: `**${rule.id}** ${helpOf(rule.id, rule.description)}` },
            defaultConfiguration: { level: LEVEL[rule.severity] },
            properties: { 'tags': ['spectrum', rule.origin], 'precision': 'very-high', 'problem.severity': PROBLEM_SEVERITY[rule.severity] },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results: [...report.findings.map(f => result(f)), ...report.suppressed.map(f => result(f, f))],
    }],
  };
  return `${JSON.stringify(log, undefined, 2)}\n`;
}

function location(finding: Finding, stack: SynthesizedStack | undefined) {
  const logical = { logicalLocations: [{ fullyQualifiedName: finding.path, kind: 'resource' }] };
  if (!stack) return logical;
  const relative = !stack.file.startsWith('/') && !/^[A-Za-z]:/.test(stack.file);
  return {
    physicalLocation: {
      artifactLocation: relative ? { uri: encodeURI(stack.file), uriBaseId: SRCROOT } : { uri: pathToFileURL(stack.file).href },
      region: { startLine: lineLookupOf(stack)(finding.path) ?? 1 },
    },
    ...logical,
  };
}
