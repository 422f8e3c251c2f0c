/**
 * Every way the input of `cdktf-spectrum check` can be unusable, in one
 * place: each is one clear line naming the file and what to do, and makes
 * the command exit with 2. Never a stack trace.
 */
export class UnusableInputError extends Error {
  /** Exit code of unusable input. */
  public readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

/** The cdktf minor version whose output this release reads. */
export const SUPPORTED_CDKTF = '0.21';

export function missingDirectory(dir: string): UnusableInputError {
  return new UnusableInputError(`${dir}: no such directory; run 'cdktf synth' first, or name the directory it wrote (default cdktf.out)`);
}

export function notADirectory(dir: string): UnusableInputError {
  return new UnusableInputError(`${dir}: not a directory; name the directory 'cdktf synth' wrote (default cdktf.out)`);
}

export function noStacks(dir: string): UnusableInputError {
  return new UnusableInputError(`${dir}: no synthesized stacks (neither manifest.json nor stacks/*/cdk.tf.json); run 'cdktf synth' first`);
}

export function unreadable(file: string, reason: string): UnusableInputError {
  return new UnusableInputError(`${file}: cannot be read (${reason})`);
}

export function invalidJson(file: string, detail: string): UnusableInputError {
  return new UnusableInputError(`${file}: not valid JSON (${detail}); synthesize again with 'cdktf synth'`);
}

export function notAStack(file: string, what: string): UnusableInputError {
  return new UnusableInputError(`${file}: not a stack synthesized by cdktf (${what}); synthesize again with 'cdktf synth'`);
}

export function badManifest(file: string, what: string): UnusableInputError {
  return new UnusableInputError(`${file}: not a cdktf manifest (${what}); synthesize again with 'cdktf synth'`);
}

export function manifestStackMissing(manifest: string, stack: string, file: string): UnusableInputError {
  return new UnusableInputError(`${manifest}: stack '${stack}' is listed but ${file} does not exist; synthesize again with 'cdktf synth'`);
}

export function incompatibleCdktf(file: string, version: string): UnusableInputError {
  return new UnusableInputError(
    `${file}: synthesized by cdktf ${version}, but cdktf-spectrum reads the output of cdktf ${SUPPORTED_CDKTF}.x; `
    + `synthesize with cdktf ${SUPPORTED_CDKTF} (the version cdktf-spectrum depends on)`);
}

export function incompatibleMetadata(file: string, schema: unknown, supported: number): UnusableInputError {
  return new UnusableInputError(
    `${file}: its cdktf-spectrum metadata has schema ${JSON.stringify(schema)}, but this cdktf-spectrum reads schema ${supported}; `
    + 'check with the cdktf-spectrum version the stack was synthesized with');
}

export function malformedMetadata(file: string, pointer: string, expected: string): UnusableInputError {
  return new UnusableInputError(`${file}: cdktf-spectrum metadata ${pointer} must be ${expected}; synthesize again with 'cdktf synth'`);
}

export function duplicateStack(stack: string, first: string, second: string): UnusableInputError {
  return new UnusableInputError(`stack '${stack}' is synthesized twice, in ${first} and ${second}; check each app's output once (rename one of the stacks)`);
}

export function usage(message: string): UnusableInputError {
  return new UnusableInputError(`${message}; see 'cdktf-spectrum check --help'`);
}

export function cannotWrite(file: string, reason: string): UnusableInputError {
  return new UnusableInputError(`${file}: cannot write the report (${reason})`);
}

/** The message of a Node.js file-system error without its stack: `ENOENT`, `EACCES`, ... */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

