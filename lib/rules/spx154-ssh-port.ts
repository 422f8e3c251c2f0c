import { connectionFindings, literalOfKind } from './connection-checks';
import { Rule } from './rule';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';
import { PORT } from '../model/value-kinds';

const FIX = 'use the TCP port sshd listens on, a whole number from 1 to 65535 (22 by default)';

/** SPX154: `connection.port` and `bastionPort` are whole numbers 1..65535 (the PORT value kind, which the transfer script checks too). */
export const SPX154: Rule = {
  id: 'SPX154',
  description: 'The SSH port and bastion port are whole numbers from 1 to 65535',
  help: 'Set connection.port and bastionPort to the port sshd listens on, a whole number from 1 to 65535.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    return connectionFindings(this, topology, [
      literalOfKind('SSH port', c => c.portValue, PORT, FIX),
      literalOfKind('bastion port', c => c.bastionPort, PORT, FIX),
    ]);
  },
};
