import { findingOf, Rule } from './rule';
import { landscapeLabel, quoted, shown } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';
import { BACKUP_COMMAND, BACKUP_COMMAND_MAX_LENGTH } from '../model/value-kinds';

/**
 * SPX142: `BackupMethod.COMMAND` needs `backupCommand` (error); a
 * `backupCommand` with `BackupMethod.SSDBSAVE` is ignored (warning); the
 * backup command is a literal in the code (it runs as code on the primary,
 * so it is reviewed like code: a Terraform variable must not supply it) of
 * one line of at most 4096 bytes (the BACKUP_COMMAND value kind, which the
 * savefile step checks too), so it cannot fail at apply after synth accepted it.
 */
export const SPX142: Rule = {
  id: 'SPX142',
  description: 'BackupMethod.COMMAND has a backup command of one line; SSDBSAVE has none',
  help: 'With BackupMethod.COMMAND set backupCommand (it writes the savefile named by $SPECTRUM_SAVEFILE); with SSDBSAVE leave it unset.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    for (const landscape of topology.landscapes) {
      if (landscape.backup === 'COMMAND' && !landscape.hasBackupCommand) {
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: backup method COMMAND without a backup command`,
          'set backupCommand to a command that writes the savefile named by $SPECTRUM_SAVEFILE, or use BackupMethod.SSDBSAVE'));
      } else if (landscape.backup === 'SSDBSAVE' && landscape.hasBackupCommand) {
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: backup method SSDBSAVE ignores the given backup command`,
          'use backup: BackupMethod.COMMAND to run the command, or remove backupCommand', 'warning'));
      }
      const command = landscape.backupCommand;
      if (landscape.backup === 'COMMAND' && command?.isToken) {
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: backup command ${shown(command)} is a token; it runs as code on the primary`,
          'write the backup command as a literal string in the code, reviewed like code; pass data it needs through files on the primary'));
      } else if (landscape.backup === 'COMMAND' && command && command.text !== '' && !BACKUP_COMMAND.test(command.text)) {
        findings.push(findingOf(this, landscape,
          `${landscapeLabel(landscape)}: backup command ${quoted(command.text)} is not ${BACKUP_COMMAND.description}`,
          `write the backup command on one line of at most ${BACKUP_COMMAND_MAX_LENGTH} bytes: join commands with ';' or '&&', or put them in a script on the primary and run that`));
      }
    }
    return findings;
  },
};
