/** Reading what `app.synth()` wrote: every stack's cdk.tf.json under an outdir. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

/** Paths of every `stacks/<name>/cdk.tf.json` below `outdir`. */
export function stackFiles(outdir: string): string[] {
  const stacks = path.join(outdir, 'stacks');
  if (!existsSync(stacks)) return [];
  return readdirSync(stacks)
    .map(name => path.join(stacks, name, 'cdk.tf.json'))
    .filter(file => existsSync(file))
    .sort();
}

/** The parsed cdk.tf.json of every stack. */
export function readStacks(outdir: string): any[] {
  return stackFiles(outdir).map(file => JSON.parse(readFileSync(file, 'utf8')));
}

/** Every resource of a stack as [address `type.name`, body]. */
export function resourcesOf(stack: any): Array<[string, any]> {
  const out: Array<[string, any]> = [];
  for (const [type, byName] of Object.entries<any>(stack.resource ?? {})) {
    for (const [name, body] of Object.entries<any>(byName)) out.push([`${type}.${name}`, body]);
  }
  return out;
}

/** Resource count per type, over all stacks. */
export function resourceCounts(stacks: any[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const stack of stacks) {
    for (const [address] of resourcesOf(stack)) {
      const type = address.slice(0, address.indexOf('.'));
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

/** Bytes of provisioner content (every string under `provisioner`), over all stacks. */
export function provisionerBytes(stacks: any[]): number {
  let bytes = 0;
  const walk = (value: unknown): void => {
    if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const stack of stacks) for (const [, body] of resourcesOf(stack)) walk(body.provisioner);
  return bytes;
}
