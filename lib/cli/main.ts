import * as fs from 'fs';
import * as path from 'path';
import { Format, HELP, parseArgs, SchemaName } from './args';
import { runCheck, toolVersion } from './check';
import { cannotWrite, reasonOf, UnusableInputError } from './errors';
import { runEstateSynth } from './estate-synth';
import { data, formatGithub, property } from './format-github';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { runImportAnsible } from './import-ansible';
import { formatJson } from './json-report';
import { CheckReport, exitCodeOf, summaryLine } from './report';
import { REPORT_SCHEMA } from './report-schema';
import { runValidate } from './validate';
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
        const report = runCheck({
          directories: command.directories, policyFile: command.policy, baseline: command.baseline, varFiles: command.varFiles, cwd: io.cwd,
        });
        return report_(io, report, command.format, command.output);
      }
      case 'validate': {
        const outcome = runValidate({ files: command.files, policyFile: command.policy, varFiles: command.varFiles, cwd: io.cwd });
        if (outcome.kind === 'report') return report_(io, outcome.report, command.format, command.output);
        if (command.format === 'github') io.stdout(outcome.problems.map(githubError).join(''));
        else io.stderr(outcome.problems.map(line => `cdktf-spectrum: ${line}\n`).join(''));
        io.stderr(`cdktf-spectrum: ${outcome.problems.length} ${outcome.problems.length === 1 ? 'problem' : 'problems'} in the estate files; the rules did not run\n`);
        return 1;
      }
      case 'synth': {
        const outcome = runEstateSynth(command.file, command.out, io.cwd);
        io.stderr(outcome.warnings.map(line => `cdktf-spectrum: ${line}\n`).join(''));
        io.stderr(outcome.errors.map(line => `cdktf-spectrum: error ${line}\n`).join(''));
        if (outcome.errors.length > 0 || outcome.stack === undefined) {
          io.stderr(`cdktf-spectrum: ${command.file} was not synthesized (${outcome.errors.length} ${outcome.errors.length === 1 ? 'error' : 'errors'})\n`);
          return 1;
        }
        io.stdout(`cdktf-spectrum: synthesized stack '${outcome.stack}' of ${command.file} into ${command.out}\n`);
        return 0;
      }
      case 'import': {
        const outcome = runImportAnsible(command.inventory, io.cwd);
        emit(io, outcome.text, command.output);
        io.stderr(outcome.report.map(line => `cdktf-spectrum import: ${line}\n`).join(''));
        if (command.output !== undefined) io.stdout(`cdktf-spectrum: estate written to ${command.output}; check it with cdktf-spectrum validate ${command.output}\n`);
        return 0;
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

/** Prints (or writes) the report and returns its exit code. */
function report_(io: CliIo, report: CheckReport, format: Format, output: string | undefined): number {
  const text = render(report, format, io.cwd);
  if (output !== undefined) {
    emit(io, text, output);
    io.stdout(`cdktf-spectrum: ${summaryLine(report)}; ${format} report written to ${output}\n`);
  } else {
    io.stdout(text);
  }
  return exitCodeOf(report);
}

/** `file:line:column: message` as a GitHub Actions error annotation. */
function githubError(problem: string): string {
  const match = /^(.+?):(\d+):(\d+): (.*)$/.exec(problem);
  if (!match) return `::error::${data(problem)}\n`;
  return `::error file=${property(match[1])},line=${match[2]},col=${match[3]}::${data(match[4])}\n`;
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
