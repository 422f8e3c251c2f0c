import { IConstruct } from 'constructs';
import { TerraformStack } from './cdktf-bridge';
import { Located } from '../model/topology';

/** Where a construct sits, as the topology model names it. */
export function locatedOf(construct: IConstruct): Located {
  return { path: construct.node.path, stack: TerraformStack.of(construct).node.id, name: construct.node.id };
}
