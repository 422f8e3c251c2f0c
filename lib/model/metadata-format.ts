/**
 * How the constructs write the topology into a stack's `cdk.tf.json`, and
 * how `cdktf-spectrum check` finds it again: under `//.metadata[METADATA_KEY]`
 * as `{ schema: METADATA_SCHEMA, landscapes: { <path>: LandscapeNode },
 * distributed: { <path>: DistributedNode }, oneClicks: { <path>: OneClickNode } }`.
 * Pure (no cdktf), so that the command line does not load cdktf.
 *
 * `lib/constructs/topology-metadata.ts` writes it with these constants.
 *
 * Internal (not part of the jsii API).
 */

/** Key of the library's block in a stack's `//.metadata`. */
export const METADATA_KEY = 'cdktf-spectrum';

/** Bumped when the shape of the metadata changes incompatibly; the CLI checks it. */
export const METADATA_SCHEMA = 1;
