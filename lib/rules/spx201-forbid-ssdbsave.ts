import { findingOf, Rule } from './rule';
import { landscapeLabel, quoted } from './support';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * SPX201 (optional, organisation policy): landscapes with secondaries seed
 * them with an online backup (`BackupMethod.COMMAND`), not `SSdbsave`,
 * which stops the primary every time the secondaries are (re)seeded: an
 * outage on an estate that is already running.
 */
export const SPX201: Rule = {
  id: 'SPX201',
  description: 'Policy: running estates seed secondaries from an online backup, not BackupMethod.SSDBSAVE (which stops the primary)',
  help: 'Organisation policy: seed secondaries with backup: BackupMethod.COMMAND and a backupCommand that runs an online backup; SSdbsave stops the primary.',
  severity: 'error',
  optional: true,
  check(topology: Topology): Finding[] {
    return topology.landscapes
      .filter(landscape => landscape.secondaries.length > 0 && landscape.backup === 'SSDBSAVE')
      .map(landscape => findingOf(this, landscape,
        `${landscapeLabel(landscape)}: backup method SSDBSAVE stops the primary ${quoted(landscape.primary.name)} `
        + 'whenever its secondaries are seeded, which the organisation policy forbids',
        'use backup: BackupMethod.COMMAND with a backupCommand that runs Spectrum\'s online backup into $SPECTRUM_SAVEFILE'));
  },
};
