/**
 * The one place where values become shell text. Every value that reaches a
 * generated script goes through `assign` (or `quote`):
 * - a literal (known at synth) is checked by its value kind and single-quoted;
 * - a token (known only when Terraform applies: a variable, another
 *   resource's attribute) reaches the script only as base64, which Terraform
 *   computes (`base64encode()`) and which cannot contain a quote, a line break
 *   or a here-document delimiter; the script decodes it, refuses NUL bytes and
 *   re-checks it with the kind's bash predicate before anything uses it.
 * Whatever a token holds, it is data: nothing of it can end a quoted string
 * or a here-document early, so nothing of it runs.
 *
 * Pure: knows nothing of cdktf (the cdktf layer fills `encoded`).
 */
import { ValueKind } from './value-checks';

/** A value as the plan sees it: literal text, or a token resolved by Terraform. */
export interface ShellValue {
  readonly text: string;
  readonly isToken: boolean;
  /**
   * For tokens: a Terraform expression (as token text) that yields the value
   * in base64, e.g. `${base64encode(var.host)}`. Required for a token that
   * reaches a script.
   */
  readonly encoded?: string;
}

/** A literal value. */
export function literal(text: string): ShellValue {
  return { text, isToken: false };
}

/** POSIX single quoting: the result is one word whatever `text` holds. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, '\'\\\'\'')}'`;
}

/**
 * The statement written instead of an assignment whose literal value failed
 * its check. Such a value is already an error of a synth-time rule, so this
 * only shows when validation was skipped: the script then refuses to run,
 * and the rejected value never reaches the shell.
 */
export function refusal(name: string, why: string): string {
  return `{ printf 'cdktf-spectrum: %s was rejected at synth time (%s); run cdktf synth with validation to see the rule that failed\\n' ${quote(name)} ${quote(why)} >&2; exit 1; }`;
}

function requireVariableName(name: string): void {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) {
    throw new Error(`cdktf-spectrum internal error: '${name}' is not a shell variable name`);
  }
}

/** The base64 text of a token, as it is pasted into a script: inside single quotes, where base64 is inert. */
function encodedOf(name: string, value: ShellValue): string {
  if (value.encoded === undefined) {
    throw new Error(`cdktf-spectrum internal error: token value for ${name} has no base64 form`);
  }
  return quote(value.encoded);
}

/**
 * `NAME=<value>` as shell statements that leave NAME holding a value of
 * `kind`, or make the script fail (naming NAME and the kind) before anything
 * else runs. Token values need the prelude's `decode_value` and the kind's
 * predicate (SCRIPT_PRELUDE_BASE defines both).
 */
export function assign(name: string, value: ShellValue, kind: ValueKind): string {
  requireVariableName(name);
  if (value.isToken) {
    return `decode_value ${name} ${encodedOf(name, value)}\nrequire_value ${name} ${kind.bashPredicate} ${quote(kind.description)}`;
  }
  if (/[\r\n\0]/.test(value.text)) return refusal(name, 'values must be single-line');
  if (!kind.test(value.text)) return refusal(name, `not ${kind.description}`);
  return `${name}=${quote(value.text)}`;
}

/**
 * `NAME=<lines>`: a newline-separated list (e.g. the hosts of `.hostrc`),
 * each line of `kind`. Literal lines are checked here; a token (one value
 * that Terraform expands to several lines) is decoded and every line of it
 * re-checked by the script. Empty lines are allowed and mean nothing.
 */
export function assignLines(name: string, values: readonly ShellValue[], kind: ValueKind): string {
  requireVariableName(name);
  const statements: string[] = [`${name}=''`];
  values.forEach((value, index) => {
    if (value.isToken) {
      const part = `${name}_PART_${index}`;
      statements.push(`decode_value ${part} ${encodedOf(name, value)}`);
      statements.push(`require_lines ${part} ${kind.bashPredicate} ${quote(kind.description)} ${name}`);
      statements.push(`${name}+="$${part}"$'\\n'`);
    } else if (/[\r\n\0]/.test(value.text) || !kind.test(value.text)) {
      statements.push(refusal(name, `every line must be ${kind.description}`));
    } else {
      statements.push(`${name}+=${quote(value.text)}$'\\n'`);
    }
  });
  return statements.join('\n');
}

/**
 * A quoted here-document feeding `lines` to `command` (e.g. `cat > file`),
 * for the library's own constant text. A line that is not single-line (or is
 * the delimiter) makes the script refuse to run instead.
 */
export function heredoc(command: string, delimiter: string, lines: readonly string[]): string {
  for (const line of lines) {
    if (/[\r\n\0]/.test(line) || line === delimiter) return refusal('here-document line', 'lines must be single-line');
  }
  return [`${command} <<'${delimiter}'`, ...lines, delimiter].join('\n');
}

/** `a-b_c`: a name safe in file names and identifiers, derived from any text. */
export function safeName(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned.length > 0 ? cleaned : 'x';
}
