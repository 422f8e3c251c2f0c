import { Construct } from 'constructs';
import { NullProvider, TerraformStack } from './cdktf-bridge';

const PROVIDER_ID = 'cdktf-spectrum-null';

/**
 * `null_resource` needs the hashicorp/null provider in its stack; cdktf
 * refuses resources without a provider construct. Adds one unless the stack
 * already has one.
 */
export function ensureNullProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(PROVIDER_ID)) return;
  const existing = stack.node.children.some(child => child instanceof NullProvider);
  if (!existing) new NullProvider(stack, PROVIDER_ID);
}
