import { SAVEFILE_DIR } from './savefile-paths';

/**
 * Where a server records the role the plan last gave it, relative to
 * `$SPECROOT/SS`: one line `primary <P>`, `secondary <P>` or `demoted <P>`.
 * Written by the promote step (on the primary), the load step (on a
 * secondary) and the demote step (on a former primary); read by the promote
 * and demote steps to tell a swap of roles (docs/promotion.md) from a fresh
 * host, whatever the code's hosts are (literals or variables).
 */
export const ROLE_RECORD = `${SAVEFILE_DIR}/role`;
