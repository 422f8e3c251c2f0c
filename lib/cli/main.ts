import * as fs from 'fs';
import * as path from 'path';
import { Format, HELP, parseArgs, SchemaName } from './args';
import { runCheck, toolVersion } from './check';
import { cannotWrite, reasonOf, UnusableInputError } from './errors';
import { formatGithub } from './format-github';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { formatJson, REPORT_SCHEMA } from './json-report';
import { CheckReport, exitCodeOf, summaryLine } from './report';
import { estateSchema } from '../estate/estate-schema';
import { policySchema } from '../policy/policy-schema';

/** Where the command reads and writes: the process, or a test. */
export interface CliIo {
  /** Working directory: relative paths are resolved against it and shown relative to it. */
  readonly cwd: string;
  /** Environment (CDKTF_SPECTRUM_DEBUG=1 prints stack traces of internal errors). */
  readonly env?: { readonly [name: string]: string | undefined };
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(file: string, text: string): void;
}

/** The real process's input and output. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    writeFile: (file, text) => fs.writeFileSync(file, text),
    env: process.env,
  };
}

/**
 * `cdktf-spectrum`: runs the command line `argv` (without `node` and the
 * script) and returns the exit code: 0 clean or warnings only, 1 errors,
 * 2 unusable input (with one clear line per problem on standard error,
 * never a stack trace).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${toolVersion()}\n`);
        return 0;
      case 'schema':
        emit(io, `${JSON.stringify(schemaOf(command.schema), undefined, 2)}\n`, command.output);
        return 0;
      case 'check': {
        const report = runCheck({ directories: command.directories, policyFile: command.policy, baseline: command.baseline, cwd: io.cwd });
        const text = render(report, command.format, io.cwd);
        if (command.output !== undefined) {
          emit(io, text, command.output);
          io.stdout(`cdktf-spectrum: ${summaryLine(report)}; ${command.format} report written to ${command.output}\n`);
        } else {
          io.stdout(text);
        }
        return exitCodeOf(report);
      }
    }
  } catch (error) {
    if (error instanceof UnusableInputError) {
      io.stderr(error.message.split('\n').map(line => `cdktf-spectrum: ${line}\n`).join(''));
      return error.exitCode;
    }
    const debug = io.env?.CDKTF_SPECTRUM_DEBUG === '1';
    const detail = debug && error instanceof Error && error.stack ? error.stack : error instanceof Error ? error.message : String(error);
    io.stderr(`cdktf-spectrum: internal error: ${detail}\n`
      + (debug ? '' : 'cdktf-spectrum: set CDKTF_SPECTRUM_DEBUG=1 for the stack trace, and please report it\n'));
    return 2;
  }
}

/** The report in `format`. */
export function render(report: CheckReport, format: Format, cwd: string): string {
  switch (format) {
    case 'text': return formatText(report);
    case 'json': return formatJson(report);
    case 'sarif': return formatSarif(report, cwd);
    case 'markdown': return formatMarkdown(report);
    case 'github': return formatGithub(report);
  }
}

function schemaOf(name: SchemaName): unknown {
  switch (name) {
    case 'estate': return estateSchema();
    case 'policy': return policySchema();
    case 'report': return REPORT_SCHEMA;
  }
}

function emit(io: CliIo, text: string, output: string | undefined): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  try {
    io.writeFile(path.resolve(io.cwd, output), text);
  } catch (error) {
    throw cannotWrite(output, reasonOf(error));
  }
}

/** Entry point of bin/cdktf-spectrum. */
export function cli(): void {
  void main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
