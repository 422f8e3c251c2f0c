import { isAscii } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import {
  badManifest, duplicateStack, incompatibleCdktf, incompatibleMetadata, invalidJson, manifestStackMissing,
  missingDirectory, noStacks, notADirectory, notAStack, reasonOf, SUPPORTED_CDKTF, unreadable,
} from './errors';
import { jsonParseDetail } from '../model/json-parse-detail';
import { METADATA_KEY, METADATA_SCHEMA } from '../model/metadata-format';
import { SynthesizedResource, SynthesizedStack } from '../review/synthesized-stack';

export type { SynthesizedResource, SynthesizedStack } from '../review/synthesized-stack';

/** Every stack of one or more synth output directories. */
export interface SynthOutput {
  readonly directories: readonly string[];
  readonly stacks: readonly SynthesizedStack[];
}

export interface ReadOptions {
  /** Also collect every resource's address, construct path and triggers (for `--baseline`). */
  readonly withResources?: boolean;
}

/** Paths as shown to people: relative to `cwd` when inside it, always with `/`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

/**
 * Reads every stack of the synth output directories `dirs` (resolved
 * against `cwd`): the stacks `manifest.json` lists, or without a manifest
 * every `stacks/<name>/cdk.tf.json` (a directory holding `cdk.tf.json`
 * itself is one stack). Each file is parsed once. Throws
 * UnusableInputError (exit 2) for anything it cannot use.
 */
export function readSynth(dirs: readonly string[], cwd: string, options: ReadOptions = {}): SynthOutput {
  const stacks: SynthesizedStack[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    for (const stack of readDirectory(path.resolve(cwd, dir), dir, cwd, options.withResources ?? false)) {
      const first = seen.get(stack.name);
      if (first !== undefined) throw duplicateStack(stack.name, first, stack.file);
      seen.set(stack.name, stack.file);
      stacks.push(stack);
    }
  }
  return { directories: dirs, stacks };
}

function readDirectory(dir: string, given: string, cwd: string, withResources: boolean): SynthesizedStack[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw missingDirectory(given);
  }
  if (!stat.isDirectory()) throw notADirectory(given);

  const manifestFile = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    return stackFilesOfManifest(manifestFile, dir, cwd).map(file => readStack(file, cwd, withResources));
  }
  if (fs.existsSync(path.join(dir, 'cdk.tf.json'))) return [readStack(path.join(dir, 'cdk.tf.json'), cwd, withResources)];
  const stacksDir = path.join(dir, 'stacks');
  const files = fs.existsSync(stacksDir)
    ? fs.readdirSync(stacksDir).sort().map(name => path.join(stacksDir, name, 'cdk.tf.json')).filter(file => fs.existsSync(file))
    : [];
  if (files.length === 0) throw noStacks(given);
  return files.map(file => readStack(file, cwd, withResources));
}

function stackFilesOfManifest(manifestFile: string, dir: string, cwd: string): string[] {
  const shown = displayPath(manifestFile, cwd);
  const manifest = parseJsonFile(manifestFile, shown);
  if (!isObject(manifest) || !isObject(manifest.stacks)) throw badManifest(shown, 'it has no "stacks" object');
  if (typeof manifest.version === 'string') checkCdktfVersion(shown, manifest.version);
  const files: string[] = [];
  for (const [name, entry] of Object.entries(manifest.stacks)) {
    if (!isObject(entry) || typeof entry.synthesizedStackPath !== 'string') {
      throw badManifest(shown, `stack '${name}' has no synthesizedStackPath`);
    }
    const file = path.resolve(dir, entry.synthesizedStackPath);
    if (!fs.existsSync(file)) throw manifestStackMissing(shown, name, displayPath(file, cwd));
    files.push(file);
  }
  if (files.length === 0) throw noStacks(displayPath(dir, cwd));
  return files;
}

function readStack(absoluteFile: string, cwd: string, withResources: boolean): SynthesizedStack {
  const file = displayPath(absoluteFile, cwd);
  const { json, text } = parseJsonFileWithText(absoluteFile, file);
  if (!isObject(json)) throw notAStack(file, 'it is not a JSON object');
  const header = json['//'];
  const metadata = isObject(header) ? header.metadata : undefined;
  if (!isObject(metadata)) throw notAStack(file, 'it has no "//".metadata block');
  if (typeof metadata.version !== 'string') throw notAStack(file, 'its "//".metadata has no cdktf version');
  checkCdktfVersion(file, metadata.version);
  const name = typeof metadata.stackName === 'string' ? metadata.stackName : path.basename(path.dirname(absoluteFile));

  const block = metadata[METADATA_KEY];
  let spectrum: { [section: string]: unknown } | undefined;
  if (block !== undefined) {
    if (!isObject(block)) throw incompatibleMetadata(file, block, METADATA_SCHEMA);
    if (block.schema !== METADATA_SCHEMA) throw incompatibleMetadata(file, block.schema, METADATA_SCHEMA);
    spectrum = block;
  }
  const locals = isObject(json.locals) ? json.locals : {};
  const resources = withResources ? resourcesOf(json.resource) : [];
  const variableDefaults: { [name: string]: unknown } = {};
  if (isObject(json.variable)) {
    for (const [variable, declaration] of Object.entries(json.variable)) {
      if (isObject(declaration) && declaration.default !== undefined) variableDefaults[variable] = declaration.default;
    }
  }
  return { name, file, cdktfVersion: metadata.version, spectrum, resources, locals, text, variableDefaults };
}

function checkCdktfVersion(file: string, version: string): void {
  const [major, minor] = version.split('.');
  if (`${major}.${minor}` !== SUPPORTED_CDKTF) throw incompatibleCdktf(file, version);
}

/** Every resource with a construct path; one pass over `resource`. */
function resourcesOf(section: unknown): SynthesizedResource[] {
  const resources: SynthesizedResource[] = [];
  if (!isObject(section)) return resources;
  for (const [type, byName] of Object.entries(section)) {
    if (!isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (!isObject(body)) continue;
      const meta = isObject(body['//']) ? body['//'].metadata : undefined;
      if (!isObject(meta) || typeof meta.path !== 'string') continue;
      resources.push({ address: `${type}.${name}`, path: meta.path, triggers: body.triggers_replace ?? body.triggers });
    }
  }
  return resources;
}

function parseJsonFile(file: string, shown: string): unknown {
  return parseJsonFileWithText(file, shown).json;
}

/**
 * A file's text. Synthesized JSON is almost always pure ASCII, and decoding
 * ASCII as latin1 gives the same string at a fraction of the cost of UTF-8
 * decoding, which dominates reading a 50 MB stack.
 */
function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function parseJsonFileWithText(file: string, shown: string): { json: unknown; text: string } {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    throw unreadable(shown, reasonOf(error));
  }
  try {
    return { json: JSON.parse(text), text };
  } catch (error) {
    throw invalidJson(shown, jsonParseDetail(text, error));
  }
}

export function isObject(value: unknown): value is { [key: string]: any } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
