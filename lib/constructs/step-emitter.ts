import { createHash } from 'crypto';
import { Construct } from 'constructs';
import {
  Fn,
  ITerraformDependable,
  Lazy,
  NullResource,
  SSHProvisionerConnection,
  TerraformResource,
} from './cdktf-bridge';
import { ensureNullProvider } from './null-provider';
import { TerraformDataStep } from './terraform-data-step';
import { escapeTemplateSequences } from './terraform-template';
import { PlanResource } from '../model/plan-resource';
import { PlanStep, SshTarget } from '../plan/plan-step';
import { ShellValue } from '../plan/shell';

/** Delimiter of the here-document that carries a step's script to the host. */
const SCRIPT_DELIMITER = 'CDKTF_SPECTRUM_SCRIPT';

/** How a step is wired into the plan. */
export interface EmitOptions {
  readonly resource: PlanResource;
  /** Ordering only (`depends_on`). */
  readonly after: readonly ITerraformDependable[];
  /** Steps whose replacement must re-run this one: their ids go into the trigger. */
  readonly chain?: { readonly [name: string]: TerraformResource | undefined };
}

/**
 * The trigger of a step: a SHA-256 of its literal inputs, plus each token
 * input as it is (Terraform resolves it), plus the ids of chained steps.
 * Secrets are never inputs.
 */
export function triggersOf(step: PlanStep, chain: EmitOptions['chain'] = {}): Record<string, string> {
  const literalInputs: Record<string, string> = {};
  const triggers: Record<string, string> = { step: step.kind };
  for (const name of Object.keys(step.inputs).sort()) {
    const input = step.inputs[name];
    if (input.isToken) {
      literalInputs[name] = '(token)';
      triggers[name] = input.text;
    } else {
      literalInputs[name] = input.text;
    }
  }
  triggers.inputs_sha256 = createHash('sha256').update(JSON.stringify(literalInputs)).digest('hex');
  for (const [name, resource] of Object.entries(chain)) {
    if (resource) triggers[`after_${name}`] = resource.getStringAttribute('id');
  }
  return triggers;
}

/**
 * `file(<key file>)`, one token per key file: every token cdktf makes costs a
 * captured stack trace, and thousands of steps share a handful of key files.
 */
const keyFileContents = new Map<string, string>();
function keyFileContent(path: string): string {
  let content = keyFileContents.get(path);
  if (content === undefined) {
    content = Fn.file(path);
    keyFileContents.set(path, content);
  }
  return content;
}

/** A port for the connection block: a literal as a number, a token as the token (Number() of a token's text is NaN). */
function portOf(port: ShellValue): number {
  return port.isToken ? (port.text as unknown as number) : Number(port.text);
}

/** Terraform's `connection` block for a target. */
export function connectionOf(target: SshTarget): SSHProvisionerConnection {
  return {
    type: 'ssh',
    host: target.host.text,
    user: target.user.text,
    port: portOf(target.port),
    timeout: target.timeout,
    ...(target.privateKey !== undefined ? { privateKey: target.privateKey } : {}),
    ...(target.privateKey === undefined && target.privateKeyFile ? { privateKey: keyFileContent(target.privateKeyFile.text) } : {}),
    ...(target.agent ? { agent: 'true' } : {}),
    ...(target.hostKey ? { hostKey: target.hostKey.text } : {}),
    ...(target.bastionHost ? { bastionHost: target.bastionHost.text } : {}),
    ...(target.bastionUser ? { bastionUser: target.bastionUser.text } : {}),
    ...(target.bastionPort ? { bastionPort: portOf(target.bastionPort) } : {}),
    ...(target.bastionHostKey ? { bastionHostKey: target.bastionHostKey.text } : {}),
  };
}

/** `sh` lines that write the script to a temporary file, run it with bash and remove it. */
function runRemotely(script: string): string {
  // Values reach scripts quoted or as base64 (lib/plan/shell.ts), so no line
  // of a script can be this delimiter; checked anyway, as an internal error.
  if (script.split('\n').includes(SCRIPT_DELIMITER)) {
    throw new Error(`cdktf-spectrum internal error: a script line equals its here-document delimiter ${SCRIPT_DELIMITER}`);
  }
  return [
    'f=$(mktemp)',
    `cat > "$f" <<'${SCRIPT_DELIMITER}'`,
    escapeTemplateSequences(script),
    SCRIPT_DELIMITER,
    'status=0',
    'bash "$f" || status=$?',
    'rm -f -- "$f"',
    'exit "$status"',
  ].join('\n');
}

/** Provisioners of a step. */
function provisionersOf(step: PlanStep): Record<string, unknown>[] {
  if (step.runsOn === 'local') {
    // No environment: the transfer authenticates with the user's key file or
    // SSH agent (SSH_AUTH_SOCK is inherited from Terraform), so no secret
    // reaches the local-exec (docs/transfer.md).
    return [{ type: 'local-exec', interpreter: ['bash', '-c'], command: escapeTemplateSequences(step.script) }];
  }
  const provisioners: Record<string, unknown>[] = [];
  if (step.secret !== undefined && step.stage) {
    // The secret travels in its own file provisioner into a fresh 0700
    // directory, never through a script or a trigger.
    provisioners.push({ type: 'remote-exec', inline: [`rm -rf -- '${step.stage}' && mkdir -m 0700 -- '${step.stage}'`] });
    provisioners.push({ type: 'file', content: step.secret, destination: `${step.stage}/secret` });
  }
  provisioners.push({ type: 'remote-exec', inline: [runRemotely(step.script)] });
  return provisioners;
}

/** Writes one plan step as a `null_resource` or `terraform_data`. */
export function emitStep(scope: Construct, step: PlanStep, options: EmitOptions): TerraformResource {
  const triggers = triggersOf(step, options.chain);
  const config = {
    dependsOn: [...options.after],
    connection: step.runsOn === 'remote' ? connectionOf(step.target) : undefined,
    provisioners: provisionersOf(step) as any,
  };
  if (options.resource === PlanResource.TERRAFORM_DATA) {
    return new TerraformDataStep(scope, step.kind, { ...config, triggersReplace: triggers });
  }
  ensureNullProvider(scope);
  return new NullResource(scope, step.kind, { ...config, triggers });
}

/**
 * A resource with no provisioners that depends on whatever `after` returns
 * at synth time (members may still be added after it is created).
 */
export function emitMarker(scope: Construct, id: string, resource: PlanResource, after: () => readonly TerraformResource[]): TerraformResource {
  if (resource !== PlanResource.TERRAFORM_DATA) ensureNullProvider(scope);
  const marker = resource === PlanResource.TERRAFORM_DATA ? new TerraformDataStep(scope, id) : new NullResource(scope, id, {});
  marker.addOverride('depends_on', Lazy.listValue({
    produce: () => after().map(step => `${step.terraformResourceType}.${step.friendlyUniqueId}`),
  }));
  return marker;
}
