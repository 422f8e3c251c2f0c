import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource } from './cdktf-bridge';

/** Config of a `terraform_data` plan step. */
export interface TerraformDataStepConfig extends TerraformMetaArguments {
  /** Replaces the resource (re-running its provisioners) when any value changes. */
  readonly triggersReplace?: { [key: string]: string };
}

/**
 * Terraform's built-in `terraform_data`, as cdktf's `DataResource` writes it,
 * without what makes `DataResource` slow at scale: each instance adds a
 * validation that runs `terraform version` in a subprocess at synth (0.1-0.2 s
 * apiece, minutes for a thousand landscapes). `terraform_data` needs
 * Terraform >= 1.4; an older Terraform rejects the resource type at init.
 */
export class TerraformDataStep extends TerraformResource {
  public static readonly tfResourceType = 'terraform_data';
  private readonly triggersReplace?: { [key: string]: string };

  constructor(scope: Construct, id: string, config: TerraformDataStepConfig = {}) {
    super(scope, id, {
      terraformResourceType: TerraformDataStep.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      provisioners: config.provisioners,
      connection: config.connection,
    });
    this.triggersReplace = config.triggersReplace;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return this.triggersReplace ? { triggers_replace: this.triggersReplace } : {};
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return this.triggersReplace
      ? { triggers_replace: { value: this.triggersReplace, isBlock: false, type: 'map', storageClassType: 'stringMap' } }
      : {};
  }
}
