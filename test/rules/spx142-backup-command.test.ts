import { expectFinding, problems, single, validTopology } from './helpers';
import { tok, topology } from './topology-builder';
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

  test('a one-line literal command passes', () => {
    const t = topology().landscape('east', { backup: 'COMMAND', backupCommand: '/opt/backup/online-backup --to "$SPECTRUM_SAVEFILE" && sync' }).build();
    expect(SPX142.check(t)).toEqual([]);
  });

  test('a command from a token (a variable) is an error: it is code', () => {
    const t = topology().landscape('west', { backup: 'COMMAND', backupCommand: tok('var.backup') }).build();
    expectFinding(single(SPX142.check(t)), SPX142, {
      severity: 'error', path: 'app/west', message: ['backup command (token ${TfToken[var.backup]}) is a token'], fix: 'as a literal string in the code',
    });
  });

  test('a multi-line or overlong command is an error', () => {
    const t = topology()
      .landscape('east', { backup: 'COMMAND', backupCommand: 'stop-things\n/opt/backup/online-backup "$SPECTRUM_SAVEFILE"\n' })
      .landscape('west', { backup: 'COMMAND', backupCommand: `echo ${'x'.repeat(4096)}` })
      .build();
    const findings = SPX142.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/west']);
    expectFinding(findings[0], SPX142, {
      severity: 'error',
      path: 'app/east',
      message: ['landscape \'east\'', 'backup command \'stop-things\\n/opt/backup/online-backup "$SPECTRUM_SAVEFILE"\\n\' is not one line of at most 4096 bytes'],
      fix: 'write the backup command on one line',
    });
  });
});
