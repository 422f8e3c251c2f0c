import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  DistributedLandscape, FaultTolerantLandscape, FaultTolerantLandscapeProps, LandscapeHandle, PlanResource, SpectroServerOptions, StandbyMode,
} from '../../lib';
import { CliIo, main } from '../../lib/cli/main';

/** A valid ed25519 public host key line. */
export const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

/** A connection that every rule accepts: host key verified, key file for destroy-time steps. */
export const CONNECTION = { hostKey: HOST_KEY, privateKeyFile: '/home/ci/.ssh/id_ed25519' };

const made: string[] = [];

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = 'cdktf-spectrum-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Synthesizes an app into `outdir` exactly as `cdktf synth` does (manifest
 * and stacks/<name>/cdk.tf.json), after `build` added its stacks.
 */
export function synthApp(outdir: string, build: (app: App) => void): string {
  const app = new App({ outdir, stackTraces: false });
  build(app);
  app.synth();
  return outdir;
}

/** A server with a literal host of its own. */
export function server(host: string, precedence?: number): SpectroServerOptions {
  return precedence === undefined ? { host } : { host, precedence };
}

/** A landscape every rule accepts: `<name>-1` primary, `<name>-2` secondary, HOT standby. */
export function landscapeProps(name: string, handle: number, overrides: Partial<FaultTolerantLandscapeProps> = {}): FaultTolerantLandscapeProps {
  return {
    handle: LandscapeHandle.of(handle),
    primary: server(`${name}-1.example.net`),
    secondaries: [server(`${name}-2.example.net`)],
    standbyMode: StandbyMode.HOT,
    connection: CONNECTION,
    planResource: PlanResource.TERRAFORM_DATA,
    ...overrides,
  };
}

/** A stack `name` with one fault-tolerant landscape `id`. */
export function landscapeStack(app: App, name: string, id: string, handle: number,
  overrides: Partial<FaultTolerantLandscapeProps> = {}): TerraformStack {
  const stack = new TerraformStack(app, name);
  new FaultTolerantLandscape(stack, id, landscapeProps(id, handle, overrides));
  return stack;
}

/** A stack with a distributed landscape: master + east + west, and a OneClick server. */
export function distributedStack(app: App, name = 'estate-stack'): { stack: TerraformStack; dss: DistributedLandscape } {
  const stack = new TerraformStack(app, name);
  const dss = new DistributedLandscape(stack, 'estate', {
    master: landscapeProps('mls', 0x100000),
    standbyMode: StandbyMode.HOT,
    connection: CONNECTION,
    planResource: PlanResource.TERRAFORM_DATA,
  });
  dss.addLandscape('east', landscapeProps('east', 0x200000));
  dss.addLandscape('west', landscapeProps('west', 0x300000));
  dss.addOneClickServer('console', { host: 'console.example.net', connection: CONNECTION });
  return { stack, dss };
}

/** What one in-process run of the command printed, wrote and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly files: Map<string, string>;
}

/** Runs `cdktf-spectrum <args>` in-process with `cwd` as working directory. */
export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>();
  const io: CliIo = {
    cwd,
    stdout: text => { stdout += text; },
    stderr: text => { stderr += text; },
    writeFile: (file, text) => { files.set(file, text); },
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr, files };
}

/** Reads and parses a JSON file. */
export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Writes `value` as JSON, creating directories. */
export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, undefined, 2));
}

/** The cdk.tf.json of stack `name` in a synth output directory. */
export function stackFile(outdir: string, name: string): string {
  return path.join(outdir, 'stacks', name, 'cdk.tf.json');
}
