/**
 * A synthesized stack as review reads it: what `cdktf-spectrum check` (lib/cli)
 * parses from `cdk.tf.json`, and what the baseline comparison compares.
 */
/** One resource of a synthesized stack, as the baseline comparison needs it. */
export interface SynthesizedResource {
  /** Terraform address, e.g. `terraform_data.estate_east_primary_load_1A2B3C4D`. */
  readonly address: string;
  /** Construct path from `//.metadata.path`, e.g. `app/estate/east/primary/load`. */
  readonly path: string;
  /** `triggers` (null_resource) or `triggers_replace` (terraform_data), when it has any. */
  readonly triggers?: unknown;
}

/** One synthesized stack (`cdk.tf.json`). */
export interface SynthesizedStack {
  /** The stack's name (its construct id). */
  readonly name: string;
  /** Path of its `cdk.tf.json`, relative to the working directory when inside it, with `/`. */
  readonly file: string;
  /** The cdktf version that synthesized it. */
  readonly cdktfVersion: string;
  /** The `cdktf-spectrum` block of `//.metadata` (schema checked), or undefined without Spectrum constructs. */
  readonly spectrum?: { readonly [section: string]: unknown };
  /** Its resources with a construct path; empty unless read with `withResources` (the baseline comparison needs them). */
  readonly resources: readonly SynthesizedResource[];
  /** The stack's `locals` (step triggers reference some, e.g. the `.hostrc` host list). */
  readonly locals: { readonly [name: string]: unknown };
  /** Default values of the stack's Terraform variables, by name (for `check --var-file`). */
  readonly variableDefaults?: { readonly [name: string]: unknown };
  /** The file's text, kept for locating findings (line numbers). */
  readonly text: string;
}
