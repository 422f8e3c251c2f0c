/**
 * CPU seconds from /proc, for `npm run bench:deploy --profile`: how much of
 * the machine a deploy used on the simulated hosts (each sandbox sshd with
 * everything it ran) and on the deploy machine (cdktf, Terraform and the ssh
 * clients of the transfer steps). With more simulated hosts than cores, the
 * hosts' share is CPU that a real estate spends on its own machines.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime (own) and cutime + cstime (waited-for children) of a process, in seconds. */
function cpuOf(pid: number | 'self'): { own: number; children: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  return { own: (fields[11] + fields[12]) / TICKS_PER_SECOND, children: (fields[13] + fields[14]) / TICKS_PER_SECOND };
}

/** CPU seconds the children this process has waited for used so far (the deploy's cdktf and all it ran). */
export function childrenCpuSeconds(): number {
  return cpuOf('self').children;
}

/**
 * CPU seconds used so far by every sandbox sshd (PID 1 of its namespace,
 * child of the `unshare` listed in sandbox.pids) and what it reaped.
 */
export function sandboxCpuSeconds(sandboxWorkDir: string): number {
  const pids = fs.readFileSync(path.join(sandboxWorkDir, 'sandbox.pids'), 'utf8').split('\n').filter(Boolean).map(Number);
  let total = 0;
  for (const unshare of pids) {
    const children = fs.readFileSync(`/proc/${unshare}/task/${unshare}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    for (const sshd of children) {
      const cpu = cpuOf(sshd);
      total += cpu.own + cpu.children;
    }
  }
  return total;
}
