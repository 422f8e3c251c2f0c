import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';

/** A parsed `cdk.tf.json`. */
export type Synthesized = {
  'resource': { [type: string]: { [logicalId: string]: any } };
  'locals'?: { [name: string]: any };
  'provider'?: { [name: string]: any };
  'variable'?: { [name: string]: any };
  '//'?: any;
};

/** One synthesized step resource with its construct path. */
export interface SynthesizedStep {
  readonly type: string;
  readonly logicalId: string;
  readonly path: string;
  readonly body: any;
}

/** Builds a stack with `build` and returns its synthesized JSON (validations run). */
export function synthStack(build: (stack: TerraformStack, app: App) => void, options: { validate?: boolean } = {}): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack, app);
  // Testing.synth runs aspects and (asked to) validations but strips the `//`
  // metadata that tells a resource's construct path; toTerraform keeps it.
  Testing.synth(stack, options.validate ?? true);
  return JSON.parse(JSON.stringify(stack.toTerraform()));
}

/** Sensitive variables standing in for the secrets (tokens, as SPX150 requires). */
export function secrets(stack: TerraformStack): { password: string; key: string } {
  return {
    password: new TerraformVariable(stack, 'owner_password', { type: 'string', sensitive: true }).stringValue,
    key: new TerraformVariable(stack, 'ssh_key', { type: 'string', sensitive: true }).stringValue,
  };
}

/** A private key file on the machine that runs Terraform (what the transfer step authenticates with, SPX157). */
export const KEY_FILE = '/home/deploy/.ssh/id_ed25519';

/** A valid ed25519 public host key line. */
export const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

/** Every resource of the plan, keyed by construct path relative to the stack. */
export function stepsOf(json: Synthesized): Map<string, SynthesizedStep> {
  const steps = new Map<string, SynthesizedStep>();
  for (const [type, resources] of Object.entries(json.resource ?? {})) {
    for (const [logicalId, body] of Object.entries(resources)) {
      const path: string = body['//'].metadata.path.replace(/^test\//, '');
      steps.set(path, { type, logicalId, path, body });
    }
  }
  return steps;
}

/** The step at `path`, failing clearly when it is missing. */
export function step(json: Synthesized, path: string): SynthesizedStep {
  const found = stepsOf(json).get(path);
  if (!found) throw new Error(`no resource at ${path}; have: ${[...stepsOf(json).keys()].join(', ')}`);
  return found;
}

/** `type.logicalId` of a step, as depends_on lists it. */
export function address(s: SynthesizedStep): string {
  return `${s.type}.${s.logicalId}`;
}

/** The triggers of a step, whichever resource type it is. */
export function triggersOf(s: SynthesizedStep): { [key: string]: string } {
  return s.body.triggers ?? s.body.triggers_replace;
}

/** The bash script a step runs (remote-exec wrapper or local-exec command), Terraform escapes undone. */
export function scriptOf(s: SynthesizedStep): string {
  const provisioners: any[] = s.body.provisioner ?? [];
  const last = provisioners[provisioners.length - 1];
  const text: string = last['remote-exec'] ? last['remote-exec'].inline[0] : last['local-exec'].command;
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** Longest chain of depends_on edges in the plan (number of resources on it). */
export function planDepth(json: Synthesized): number {
  const byAddress = new Map<string, SynthesizedStep>();
  for (const s of stepsOf(json).values()) byAddress.set(address(s), s);
  const depth = new Map<string, number>();
  const visit = (addr: string): number => {
    const known = depth.get(addr);
    if (known !== undefined) return known;
    const deps: string[] = byAddress.get(addr)?.body.depends_on ?? [];
    const d = 1 + Math.max(0, ...deps.filter(dep => byAddress.has(dep)).map(visit));
    depth.set(addr, d);
    return d;
  };
  return Math.max(0, ...[...byAddress.keys()].map(visit));
}
