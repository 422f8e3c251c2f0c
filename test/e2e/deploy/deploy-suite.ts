/**
 * The set-up every deploy suite shares: a work directory, a sandbox of the
 * suite's hosts, and cdktf projects deployed onto them with one owner
 * password; after the suite, the sandbox stopped, every project's state
 * removed and the work directory deleted. Call it inside the suite's
 * describe: it registers that describe's first beforeAll and its afterAll.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CdktfProject, ProjectOptions } from './cdktf-project';
import { Sandbox, SandboxOptions, startSandbox, stopSandbox } from '../sandbox';

export interface DeploySuite {
  /** The suite's work directory (the sandbox lives in its `sandbox` folder). */
  readonly workDir: string;
  readonly sandbox: Sandbox;
  /** The install owner's password every project of the suite passes to Terraform. */
  readonly password: string;
  /** A project deployed onto this sandbox; its state is removed after the suite. */
  project(options: Omit<ProjectOptions, 'sandbox' | 'workDir' | 'ownerPassword'>): CdktfProject;
}

export function deploySuite(label: string, sandboxOptions: Omit<SandboxOptions, 'workDir'>): DeploySuite {
  let workDir: string | undefined;
  let sandbox: Sandbox | undefined;
  const projects: CdktfProject[] = [];
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`deploySuite(${label}): the ${what} is made in beforeAll; use it in a hook or a test`);
    return value;
  };

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), `spectrum-${label}-`));
    sandbox = await startSandbox({ ...sandboxOptions, workDir: path.join(workDir, 'sandbox') });
  });

  afterAll(async () => {
    if (sandbox) await stopSandbox(sandbox);
    for (const project of projects) project.removeState();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  return {
    get workDir() { return started(workDir, 'work directory'); },
    get sandbox() { return started(sandbox, 'sandbox'); },
    password,
    project(options) {
      const created = new CdktfProject({ ...options, sandbox: started(sandbox, 'sandbox'), workDir: started(workDir, 'work directory'), ownerPassword: password });
      projects.push(created);
      return created;
    },
  };
}
