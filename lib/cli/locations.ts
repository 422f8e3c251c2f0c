import { SynthesizedStack } from './synth-reader';
import { METADATA_KEY } from '../model/metadata-format';

/** Line numbers of construct paths in one stack's `cdk.tf.json`. */
export type LineLookup = (path: string) => number | undefined;

const lookups = new WeakMap<SynthesizedStack, LineLookup>();

/**
 * Where a construct appears in a stack's `cdk.tf.json`: the line of its
 * entry in the cdktf-spectrum metadata (a landscape, distributed landscape
 * or OneClick server), or of its `"path"` field (a server inside a
 * landscape). Built once per stack, lazily, by one pass over the metadata
 * block's lines only (not the whole file).
 */
export function lineLookupOf(stack: SynthesizedStack): LineLookup {
  let lookup = lookups.get(stack);
  if (!lookup) {
    const lines = indexLines(stack.text);
    lookup = path => lines.get(path);
    lookups.set(stack, lookup);
  }
  return lookup;
}

/** Registers the line lookup of a stack that is not a `cdk.tf.json` (an estate file checked by `validate`). */
export function useLineLookup(stack: SynthesizedStack, lookup: LineLookup): void {
  lookups.set(stack, lookup);
}

const ENTRY = /^(\s*)"((?:[^"\\]|\\.)*)": \{$/;
const PATH_FIELD = /^\s*"path": "((?:[^"\\]|\\.)*)",?$/;

function indexLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const start = text.indexOf(`"${METADATA_KEY}": {`);
  if (start < 0) return lines;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
  let offset = text.lastIndexOf('\n', start) + 1;
  const blockIndent = start - offset;
  for (;;) {
    const end = text.indexOf('\n', offset);
    const current = text.slice(offset, end < 0 ? text.length : end);
    if (offset > start && /^\s*\}/.test(current) && indentOf(current) <= blockIndent) break;
    const entry = ENTRY.exec(current);
    if (entry && entry[2].includes('/')) {
      remember(lines, entry[2], line);
    } else {
      const field = PATH_FIELD.exec(current);
      if (field) remember(lines, field[1], line);
    }
    if (end < 0) break;
    offset = end + 1;
    line++;
  }
  return lines;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function remember(lines: Map<string, number>, escaped: string, line: number): void {
  let path: string;
  try {
    path = JSON.parse(`"${escaped}"`);
  } catch {
    return;
  }
  if (!lines.has(path)) lines.set(path, line);
}
