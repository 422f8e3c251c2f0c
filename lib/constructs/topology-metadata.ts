import { Construct } from 'constructs';
import { TerraformElement } from './cdktf-bridge';

import { METADATA_KEY, METADATA_SCHEMA } from '../model/metadata-format';

/**
 * Writes a member's part of the topology into the stack's `//` metadata
 * block of `cdk.tf.json` (Terraform ignores `//` keys). The CLI rebuilds the
 * exact topology from it, never from TypeScript. Holds no secret: only facts
 * such as "a password is set".
 */
export class TopologyMetadata extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly produce: () => { [section: string]: { [path: string]: unknown } }) {
    super(scope, id);
  }

  public toMetadata(): any {
    return { [METADATA_KEY]: { schema: METADATA_SCHEMA, ...this.produce() } };
  }
}
