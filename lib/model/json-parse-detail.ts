/**
 * Why and where `JSON.parse` failed, for messages of the CLI and the policy
 * loader alike. Pure.
 */

/** `line L, column C` of offset `position` in `text` (JSON.parse reports offsets). */
export function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** Where and why JSON.parse failed, as `line L, column C: <reason>`. */
export function jsonParseDetail(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const reason = message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/^JSON\.parse: /, '');
  if (position) return `${lineAndColumn(text, Number(position[1]))}: ${reason}`;
  if (/Unexpected end of JSON input/.test(message)) return `${lineAndColumn(text, text.length)}: unexpected end of input`;
  return reason;
}
