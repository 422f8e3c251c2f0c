/**
 * Holds a savefile transfer mid-copy, so a test can SIGKILL it as Terraform
 * does when a deploy is interrupted: an `ssh` placed first on the deploy's
 * PATH that, once armed, passes the first KiB of the next savefile read from
 * a primary, then waits until released before passing the rest. The
 * transfer script's bash is then alive between the two ssh sessions, with
 * the copy half written on the secondary. Everything else passes straight
 * to the real ssh.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TRANSFER_HOST_ALIASES } from '../../../lib/plan/transfer-ssh-config';

export class TransferGate {
  public readonly binDir: string;
  private readonly dir: string;

  constructor(workDir: string) {
    this.dir = path.join(workDir, 'transfer-gate');
    this.binDir = path.join(this.dir, 'bin');
    fs.mkdirSync(this.binDir, { recursive: true });
    fs.writeFileSync(path.join(this.binDir, 'ssh'), [
      '#!/bin/bash',
      `gate=${JSON.stringify(this.dir)}`,
      `if [ -f "$gate/armed" ] && [ "$3" = ${TRANSFER_HOST_ALIASES.primary} ] && [[ "$4" == *"cat -- '"*".SSdb'" ]]; then`,
      '  rm -f "$gate/armed"',
      '  /usr/bin/ssh "$@" | {',
      '    head -c 1024',
      // The process that ran this ssh: a bash of the transfer script.
      '    printf "%s\\n" "$PPID" > "$gate/holding.tmp" && mv "$gate/holding.tmp" "$gate/holding"',
      '    while [ ! -f "$gate/release" ]; do sleep 0.1; done',
      '    cat',
      '  }',
      '  exit "${PIPESTATUS[0]}"',
      'fi',
      'exec /usr/bin/ssh "$@"',
      '',
    ].join('\n'), { mode: 0o755 });
  }

  /** Hold the next savefile read from a primary. */
  public arm(): void {
    for (const name of ['holding', 'release']) fs.rmSync(path.join(this.dir, name), { force: true });
    fs.writeFileSync(path.join(this.dir, 'armed'), '');
  }

  /** The pid of the bash that runs the held ssh, once the copy is held. */
  public heldBy(): number | undefined {
    const file = path.join(this.dir, 'holding');
    return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : undefined;
  }

  /** Let the held copy go on (its ssh sessions outlive a killed script, as they would under Terraform). */
  public release(): void {
    fs.writeFileSync(path.join(this.dir, 'release'), '');
  }

  /** Environment for the deploy: this ssh first on PATH. */
  public env(): NodeJS.ProcessEnv {
    return { PATH: `${this.binDir}:${process.env.PATH}` };
  }
}

/**
 * The transfer script's own bash above `pid`: pipeline parts run in forked
 * copies of it (same command line), so walk up while the parent runs the
 * same command line. That process is what Terraform's local-exec started.
 */
export function transferScriptProcess(pid: number): number {
  const cmdline = (p: number) => fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
  const parentOf = (p: number) => Number(fs.readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  const own = cmdline(pid);
  let current = pid;
  for (let parent = parentOf(current); parent > 1 && cmdline(parent) === own; parent = parentOf(current)) current = parent;
  return current;
}
