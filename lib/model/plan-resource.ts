/** The Terraform resource type each plan step is written as. */
export enum PlanResource {
  /** `null_resource` from the hashicorp/null provider (`triggers`). */
  NULL_RESOURCE = 'NULL_RESOURCE',
  /**
   * Terraform's built-in `terraform_data` (`triggers_replace`): needs no
   * provider download, so it also works where `terraform init` is offline.
   */
  TERRAFORM_DATA = 'TERRAFORM_DATA',
}
