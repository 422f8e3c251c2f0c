import { connectionFindings, literalOfKind } from './connection-checks';
import { Rule } from './rule';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';
import { SSH_USER } from '../model/value-kinds';

const FIX = 'use the login name of the account on the host: a letter, digit or "_", then letters, digits, ".", "_" or "-", at most 64 '
  + '(e.g. root, ec2-user, svc.deploy, Administrator); "user@domain" and "DOMAIN\\user" cannot be passed to ssh';

/**
 * SPX153: `connection.user` and `bastionUser` are SSH login names (the
 * SSH_USER value kind, which the transfer script checks too). They are not
 * install owners: `svc.deploy` and `Administrator` are fine here.
 */
export const SPX153: Rule = {
  id: 'SPX153',
  description: 'The SSH user and bastion user are valid login names',
  help: 'Set connection.user and bastionUser to the login name of the account on the host: letters, digits, ".", "_" and "-" (e.g. ec2-user, svc.deploy); not user@domain.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    return connectionFindings(this, topology, [
      literalOfKind('SSH user', c => c.userValue, SSH_USER, FIX),
      literalOfKind('bastion user', c => c.bastionUser, SSH_USER, FIX),
    ]);
  },
};
