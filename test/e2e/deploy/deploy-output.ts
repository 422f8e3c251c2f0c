/**
 * Reading what a `cdktf deploy` printed and what it left on the hosts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CommandResult } from './cdktf-project';

const HOSTRC_BEGIN = '# BEGIN cdktf-spectrum managed hosts';
const HOSTRC_END = '# END cdktf-spectrum';

/** Fails with the command's error lines and last output, so a failed deploy explains itself. */
export function expectSuccess(result: CommandResult): void {
  if (result.code === 0) return;
  const errors = result.output.split('\n').filter(line => /ERROR|Error|error:|failed|FAILED/.test(line) && !line.includes('Executing:')).slice(0, 40).join('\n');
  throw new Error(`exit code ${result.code}; errors:\n${errors}\noutput ends with:\n${result.output.slice(-3000)}`);
}

/** Every file under `dir` (recursively), for secret and leftover checks. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** The hosts listed in the managed block of a `.hostrc`. */
export function managedHosts(hostrc: string): string[] {
  const lines = fs.readFileSync(hostrc, 'utf8').split('\n');
  const begin = lines.findIndex(l => l.startsWith(HOSTRC_BEGIN));
  const end = lines.findIndex(l => l.startsWith(HOSTRC_END));
  if (begin < 0 || end < begin) throw new Error(`${hostrc} has no cdktf-spectrum managed block`);
  return lines.slice(begin + 1, end);
}

/**
 * One Terraform progress line of a deploy, e.g. `Creation complete`. Which
 * stack printed it is not kept: cdktf names the stack only on the first of
 * consecutive lines, and construct paths tell the stacks apart anyway.
 */
export interface ResourceEvent {
  /** Construct path of the resource, e.g. `spectrum/secondary/load`. */
  readonly path: string;
  /** `Creating...`, `Creation complete`, `Destroying...`, `Destruction complete`. */
  readonly action: string;
  /** Index of the line in the output: the order Terraform printed them in. */
  readonly line: number;
}

const PROGRESS = /terraform_data\.\S+ \(([^)]+)\): (Creating\.\.\.|Creation complete|Destroying\.\.\.|Destruction complete)/;

/** Terraform's progress lines of a deploy, in the order printed. */
export function resourceEvents(result: CommandResult): ResourceEvent[] {
  return result.output.split('\n').flatMap((text, line) => {
    const m = PROGRESS.exec(text);
    return m ? [{ path: m[1], action: m[2], line }] : [];
  });
}

/** Construct paths of the resources a deploy completed `action` on (e.g. created: new or replaced), sorted. */
export function pathsWith(result: CommandResult, action: ResourceEvent['action']): string[] {
  return resourceEvents(result).filter(e => e.action === action).map(e => e.path).sort();
}
