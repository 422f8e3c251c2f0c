/** The machine a benchmark ran on, in one line and as fields; and the code it measured. */
import { execFileSync } from 'child_process';
import * as os from 'os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly os: string;
  readonly cdktf: string;
}

export function machine(): Machine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdktf = (require('cdktf/package.json') as { version: string }).version;
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cdktf,
  };
}

export function describe(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, cdktf ${m.cdktf}`;
}

/** The commit measured, with `+` when lib/ has changes not committed yet (undefined outside git). */
export function codeVersion(root: string): string | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'lib') === '' ? commit : `${commit}+`;
  } catch {
    return undefined;
  }
}
