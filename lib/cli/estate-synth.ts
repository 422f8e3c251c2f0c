import * as path from 'path';
import { UnusableInputError } from './errors';
import { displayPath } from './synth-reader';
import { App, TerraformStack } from '../constructs/cdktf-bridge';
import { SpectrumEstate, stackNameOf } from '../constructs/spectrum-estate';
import { EstateSource, readEstateFile } from '../estate/estate-document';
import { EstateError } from '../estate/estate-error';

/** What `synth` did: the stack written, or the problems that stopped it; warnings and notes either way. */
export interface SynthOutcome {
  readonly stack?: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * `cdktf-spectrum synth FILE --out DIR`: a cdktf app of one stack (named by
 * the file's `stack`, else its name) holding the file's estate, synthesized
 * into DIR as `cdktf synth` writes it (manifest.json, stacks/NAME/cdk.tf.json),
 * for teams that never write TypeScript. Errors of the file, of the rules
 * and of its policy are returned, all of them; an unreadable file throws
 * UnusableInputError.
 */
export function runEstateSynth(file: string, out: string, cwd: string): SynthOutcome {
  const shown = displayPath(path.resolve(cwd, file), cwd);
  let source: EstateSource;
  try {
    source = readEstateFile(path.resolve(cwd, file), shown);
  } catch (error) {
    if (!(error instanceof EstateError)) throw error;
    if (error.unusable) throw new UnusableInputError(error.problems[0]);
    return { errors: error.problems, warnings: [] };
  }
  const app = new App({ outdir: path.resolve(cwd, out), stackTraces: false });
  const name = stackNameOf(source.estate, shown);
  const stack = new TerraformStack(app, name);
  let estate: SpectrumEstate | undefined;
  try {
    estate = SpectrumEstate._fromSource(stack, 'estate', source);
    app.synth();
  } catch (error) {
    if (error instanceof EstateError) return { errors: error.problems, warnings: [] };
    const message = error instanceof Error ? error.message : String(error);
    // cdktf's validation error: a heading, one indented line per problem, and advice to skip validation (not ours to give).
    const lines = message.split('\n').map(line => line.trim()).filter(line => line !== '' && !/^Validation failed|skipValidation/.test(line));
    return { errors: lines.map(line => locatedInFile(line, estate)), warnings: [] };
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const construct of stack.node.findAll()) {
    for (const entry of construct.node.metadata) {
      const at = estate._locationOf(construct.node.path);
      const text = `${at === undefined ? '' : `${at}: `}${construct.node.path}: ${String(entry.data)}`;
      if (entry.type === '@cdktf/error') errors.push(text);
      else if (entry.type === '@cdktf/warn' || entry.type === '@cdktf/info') warnings.push(`${entry.type === '@cdktf/warn' ? 'warning' : 'note'} ${text}`);
    }
  }
  return { stack: name, errors, warnings };
}

/**
 * A rule's error line (`[stack] [SPX144] stack/estate/east: ...`) led by
 * where the estate file describes that construct (`estate.yaml:3:3: `), so
 * that the author finds the landscape the rule is about.
 */
function locatedInFile(line: string, estate: SpectrumEstate | undefined): string {
  const constructPath = /\[SPX\d+\] ([^\s:]+): /.exec(line)?.[1];
  const at = constructPath === undefined ? undefined : estate?._locationOf(constructPath);
  return at === undefined ? line : `${at}: ${line}`;
}
