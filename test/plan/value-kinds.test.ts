import { spawnSync } from 'child_process';
import { HOST_KEY_TYPES } from '../../lib/model/ssh-values';
import {
  BACKUP_COMMAND, EXCLUDE_PARTS, HOST, HOST_KEY, INSTALL_OWNER, INSTALL_PATH, isValidPort, isValidPrecedence, LANDSCAPE_HANDLE,
  MAX_PRECEDENCE, OS_PACKAGE, PORT, PRECEDENCE, PRIVATE_KEY_FILE, RESEED, RETAIN, SSH_USER, VALUE_KINDS, ValueKind, VERSION, VNMRC_KEY,
  VNMRC_VALUE,
} from '../../lib/model/value-kinds';
import { predicateDefinitions, SCRIPT_PREDICATES } from '../../lib/plan/script-predicates';
import { checks } from '../../lib/plan/value-checks';

/** Real keys (generated for this test, never used anywhere). */
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINCHQviGgmLETRZior6p/zUDh59VXQW5wyFEutIIGIhS';
const ECDSA = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YLrYu3V6'
  + 'dp1kY2Uen4XjRhRIxmBXJsQLzG6mV6u8ypNFKXAZTpBBY6c=';

/** Values every kind must refuse, whatever it allows: what an attacker would try. */
const HOSTILE: readonly string[] = [
  '', ' ', '\n', 'a\nb', 'a\rb', 'a\r\n', 'value\n', '\nvalue', 'a\tb', 'a\u001bb', 'a\u007fb',
  '\'', '"', '\'; id #', '"; id #', '$(id)', '`id`', '$((1+1))', 'a;id', 'a|id', 'a&&id', 'a>b', '<a', '!', '\\',
  'x\nCDKTF_SPECTRUM_VALUE\nid', '${var.x}', '%{ if true }x%{ endif }',
  'é', 'ß.example.com', '\u00a0', '\u2028', '\ud83d\ude00', '\ud800', 'e\u0301', 'ｓｓ１',
  'a'.repeat(100_000), `/${'a'.repeat(100_000)}`, '*', '?', '[a]', '-rf', '--help', '~', '~root/x',
];

interface Corpus {
  readonly kind: ValueKind;
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
  /** Characters random values of this kind are drawn from (a fuzz near the kind's edges). */
  readonly alphabet: string;
}

const CORPORA: readonly Corpus[] = [
  {
    kind: HOST,
    valid: [
      'localhost', 'ss1', 'ss-1.example.com', 'SS1.Example.COM', '1st.example.com', 'a', `${'a'.repeat(63)}.example.com`,
      `${'a.'.repeat(126)}a`, '192.0.2.10', '0.0.0.0', '255.255.255.255', '::1', '::', '2001:db8::10', '2001:DB8:0:0:0:0:0:1',
      'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '::ffff:192.0.2.10', '64:ff9b::192.0.2.1',
      '1:2:3:4:5:6:1.2.3.4', 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255', 'a1b2::c3d4',
    ],
    invalid: [
      '999.1.1.1', 'a..b', '::::', '1::2::3', ':::', '1:::2', 'ss 1', 'ss1;rm -rf /', '-ss1', 'ss1-', 'ss_1', '.ss1', 'ss1.',
      `${'a'.repeat(64)}.example.com`, `${'a.'.repeat(127)}ab`, '256.1.1.1', '1.2.3', '01.2.3.4', '12345', '1.2.3.4.',
      '1:2:3:4:5:6:7:8:9', ':1::', '1.2.3.4::', 'fe80::1%eth0', '[::1]', '12345::', 'gggg::1', '::ffff:1.2.3.999',
      '1:2:3:4:5:6:7:1.2.3.4', '1::2:3:4:5:6:7:8', ':', '1:', ':1', '::1:', 'example.123',
    ],
    alphabet: 'a0.:-f9F1',
  },
  {
    kind: INSTALL_PATH,
    valid: ['/opt/CA/Spectrum', '/a', '/opt/spectrum-10.4.1/', '/a/.b/c_d', '/a/...', `/${'a'.repeat(4095)}`],
    invalid: ['/', 'opt/CA', '/opt//CA', '/opt/../etc', '/..', '/opt/..', '/opt dir', '/opt/$x', '/opt/é', `/${'a'.repeat(4096)}`, '~/x'],
    alphabet: '/a.-_ ',
  },
  {
    kind: INSTALL_OWNER,
    valid: ['spectrum', '_svc', 'a', 'spec-trum_1', `a${'b'.repeat(31)}`],
    invalid: ['Spectrum', '1spectrum', '-x', 'a.b', `a${'b'.repeat(32)}`, 'a b', 'svc.deploy'],
    alphabet: 'aZ_-.1',
  },
  {
    kind: SSH_USER,
    valid: ['root', 'ec2-user', 'svc.deploy', 'Administrator', '_svc', '1user', 'a', `a${'b'.repeat(63)}`, 'user.'],
    invalid: ['-oProxyCommand=id', '.hidden', 'user@domain', 'DOMAIN\\user', 'a b', `a${'b'.repeat(64)}`, 'user$', 'us:er', 'us/er'],
    alphabet: 'aZ._-@1',
  },
  {
    kind: LANDSCAPE_HANDLE,
    valid: ['0x100000', '0x400000', '0xffe00000', '0xa00000', '0x12300000'],
    invalid: ['0x0', '0x000000', '0xfff00000', '0x1000000000', '0x400001', '0x0400000', '0X400000', '0x400000 ', '4194304', '0xFFE00000', '0x80000'],
    alphabet: '0x1f',
  },
  {
    kind: PRECEDENCE,
    valid: ['1', '10', '20', '65535', String(MAX_PRECEDENCE)],
    invalid: ['0', '-1', '+1', '010', '1.5', '1e9', '1000000000', String(2 ** 31), '1_000', ' 1', '0x10', 'NaN', 'Infinity'],
    alphabet: '0192e.',
  },
  {
    kind: PORT,
    valid: ['1', '22', '2222', '65535'],
    invalid: ['0', '65536', '70000', '022', '-22', '22.0', '1e3', '100000'],
    alphabet: '0156',
  },
  {
    kind: VERSION,
    valid: ['10.4.1', '10.4.1-GA', 'a', `a${'b'.repeat(63)}`],
    invalid: ['-10.4', '.1', `a${'b'.repeat(64)}`, '10.4 1', '10/4'],
    alphabet: '1.a-_/',
  },
  {
    kind: EXCLUDE_PARTS,
    valid: ['OneClick', 'OneClick,SRM', 'a_b-c', '1a,b_', `${'a,'.repeat(255)}ab`],
    invalid: [',', 'a,', ',a', 'a,,b', 'a b', '-a', 'a,-b', '_a', `${'a,'.repeat(256)}a`, 'a.b'],
    alphabet: 'a,_-.',
  },
  {
    kind: HOST_KEY,
    valid: [
      ED25519, `${ED25519} me@x`, `${ED25519} a comment with  spaces`, `${ED25519} é`, ECDSA, `${ECDSA} root@host`,
      `ssh-rsa ${'AAAAB3NzaC1y'}c2EAAAADAQAB`, `sk-ssh-ed25519@openssh.com ${HOST_KEY_TYPES['sk-ssh-ed25519@openssh.com']}AAAA`,
    ],
    invalid: [
      'ssh-ed25519 AAAAC3Nza...', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5', 'ssh-ed25519', `${ED25519}\n`, ` ${ED25519}`, `${ED25519} `,
      `ssh-ed25519  ${ED25519.slice(12)}`, `ssh-dss ${ED25519.slice(12)}`, `ssh-rsa ${ED25519.slice(12)}`, `${ED25519}=`,
      `${ED25519.slice(0, -1)}`, `${ED25519.slice(0, -4)}AA=A`, `${ED25519}\tcomment`, `${ED25519} a\nb`, 'AAAAC3NzaC1lZDI1NTE5',
      `@cert-authority * ${ED25519}`, `ssh-ed25519-cert-v01@openssh.com ${ED25519.slice(12)}`, `${ED25519} ${'c'.repeat(8192)}`,
    ],
    alphabet: 'A=+/ s',
  },
  {
    kind: PRIVATE_KEY_FILE,
    valid: ['/home/ci/.ssh/spectrum', '~/.ssh/id_ed25519', '/keys/my key', '/clés/ключ', '/a\'b"c$(id)', '~/x', `/${'a'.repeat(4095)}`],
    invalid: ['.ssh/id_ed25519', 'id_ed25519', '~', '~/', '/', '~root/.ssh/id', '/a\nb', '/a\tb', `/${'a'.repeat(4096)}`, `/${'é'.repeat(2048)}`],
    alphabet: '/~. a',
  },
  {
    kind: BACKUP_COMMAND,
    valid: ['/opt/backup/online-backup --to "$SPECTRUM_SAVEFILE"', 'x', 'a\tb', 'echo $(date) `id` \'q\' "q"', 'a'.repeat(4096), 'é'.repeat(2048)],
    invalid: ['', 'a\nb', 'a\rb', 'cmd\n', 'a'.repeat(4097), 'é'.repeat(2049)],
    alphabet: 'a \n\r$',
  },
  {
    kind: VNMRC_KEY,
    valid: ['secondary_polling', 'vnm_message_timeout', '_x', 'a.b', 'A1', `a${'b'.repeat(127)}`],
    invalid: ['', '1a', '.a', 'a-b', 'a b', 'a=b', `a${'b'.repeat(128)}`],
    alphabet: 'a_.1-=',
  },
  {
    kind: VNMRC_VALUE,
    valid: ['', 'yes', '180000', 'a b=c', 'é', 'a'.repeat(1024), 'é'.repeat(512), '$(id)'],
    invalid: ['a\nb', 'a\rb', 'a'.repeat(1025), 'é'.repeat(513)],
    alphabet: 'a\n é',
  },
  {
    kind: OS_PACKAGE,
    valid: ['ksh', 'libxcrypt.i686', 'libstdc++', 'perl-LWP-Protocol-https', '0ad', 'x', 'a'.repeat(128)],
    invalid: ['', '-y', '--force', 'a b', 'a;b', 'a/b', '.hidden', '_x', 'pkg:1', 'é', 'a'.repeat(129)],
    alphabet: 'a.+-_ ;',
  },
  {
    kind: RESEED,
    valid: ['', '2026-12-01', 'nightly 2026-12-01T02:30', 'run 4711/attempt-2', 'a+b@c:d_e.f', 'x'.repeat(128), '-rf'],
    invalid: ['x'.repeat(129), 'a;b', '$(id)', 'a\nb', 'é', 'a\tb', '`x`', '"', '*', 'a,b', '~'],
    alphabet: 'a -./é$\n',
  },
  {
    kind: RETAIN,
    valid: ['1', '3', '10', '999999'],
    invalid: ['0', '01', '-1', '2.5', '1000000', '', ' 3', '3 ', '1e3', '１'],
    alphabet: '0123a-',
  },
];

/** Deterministic values from `alphabet` (a linear congruential generator: no randomness between runs). */
function fuzz(alphabet: string, count: number): string[] {
  const chars = [...alphabet];
  let seed = 0x2302;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = next() % 12;
    let value = '';
    for (let j = 0; j < length; j++) value += chars[next() % chars.length];
    values.push(value);
  }
  return values;
}

/** A long value shortened for failure messages. */
function shortened(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}... (${value.length} characters)` : value;
}

/** `\xHH` per UTF-8 byte: a line bash's `printf %b` turns back into exactly those bytes. */
function escaped(value: string): string {
  return [...Buffer.from(value, 'utf8')].map(b => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/**
 * Runs the bash predicate of `kind` on every value in ONE bash process (with
 * a UTF-8 locale, as a host may have), feeding each value as escaped bytes
 * on a line of its own; returns what bash decided for each.
 */
function bashDecides(kind: ValueKind, values: readonly string[]): boolean[] {
  const script = `${predicateDefinitions([kind.bashPredicate])}
while IFS= read -r line; do
  printf -v value '%b' "$line"
  if ${kind.bashPredicate} "$value"; then echo 1; else echo 0; fi
done
`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    input: values.map(escaped).join('\n') + '\n',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const lines = result.stdout.split('\n').slice(0, -1);
  expect(lines).toHaveLength(values.length);
  return lines.map(line => line === '1');
}

const ALL_VALUES = [...new Set(CORPORA.flatMap(c => [...c.valid, ...c.invalid]))];

describe('value kinds: one predicate, in TypeScript and in bash', () => {
  test('every kind has a corpus, a description and a bash function of its own', () => {
    expect(CORPORA.map(c => c.kind)).toEqual(VALUE_KINDS);
    expect(new Set(VALUE_KINDS.map(k => k.bashPredicate)).size).toBe(VALUE_KINDS.length);
    for (const kind of VALUE_KINDS) {
      expect(kind.description.length).toBeGreaterThan(5);
      expect(SCRIPT_PREDICATES[kind.bashPredicate].definition).toMatch(new RegExp(`^${kind.bashPredicate}\\(\\) \\{`, 'm'));
    }
  });

  test('the bash functions need no escaping in a Terraform template and pass shellcheck', () => {
    const all = predicateDefinitions(Object.keys(SCRIPT_PREDICATES));
    expect(all).not.toContain('${');
    expect(all).not.toContain('%{');
    for (const [name, { definition }] of Object.entries(SCRIPT_PREDICATES)) expect(definition).toMatch(new RegExp(`^${name}\\(\\) \\{`, 'm'));
    const result = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: `#!/bin/bash\n${all}`, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  describe.each(CORPORA.map(c => [c.kind.name, c] as const))('%s', (_name, corpus) => {
    test('accepts the valid corpus and refuses the invalid one and the hostile values', () => {
      const { kind } = corpus;
      expect(corpus.valid.filter(v => !kind.test(v)).map(shortened)).toEqual([]);
      expect(corpus.invalid.filter(v => kind.test(v)).map(shortened)).toEqual([]);
      const hostileAccepted = HOSTILE.filter(v => kind.test(v)).map(shortened);
      // A .vnmrc value may be empty; a key file, a backup command and a .vnmrc value may hold quotes and `$(...)`.
      const oneLine = (v: string, max: number): boolean => !/[\r\n\0]/.test(v) && Buffer.byteLength(v) <= max;
      const allowed = HOSTILE.filter(v => {
        if (kind === VNMRC_VALUE) return oneLine(v, 1024);
        if (kind === BACKUP_COMMAND) return v !== '' && oneLine(v, 4096);
        if (kind === PRIVATE_KEY_FILE) return /^(\/|~\/)./.test(v) && !/[\u0000-\u001f\u007f]/.test(v) && Buffer.byteLength(v) <= 4096;
        // A reseed value only reaches a log line (printf %q): empty, spaces and leading dashes are fine.
        if (kind === RESEED) return ['', ' ', '-rf', '--help'].includes(v);
        return false;
      });
      expect(hostileAccepted).toEqual(allowed.map(shortened));
    });

    test('bash decides exactly as TypeScript on the corpus, the hostile values, every other corpus and a fuzz', () => {
      const { kind } = corpus;
      const values = [...new Set([...corpus.valid, ...corpus.invalid, ...HOSTILE, ...ALL_VALUES, ...fuzz(corpus.alphabet, 300)])]
        // NUL cannot be held by a bash variable: the scripts' decoding refuses it before a predicate runs.
        .filter(v => !v.includes('\0'));
      const bash = bashDecides(kind, values);
      const disagreements = values
        .map((value, i) => ({ value: shortened(value), ts: kind.test(value), bash: bash[i] }))
        .filter(d => d.ts !== d.bash);
      expect(disagreements).toEqual([]);
    });
  });

  test('NUL is refused by every kind', () => {
    for (const kind of VALUE_KINDS) {
      for (const value of ['\0', 'a\0', '/a\0b', `${ED25519}\0`, 'secondary_polling\0']) expect(kind.test(value)).toBe(false);
    }
  });

  test('the values the review found: precedence, ports, users, key files, host keys', () => {
    expect(isValidPrecedence(1e9)).toBe(false);
    expect(isValidPrecedence(2 ** 31)).toBe(false);
    expect(isValidPrecedence(MAX_PRECEDENCE)).toBe(true);
    expect(isValidPrecedence(Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isValidPrecedence(1.5)).toBe(false);
    expect(isValidPrecedence(10)).toBe(true);
    expect(isValidPort(0)).toBe(false);
    expect(isValidPort(70000)).toBe(false);
    expect(isValidPort(22.5)).toBe(false);
    expect(isValidPort(2222)).toBe(true);
    expect(SSH_USER.test('svc.deploy') && SSH_USER.test('Administrator') && SSH_USER.test('ec2-user')).toBe(true);
    expect(INSTALL_OWNER.test('svc.deploy')).toBe(false);
    expect(PRIVATE_KEY_FILE.test('~/.ssh/id_ed25519') && PRIVATE_KEY_FILE.test('/keys/with space')).toBe(true);
    expect(PRIVATE_KEY_FILE.test('keys/id')).toBe(false);
    expect(HOST_KEY.test('ssh-ed25519 AAAAC3Nza...')).toBe(false);
    expect(HOST_KEY.test(`${ED25519}\n`)).toBe(false);
    expect(BACKUP_COMMAND.test('a\nb')).toBe(false);
  });

  test('the blob prefix of every host key type is the base64 of its type name', () => {
    for (const [type, prefix] of Object.entries(HOST_KEY_TYPES)) {
      const blob = Buffer.alloc(4 + type.length);
      blob.writeUInt32BE(type.length);
      blob.write(type, 4);
      expect(prefix).toBe(blob.subarray(0, Math.floor(blob.length / 3) * 3).toString('base64'));
    }
  });

  describe('the kinds the steps declare their script variables with (lib/plan/value-checks.ts)', () => {
    const PLAN_VALUES = [
      'save/0x400000.SSdb', 'a/../b', '../a', 'a//b', '/abs', 'yes', 'no', 'YES', '0x400000 20', '0x400000  20', '0x400000 0', '0x400000 20 x',
      '0x0400000 20', ' 0x400000 20', '0x400000\n20', '0x400000 1000000000',
    ];
    test.each(Object.entries(checks))('%s: bash decides exactly as TypeScript', (_name, kind) => {
      const values = [...new Set([...PLAN_VALUES, ...HOSTILE, ...ALL_VALUES, ...fuzz('0x4 /.a\n', 200)])].filter(v => !v.includes('\0'));
      const bash = bashDecides(kind, values);
      const disagreements = values.map((value, i) => ({ value: shortened(value), ts: kind.test(value), bash: bash[i] })).filter(d => d.ts !== d.bash);
      expect(disagreements).toEqual([]);
    });

    test('user values are checked with the kinds the rules use; an unset optional value is empty', () => {
      expect(checks.host.test('999.1.1.1')).toBe(false);
      expect(checks.sshUser.test('svc.deploy')).toBe(true);
      expect(checks.owner.test('svc.deploy')).toBe(false);
      expect(checks.precedence.test('1000000000')).toBe(false);
      expect(checks.hostKeyOrEmpty.test('')).toBe(true);
      expect(checks.hostKeyOrEmpty.test('ssh-ed25519 AAAAC3Nza...')).toBe(false);
      expect(checks.privateKeyFileOrEmpty.test('~/.ssh/id_ed25519')).toBe(true);
      expect(checks.backupCommandOrEmpty.test('a\nb')).toBe(false);
      expect(checks.host.description).toBe('a host name or IP address (SPX120)');
    });
  });
});
