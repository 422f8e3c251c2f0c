/**
 * Fault injection for "a savefile corrupted in transit": an `ssh` placed
 * first on the deploy's PATH that, once armed, corrupts the bytes of the
 * next savefile written to a secondary and then disarms itself. Everything
 * else passes straight to the real ssh.
 */
import * as fs from 'fs';
import * as path from 'path';

export class TransitFault {
  public readonly binDir: string;
  private readonly flag: string;

  constructor(workDir: string) {
    this.binDir = path.join(workDir, 'fault-bin');
    this.flag = path.join(workDir, 'corrupt-next-savefile');
    fs.mkdirSync(this.binDir, { recursive: true });
    fs.writeFileSync(path.join(this.binDir, 'ssh'), [
      '#!/bin/bash',
      `flag=${JSON.stringify(this.flag)}`,
      // The secondary's session that receives the savefile (lib/plan/steps/transfer-step.ts, RECEIVE_SAVEFILE).
      'if [ -f "$flag" ] && [[ "$*" == *" receive-savefile "* ]]; then',
      '  rm -f "$flag"',
      '  { head -c 64; printf "CORRUPTED-IN-TRANSIT"; cat; } | /usr/bin/ssh "$@"',
      '  exit "${PIPESTATUS[1]}"',
      'fi',
      'exec /usr/bin/ssh "$@"',
      '',
    ].join('\n'), { mode: 0o755 });
  }

  /** Corrupt the next savefile sent to a secondary. */
  public arm(): void {
    fs.writeFileSync(this.flag, '');
  }

  public get armed(): boolean {
    return fs.existsSync(this.flag);
  }

  /** Environment for the deploy: this ssh first on PATH. */
  public env(): NodeJS.ProcessEnv {
    return { PATH: `${this.binDir}:${process.env.PATH}` };
  }
}
