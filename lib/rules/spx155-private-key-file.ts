import { connectionFindings, literalOfKind } from './connection-checks';
import { Rule } from './rule';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';
import { PRIVATE_KEY_FILE } from '../model/value-kinds';

const FIX = 'give the key file as an absolute path or one starting with "~/" (Terraform expands it with pathexpand()), e.g. ~/.ssh/id_ed25519; '
  + 'a relative path would depend on the directory Terraform runs in';

/**
 * SPX155: `connection.privateKeyFile` is absolute or starts with `~/`, and
 * holds no control character (the PRIVATE_KEY_FILE value kind, which the
 * transfer script checks too). Spaces are fine.
 */
export const SPX155: Rule = {
  id: 'SPX155',
  description: 'The private key file is an absolute path or starts with ~/',
  help: 'Give privateKeyFile as an absolute path or one starting with "~/" (expanded by Terraform\'s pathexpand()), never relative.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    return connectionFindings(this, topology, [
      literalOfKind('private key file', c => c.privateKeyFile, PRIVATE_KEY_FILE, FIX),
    ]);
  },
};
