import { Fn, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-spectrum';
import { PlanResource, SpectrumInstallOptions, SshConnectionOptions } from '../../lib';

/**
 * The Terraform variables every example takes: where the hosts are, how to
 * reach them, and the secrets, which never appear in code.
 *
 *   hosts                    map(string)  host name or address per server name
 *   host_keys                map(string)  SSH public host key per server name
 *   ssh_user                 string       default "root"
 *   ssh_port                 number       default 22
 *   ssh_private_key_file     string       path of the SSH key on the machine running Terraform
 *   spectrum_owner_password  string       sensitive; the install owner's password
 *   spectrum_media_path      string       default "/mnt/spectrum"; Spectrum media on each host
 *
 * The Spectrum version is code, not a variable (the plan compares it at
 * synth): SPECTRUM_VERSION (default 10.4.1) picks it, e.g. to roll an
 * upgrade out with new media (docs/upgrades.md):
 *   SPECTRUM_VERSION=10.5.0 npx cdktf deploy --var spectrum_media_path=/mnt/spectrum-10.5.0
 */
export interface EstateVariablesProps {
  /**
   * The stack's hosts are literals (from an inventory), not the `hosts` variable.
   * @default false
   */
  readonly literalHosts?: boolean;
}

export class EstateVariables extends Construct {
  /** Undefined with `literalHosts`. */
  public readonly hosts?: TerraformVariable;
  public readonly hostKeys: TerraformVariable;
  public readonly sshUser: TerraformVariable;
  public readonly sshPort: TerraformVariable;
  public readonly sshPrivateKeyFile: TerraformVariable;
  public readonly ownerPassword: TerraformVariable;
  public readonly mediaPath: TerraformVariable;

  constructor(scope: Construct, id: string, props: EstateVariablesProps = {}) {
    super(scope, id);
    if (!props.literalHosts) {
      this.hosts = new TerraformVariable(scope, 'hosts', { type: 'map(string)', description: 'Host name or address of each server, by server name' });
    }
    this.hostKeys = new TerraformVariable(scope, 'host_keys', { type: 'map(string)', description: 'SSH public host key of each server, by server name' });
    this.sshUser = new TerraformVariable(scope, 'ssh_user', { type: 'string', default: 'root' });
    this.sshPort = new TerraformVariable(scope, 'ssh_port', { type: 'number', default: 22 });
    this.sshPrivateKeyFile = new TerraformVariable(scope, 'ssh_private_key_file', { type: 'string', description: 'SSH private key file on the machine that runs Terraform' });
    this.ownerPassword = new TerraformVariable(scope, 'spectrum_owner_password', { type: 'string', sensitive: true, description: 'Password of the Spectrum install owner' });
    this.mediaPath = new TerraformVariable(scope, 'spectrum_media_path', { type: 'string', default: '/mnt/spectrum' });
  }

  /** The host of server `name` (a token: known when Terraform applies). */
  public host(name: string): string {
    if (!this.hosts) throw new Error(`EstateVariables: host('${name}') asked of a stack whose hosts are literals (literalHosts)`);
    return Token.asString(Fn.lookup(this.hosts.value, name));
  }

  /** How to reach server `name`, verifying its host key. */
  public connection(name: string): SshConnectionOptions {
    return {
      user: this.sshUser.stringValue,
      port: this.sshPort.numberValue,
      privateKeyFile: this.sshPrivateKeyFile.stringValue,
      hostKey: Token.asString(Fn.lookup(this.hostKeys.value, name)),
    };
  }

  /** Install from the media, with the password from the sensitive variable. */
  public install(): SpectrumInstallOptions {
    return { mediaPath: this.mediaPath.stringValue, ownerPassword: this.ownerPassword.stringValue, version: process.env.SPECTRUM_VERSION ?? '10.4.1' };
  }
}

/**
 * `SPECTRUM_PLAN_RESOURCE=terraform_data` writes the plan as Terraform's
 * built-in terraform_data (no provider download, as in the sandbox deploy);
 * the default is null_resource.
 */
export function planResourceFromEnvironment(): PlanResource {
  return process.env.SPECTRUM_PLAN_RESOURCE === 'terraform_data' ? PlanResource.TERRAFORM_DATA : PlanResource.NULL_RESOURCE;
}
