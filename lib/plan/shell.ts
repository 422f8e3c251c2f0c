/**
 * The one place where values become shell text. Every value that reaches a
 * generated script goes through `assign` (or `quote`): literals are checked
 * by the caller's predicate and single-quoted; tokens (known only when
 * Terraform applies) are passed through a quoted here-document, so the shell
 * never interprets them, and the script re-validates them at run time.
 *
 * Pure: knows nothing of cdktf.
 */

/** A value as the plan sees it: literal text, or a token resolved by Terraform. */
export interface ShellValue {
  readonly text: string;
  readonly isToken: boolean;
}

/** Delimiter of value here-documents; a value never spans lines, so it cannot end one early. */
const VALUE_DELIMITER = 'CDKTF_SPECTRUM_VALUE';

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

/**
 * `NAME=<value>` as one shell statement. `check` validates literal values
 * (defence in depth behind the synth-time rules); token values are always
 * single-line here-documents, re-validated by the script where it matters.
 */
export function assign(name: string, value: ShellValue, check?: (text: string) => boolean, why = 'not a valid value'): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) {
    throw new Error(`cdktf-spectrum internal error: '${name}' is not a shell variable name`);
  }
  if (value.isToken) {
    return `${name}=$(cat <<'${VALUE_DELIMITER}'\n${value.text}\n${VALUE_DELIMITER}\n)`;
  }
  if (/[\r\n\0]/.test(value.text)) return refusal(name, 'values must be single-line');
  if (check && !check(value.text)) return refusal(name, why);
  return `${name}=${quote(value.text)}`;
}

/**
 * A quoted here-document feeding `lines` to `command` (e.g. `cat > file`).
 * A line that is not single-line (or is the delimiter) makes the script
 * refuse to run instead.
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
