import { ShellValue } from './shell';

/**
 * The seven steps of the README's "The plan", plus `prepare`
 * (opt-in host preparation before `install`), `webserver` (OneClick's
 * web server, docs/host-preparation.md), `upgrade` (docs/upgrades.md), and
 * promotion's `promote` and `demote`, and OneClick's `mainlocation`
 * (docs/promotion.md).
 */
export type StepKind = 'install' | 'upgrade' | 'hostrc' | 'vnmrc' | 'savefile' | 'transfer' | 'load' | 'deregister' | 'prepare' | 'webserver'
  | 'promote' | 'demote' | 'mainlocation';

/**
 * Everything Terraform needs to reach a host. Values may be tokens; the
 * private key content is a secret and stays a raw token string.
 */
export interface SshTarget {
  readonly host: ShellValue;
  readonly user: ShellValue;
  readonly port: ShellValue;
  readonly privateKey?: string;
  readonly privateKeyFile?: ShellValue;
  readonly agent: boolean;
  readonly hostKey?: ShellValue;
  readonly bastionHost?: ShellValue;
  readonly bastionUser?: ShellValue;
  readonly bastionPort?: ShellValue;
  readonly bastionHostKey?: ShellValue;
  readonly timeout: string;
}

/** A value a step's trigger depends on: literal text is hashed, tokens are passed to Terraform as they are. */
export type StepInput = ShellValue;

/**
 * One step of the plan, runnable as one Terraform resource. Pure data: the
 * emitter in lib/constructs turns it into `null_resource`/`terraform_data`.
 */
export interface PlanStep {
  /** Construct id of the step under its server (`install`, `load`, ...). */
  readonly kind: StepKind;
  /**
   * `remote`: the script runs on `target` over SSH. `local`: it runs on the
   * machine that runs Terraform (the transfer), with `peers` to reach.
   */
  readonly runsOn: 'remote' | 'local';
  readonly target: SshTarget;
  /** For local steps: the hosts the script connects to, by role name. */
  readonly peers?: { readonly [role: string]: SshTarget };
  /** Bash script; holds no secret. */
  readonly script: string;
  /**
   * A secret uploaded as `<stage>/secret` before the script runs (remote
   * steps only: a local step never receives a secret, not even in its
   * environment). Never in triggers.
   */
  readonly secret?: string;
  /** Private staging directory on the host for the secret. */
  readonly stage?: string;
  /** Exactly the inputs the step depends on, hashed into its trigger. */
  readonly inputs: { readonly [name: string]: StepInput };
}
