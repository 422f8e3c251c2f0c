/**
 * An estate file or object that cannot be used: one line per problem, each
 * naming the file, line and column and the JSON pointer.
 */
export class EstateError extends Error {
  constructor(
    /** Every problem, one line each. */
    public readonly problems: readonly string[],
    /** True when the input is not an estate document at all (missing file, not YAML or JSON). */
    public readonly unusable: boolean,
  ) {
    super(problems.join('\n'));
    this.name = 'EstateError';
  }
}
