import { findingOf, Rule } from './rule';
import { landscapeLabel } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * SPX142: `BackupMethod.COMMAND` needs `backupCommand` (error); a
 * `backupCommand` with `BackupMethod.SSDBSAVE` is ignored (warning).
 */
export const SPX142: Rule = {
  id: 'SPX142',
  description: 'BackupMethod.COMMAND has a backup command; SSDBSAVE has none',
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
    }
    return findings;
  },
};
