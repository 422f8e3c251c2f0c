import { connectionFindings, literalOfKind } from './connection-checks';
import { Rule } from './rule';
import { Finding } from '../model/finding';
import { HOST_KEY_TYPES } from '../model/ssh-values';
import { Topology } from '../model/topology';
import { HOST_KEY } from '../model/value-kinds';

const FIX = 'paste the whole line of the host\'s public key file (e.g. /etc/ssh/ssh_host_ed25519_key.pub, or from ssh-keyscan): '
  + `TYPE BASE64 [comment], TYPE one of ${Object.keys(HOST_KEY_TYPES).join(', ')}`;

/**
 * SPX156: `connection.hostKey` and `bastionHostKey` are OpenSSH public key
 * lines `TYPE BASE64 [comment]` (the HOST_KEY value kind, which the transfer
 * script checks too): a placeholder such as `ssh-ed25519 AAAAC3Nza...` would
 * only fail when Terraform connects. A key read from a `.pub` file is
 * trimmed first, so its trailing newline is fine.
 */
export const SPX156: Rule = {
  id: 'SPX156',
  description: 'A host key is an OpenSSH public key line: TYPE BASE64 [comment]',
  help: 'Set hostKey and bastionHostKey to the whole line of the host\'s .pub key file: TYPE BASE64 [comment], e.g. the output of ssh-keyscan without the host name.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    return connectionFindings(this, topology, [
      literalOfKind('host key', c => c.hostKey, HOST_KEY, FIX),
      literalOfKind('bastion host key', c => c.bastionHostKey, HOST_KEY, FIX),
    ]);
  },
};
