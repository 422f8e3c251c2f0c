/**
 * A cdktf project (an example or a fixture) deployed onto sandbox hosts with
 * the real cdktf CLI, Terraform variables pointing at the sandbox.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Sandbox } from '../sandbox';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CDKTF = path.join(REPO, 'node_modules', '.bin', 'cdktf');

export interface CommandResult {
  readonly code: number | null;
  /** stdout and stderr together, as a user sees them. */
  readonly output: string;
}

export interface ProjectOptions {
  /** Directory of the project's cdktf.json, relative to the repository. */
  readonly dir: string;
  /** The stack `deploy` deploys: a stack name, or `'*'` for every stack of the app (cdktf orders them by their dependencies). */
  readonly stack: string;
  /**
   * Every stack the tests deploy, to clear their state files before and after
   * (stacks added later included). Default: `[stack]`.
   */
  readonly stacks?: readonly string[];
  readonly sandbox: Sandbox;
  /** Where synth output and the variable file go. */
  readonly workDir: string;
  /** Maps the project's server names (keys of var.hosts) to sandbox host names. */
  readonly hostNames: readonly string[];
  readonly ownerPassword: string;
  /** Host keys to use instead of the sandbox's (to test a wrong key). */
  readonly hostKeyOverrides?: { readonly [server: string]: string };
  /** The project's own Terraform variables, added to the variable file. */
  readonly variables?: { readonly [name: string]: unknown };
}

export class CdktfProject {
  public readonly dir: string;
  public readonly outDir: string;
  public readonly varFile: string;
  /** State file of the first stack (the only one of a single-stack project). */
  public readonly stateFile: string;
  /** State file of each stack in `stacks`, by stack name. */
  public readonly stateFiles: { readonly [stack: string]: string };
  /** Extra PATH entries and variables for fault injection. */
  public extraEnv: NodeJS.ProcessEnv = {};

  constructor(private readonly options: ProjectOptions) {
    this.dir = path.join(REPO, options.dir);
    const label = options.stack === '*' ? path.basename(options.dir) : options.stack;
    this.outDir = path.join(options.workDir, `${label}.out`);
    this.varFile = path.join(options.workDir, `${label}.tfvars.json`);
    if (options.stack === '*' && !options.stacks?.length) throw new Error(`CdktfProject ${options.dir}: deploying '*' needs the list of stacks (stacks)`);
    const stacks = options.stacks ?? [options.stack];
    // cdktf's local backend keeps state next to cdktf.json (git-ignored).
    this.stateFiles = Object.fromEntries(stacks.map(stack => [stack, path.join(this.dir, `terraform.${stack}.tfstate`)]));
    this.stateFile = this.stateFiles[stacks[0]];
    this.removeState();
    const hosts: Record<string, string> = {};
    const hostKeys: Record<string, string> = {};
    for (const name of options.hostNames) {
      const host = options.sandbox.host(name);
      hosts[name] = host.address;
      hostKeys[name] = options.hostKeyOverrides?.[name] ?? host.hostKey;
    }
    fs.writeFileSync(this.varFile, JSON.stringify({
      hosts,
      host_keys: hostKeys,
      ssh_user: 'root',
      ssh_port: options.sandbox.hosts[0].port,
      ssh_private_key_file: options.sandbox.privateKeyPath,
      spectrum_owner_password: options.ownerPassword,
      spectrum_media_path: options.sandbox.mediaDir,
      ...options.variables,
    }, null, 2), { mode: 0o600 });
  }

  /**
   * Swaps two hosts in the `hosts` and `host_keys` variables, as an operator
   * promotes a secondary of an example whose hosts come from variables
   * (docs/promotion.md).
   */
  public swapHosts(a: string, b: string): void {
    const vars = this.variables();
    const swap = (map: Record<string, string>) => ({ ...map, [a]: map[b], [b]: map[a] });
    this.setVariables({ hosts: swap(vars.hosts as Record<string, string>), host_keys: swap(vars.host_keys as Record<string, string>) });
  }

  /** Terraform variables of the next deploy or plan (the var file; the same as `--var name=value`). */
  public setVariables(values: { readonly [name: string]: unknown }): void {
    fs.writeFileSync(this.varFile, JSON.stringify({ ...this.variables(), ...values }, null, 2), { mode: 0o600 });
  }

  private variables(): { [name: string]: unknown } {
    return JSON.parse(fs.readFileSync(this.varFile, 'utf8'));
  }

  /** `cdktf deploy --auto-approve` with the sandbox's variables. */
  public deploy(env: NodeJS.ProcessEnv = {}): CommandResult {
    return this.run(CDKTF, ['deploy', this.options.stack, '--auto-approve', '--no-color', '--output', this.outDir, '--var-file', this.varFile], this.dir, env);
  }

  /**
   * `cdktf deploy` as {@link deploy}, but not waited for: its own process
   * group (`-child.pid` signals cdktf, Terraform and the providers at once, as
   * Ctrl-C in a terminal does), its result when it ends.
   */
  public startDeploy(env: NodeJS.ProcessEnv = {}): { readonly child: ChildProcess; readonly result: Promise<CommandResult> } {
    const child = spawn(CDKTF, ['deploy', this.options.stack, '--auto-approve', '--no-color', '--output', this.outDir, '--var-file', this.varFile], {
      cwd: this.dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: this.environment(env),
    });
    let output = '';
    child.stdout!.on('data', chunk => (output += chunk));
    child.stderr!.on('data', chunk => (output += chunk));
    const result = new Promise<CommandResult>(resolve => child.on('close', code => resolve({ code, output })));
    return { child, result };
  }

  /** `deploy`, without blocking: for a test that acts while the deploy runs. */
  public deployAsync(env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    return this.startDeploy(env).result;
  }

  /** `terraform plan -detailed-exitcode` on a synthesized stack (default: the deployed one): 0 means no changes. */
  public plan(stack: string = this.options.stack): CommandResult {
    return this.run('terraform', ['plan', '-detailed-exitcode', '-input=false', '-no-color', '-lock=false', `-var-file=${this.varFile}`], this.stackDir(stack), {});
  }

  /** The synthesized cdk.tf.json of a stack (default: the deployed one). */
  public synthesized(stack: string = this.options.stack): any {
    return JSON.parse(fs.readFileSync(path.join(this.stackDir(stack), 'cdk.tf.json'), 'utf8'));
  }

  public stackDir(stack: string = this.options.stack): string {
    return path.join(this.outDir, 'stacks', stack);
  }

  /** The Terraform state of a stack (its local backend's file). */
  public state(stack: string = this.options.stack): any {
    const file = this.stateFiles[stack];
    if (!file) throw new Error(`stack '${stack}' is not one of this project's stacks (${Object.keys(this.stateFiles).join(', ')})`);
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  }

  public removeState(): void {
    for (const stateFile of Object.values(this.stateFiles)) {
      for (const file of [stateFile, `${stateFile}.backup`]) fs.rmSync(file, { force: true });
    }
  }

  private environment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return {
      ...process.env,
      CI: 'true',
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      SPECTRUM_PLAN_RESOURCE: 'terraform_data',
      ...this.extraEnv,
      ...env,
    };
  }

  private run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): CommandResult {
    const result = spawnSync(command, args, {
      cwd,
      encoding: 'utf8',
      timeout: 300_000,
      env: this.environment(env),
    });
    return { code: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
  }
}
