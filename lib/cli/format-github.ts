import { lineLookupOf } from './locations';
import { CheckReport, summaryLine } from './report';
import { Severity } from '../model/finding';

const COMMAND: { readonly [severity in Severity]: string } = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `--format github`: GitHub Actions workflow commands, one per finding
 * (`::error file=...,line=...,title=SPX101 <path>::<message>; fix: <fix>`,
 * `::warning`, `::notice` for notes), then the summary as plain text. The
 * runner turns them into annotations on the run and the pull request.
 */
export function formatGithub(report: CheckReport): string {
  const stacks = new Map(report.stacks.map(stack => [stack.name, stack] as const));
  const lines: string[] = [];
  for (const finding of report.findings) {
    const stack = stacks.get(finding.stack);
    const properties = [
      ...(stack ? [`file=${property(stack.file)}`, `line=${lineLookupOf(stack)(finding.path) ?? 1}`] : []),
      `title=${property(`${finding.ruleId} ${finding.path}`)}`,
    ];
    lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${data(`${finding.message}; fix: ${finding.fix}`)}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** A workflow command's message: `%`, CR and LF escaped. */
export function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`. */
export function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
