import { usage } from './errors';

/** The report formats of `check` and `validate`. */
export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
export type Format = typeof FORMATS[number];

/** `-f/--format FORMAT`, checked. */
export function formatOption(given: string): Format {
  if (!(FORMATS as readonly string[]).includes(given)) throw usage(`--format must be one of ${FORMATS.join(', ')}, not '${given}'`);
  return given as Format;
}

/** `--name` given once: its value; given again: a usage error. */
export function once(name: string, previous: string | undefined, value: string): string {
  if (previous !== undefined) throw usage(`${name} given twice`);
  return value;
}

/**
 * `--name value`, `--name=value`, `-n value` and positional arguments (everything after
 * `--` is positional).
 */
export class OptionReader {
  private index = 0;
  private positionalOnly = false;

  constructor(private readonly args: readonly string[]) {}

  public more(): boolean {
    return this.index < this.args.length;
  }

  public next(): { name?: string; value?: string } {
    const arg = this.args[this.index++];
    if (this.positionalOnly || !arg.startsWith('-') || arg === '-') return { value: arg };
    if (arg === '--') {
      this.positionalOnly = true;
      return {};
    }
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals > 0) return { name: arg.slice(0, equals), value: arg.slice(equals + 1) };
    return { name: arg };
  }

  /** The option's value: given with `=`, or the next argument. */
  public value(name: string, inline: string | undefined): string {
    if (inline !== undefined) {
      if (inline === '') throw usage(`${name} needs a value`);
      return inline;
    }
    const value = this.args[this.index];
    if (value === undefined || (value.startsWith('-') && value !== '-')) throw usage(`${name} needs a value`);
    this.index++;
    return value;
  }
}
