/**
 * Every import from `cdktf` and `@cdktf/provider-null` goes through this file,
 * so that a port to the community fork (`cdktn`) is a rename here.
 */
export {
  Annotations,
  App,
  Aspects,
  DefaultTokenResolver,
  Fn,
  Lazy,
  TerraformElement,
  TerraformLocal,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  StringConcat,
  Token,
  Tokenization,
} from 'cdktf';
export type { IAspect, ITerraformDependable, TerraformMetaArguments, SSHProvisionerConnection, FileProvisioner, LocalExecProvisioner, RemoteExecProvisioner } from 'cdktf';
export { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
export { NullProvider } from '@cdktf/provider-null/lib/provider';
