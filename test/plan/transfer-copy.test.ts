import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SshTarget } from '../../lib/plan/plan-step';
import { INCOMING_DIR, savefileBase, SAVEFILE_DIR } from '../../lib/plan/savefile-paths';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { transferStep } from '../../lib/plan/steps/transfer-step';
import { TRANSFER_HOST_ALIASES } from '../../lib/plan/transfer-ssh-config';

/**
 * The transfer's copy (docs/transfer.md), run by bash against two local
 * directories standing for the primary's and the secondary's $SPECROOT: an
 * `ssh` on PATH runs the remote command with `bash -c`, as sshd runs it with
 * the user's shell, and logs each session. One session per side (each
 * session is an SSH handshake, through a bastion too); the copy is verified
 * before it replaces the previous one.
 */

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const SAVEFILE = `${SAVEFILE_DIR}/${savefileBase('0x400000')}.SSdb`;
const INCOMING = `${INCOMING_DIR}/${savefileBase('0x400000')}.SSdb`;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'transfer-copy-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function serverInput(host: string, specroot: string): ServerPlanInput {
  const keyFile = path.join(tmp, 'id_ed25519');
  fs.writeFileSync(keyFile, 'the fake ssh does not read it\n', { mode: 0o600 });
  const target: SshTarget = {
    host: literal(host), user: literal('root'), port: literal('22'), privateKeyFile: literal(keyFile), agent: false, hostKey: literal(KEY), timeout: '5m',
  };
  return {
    path: `app/east/${host}`,
    host: literal(host),
    target,
    install: { installDir: literal(specroot), owner: literal('spectrum'), excludeParts: [], updates: [] },
    handle: '0x400000',
    precedence: 10,
    mainLocationServer: literal(host),
    vnmrc: {},
  };
}

interface Hosts { primary: string; secondary: string; sessions: () => string[] }

/** Two install dirs and an ssh that runs the command locally; `tamper` (sed program) alters what the primary sends. */
function hosts(options: { tamper?: string } = {}): Hosts {
  const primary = path.join(tmp, 'primary');
  const secondary = path.join(tmp, 'secondary');
  const bin = path.join(tmp, 'bin');
  const log = path.join(tmp, 'sessions.log');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'ssh'), [
    '#!/bin/bash',
    // ssh -F CONFIG ALIAS COMMAND
    `printf '%s\\n' "$3" >> ${JSON.stringify(log)}`,
    options.tamper && `if [ "$3" = ${TRANSFER_HOST_ALIASES.primary} ]; then bash -c "$4" | sed ${JSON.stringify(options.tamper)}; exit "\${PIPESTATUS[0]}"; fi`,
    'exec bash -c "$4"',
    '',
  ].filter(Boolean).join('\n'), { mode: 0o755 });
  return { primary, secondary, sessions: () => fs.readFileSync(log, 'utf8').trim().split('\n') };
}

function writeSavefile(specroot: string, content: string, checksum = createHash('sha256').update(content).digest('hex')): void {
  const file = path.join(specroot, 'SS', SAVEFILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.writeFileSync(`${file}.sha256`, `${checksum}\n`);
}

function transfer(h: Hosts): { code: number | null; output: string } {
  const script = transferStep(serverInput('192.0.2.10', h.primary), serverInput('192.0.2.20', h.secondary)).script;
  const run = spawnSync('bash', ['-c', script], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${path.join(tmp, 'bin')}:${process.env.PATH}`, TMPDIR: tmp },
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

const incoming = (h: Hosts, suffix = '') => path.join(h.secondary, 'SS', `${INCOMING}${suffix}`);

describe('transfer copy', () => {
  test('one session on each side; the savefile and then its checksum arrive', () => {
    const h = hosts();
    const content = `SIMSSDB 1\n${'model\n'.repeat(5000)}\u0000binary\xff tail without newline`;
    writeSavefile(h.primary, content);
    const result = transfer(h);
    expect(result.output).toContain(`copied ${SAVEFILE} from 192.0.2.10 to 192.0.2.20:`);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(incoming(h), 'utf8')).toBe(content);
    expect(fs.readFileSync(incoming(h, '.sha256'), 'utf8').trim()).toBe(createHash('sha256').update(content).digest('hex'));
    expect(fs.existsSync(incoming(h, '.partial'))).toBe(false);
    expect(h.sessions()).toEqual([TRANSFER_HOST_ALIASES.primary, TRANSFER_HOST_ALIASES.secondary]);
  });

  test('a savefile corrupted on the way is refused, and the previous copy stays', () => {
    const h = hosts({ tamper: 's/model/MODEL/' });
    fs.mkdirSync(path.dirname(incoming(h)), { recursive: true });
    fs.writeFileSync(incoming(h), 'previous copy');
    writeSavefile(h.primary, 'SIMSSDB 1\nmodel\n');
    const result = transfer(h);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/the savefile arrived corrupted on the secondary 192\.0\.2\.20 \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\)/);
    expect(fs.readFileSync(incoming(h), 'utf8')).toBe('previous copy');
    expect(fs.existsSync(incoming(h, '.partial'))).toBe(false);
  });

  test('no savefile on the primary: says so, and the secondary gets nothing', () => {
    const h = hosts();
    fs.mkdirSync(h.primary, { recursive: true });
    const result = transfer(h);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`could not read ${h.primary}/SS/${SAVEFILE}.sha256 from the primary 192.0.2.10`);
    expect(result.output).toContain('has the savefile step run?');
    expect(fs.existsSync(incoming(h))).toBe(false);
  });

  test('a checksum file that holds no checksum is refused before anything is sent', () => {
    const h = hosts();
    writeSavefile(h.primary, 'SIMSSDB 1\n', 'not-a-checksum');
    const result = transfer(h);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('holds no SHA-256 checksum; run the savefile step again');
    expect(h.sessions()).toEqual([TRANSFER_HOST_ALIASES.primary]);
  });

  test('a savefile that cannot be read after its checksum was: the previous copy stays', () => {
    const h = hosts();
    writeSavefile(h.primary, 'SIMSSDB 1\n');
    // A directory where the savefile should be: cat fails even for root, after the checksum line went out.
    fs.rmSync(path.join(h.primary, 'SS', SAVEFILE));
    fs.mkdirSync(path.join(h.primary, 'SS', SAVEFILE));
    fs.mkdirSync(path.dirname(incoming(h)), { recursive: true });
    fs.writeFileSync(incoming(h), 'previous copy');
    const result = transfer(h);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`could not read ${h.primary}/SS/${SAVEFILE} from the primary 192.0.2.10`);
    expect(fs.readFileSync(incoming(h), 'utf8')).toBe('previous copy');
  });
});
