import { IConstruct } from 'constructs';
import { Located } from '../model/topology';
import { TerraformStack } from './cdktf-bridge';

/** Where a construct sits, as the topology model names it. */
export function locatedOf(construct: IConstruct): Located {
  return { path: construct.node.path, stack: TerraformStack.of(construct).node.id, name: construct.node.id };
}
