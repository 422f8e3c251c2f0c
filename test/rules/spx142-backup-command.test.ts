import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX142 } from '../../lib/rules/spx142-backup-command';

describe('SPX142 backup command', () => {
  test('COMMAND with a command, SSDBSAVE without, pass', () => {
    expect(problems(SPX142, validTopology())).toEqual([]);
  });

  test('COMMAND without a command is an error', () => {
    const t = topology().landscape('east', { backup: 'COMMAND' }).build();
    expectFinding(single(SPX142.check(t)), SPX142, {
      severity: 'error', path: 'app/east', message: ['landscape \'east\'', 'backup method COMMAND without a backup command'], fix: 'set backupCommand',
    });
  });

  test('a command with SSDBSAVE is a warning', () => {
    const t = topology().landscape('east', { backup: 'SSDBSAVE', hasBackupCommand: true }).build();
    expectFinding(single(SPX142.check(t)), SPX142, {
      severity: 'warning', path: 'app/east', message: ['backup method SSDBSAVE ignores the given backup command'], fix: 'BackupMethod.COMMAND',
    });
  });
});
