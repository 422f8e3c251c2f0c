/**
 * Bash text written in TypeScript template literals: `${` would start a
 * substitution there, so the sources write bash's parameter expansion as
 * `$\{...}` and this turns it back. Used with String.raw.
 */
export function bashText(text: string): string {
  return text.replace(/\$\\\{/g, '${');
}
