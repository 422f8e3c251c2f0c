import { hasControlCharacter, utf8Length } from './text-measure';

/**
 * SSH connection values (login user, port, host key, private key file) as
 * the rules (SPX153..SPX156) and the generated scripts accept them. Pure.
 *
 * Internal (not part of the jsii API).
 */

/**
 * An SSH login name: a letter, digit or `_`, then letters, digits, `.`, `_`
 * or `-`, at most 64 characters. Accepts `root`, `ec2-user`, `svc.deploy`,
 * `Administrator` (Windows' OpenSSH). Refuses `@` and `\` (`user@host` and
 * `DOMAIN\user` would be split by `ssh`'s `user@host` and `ProxyJump`
 * syntax), a leading `-` or `.` (an `ssh` option, a hidden name), spaces,
 * quotes and shell syntax.
 */
export const SSH_USER_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

/** Whether `text` is a valid SSH login name (`connection.user`, `bastionUser`). */
export function isSshUser(text: string): boolean {
  return typeof text === 'string' && SSH_USER_PATTERN.test(text);
}

/** Highest TCP port. */
export const MAX_PORT = 65535;

/** Whether `text` is a TCP port: a decimal integer 1..65535 without leading zeros. */
export function isPort(text: string): boolean {
  return typeof text === 'string' && /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= MAX_PORT;
}

/**
 * The OpenSSH public key types a host key may have (`ssh -Q key`, without
 * certificates), each with the start of its key blob in base64: a blob
 * begins with its own type name (RFC 4253 section 6.6), so the text after
 * the type must begin with this. The prefix covers the whole 3-byte groups
 * of `uint32 length || type`.
 */
export const HOST_KEY_TYPES: { readonly [type: string]: string } = {
  'ssh-ed25519': 'AAAAC3NzaC1lZDI1NTE5',
  'ssh-rsa': 'AAAAB3NzaC1y',
  'ecdsa-sha2-nistp256': 'AAAAE2VjZHNhLXNoYTItbmlzdHAy',
  'ecdsa-sha2-nistp384': 'AAAAE2VjZHNhLXNoYTItbmlzdHAz',
  'ecdsa-sha2-nistp521': 'AAAAE2VjZHNhLXNoYTItbmlzdHA1',
  'sk-ssh-ed25519@openssh.com': 'AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t',
  'sk-ecdsa-sha2-nistp256@openssh.com': 'AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5j',
};

/** Longest host key line in bytes: a 16384-bit RSA key is about 2.8 kB of base64. */
export const HOST_KEY_MAX_LENGTH = 8192;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Whether `text` is one OpenSSH public key line: `TYPE BASE64` or
 * `TYPE BASE64 COMMENT`, single spaces between, `TYPE` one of
 * HOST_KEY_TYPES, `BASE64` well-formed (a multiple of 4 characters, `=`
 * only as padding) and starting with the blob prefix of `TYPE`, the comment
 * free of control characters. No surrounding whitespace (the constructs
 * trim a key read from a `.pub` file). Refuses placeholders such as
 * `ssh-ed25519 AAAAC3Nza...`.
 */
export function isHostKey(text: string): boolean {
  if (typeof text !== 'string' || utf8Length(text) > HOST_KEY_MAX_LENGTH || hasControlCharacter(text) || text.endsWith(' ')) return false;
  const first = text.indexOf(' ');
  if (first < 0) return false;
  const type = text.slice(0, first);
  const rest = text.slice(first + 1);
  const second = rest.indexOf(' ');
  const blob = second < 0 ? rest : rest.slice(0, second);
  const prefix = Object.prototype.hasOwnProperty.call(HOST_KEY_TYPES, type) ? HOST_KEY_TYPES[type] : undefined;
  return prefix !== undefined
    && BASE64.test(blob)
    && blob.length % 4 === 0
    && blob.length > prefix.length
    && blob.startsWith(prefix);
}

/** Longest private key file path in bytes (Linux `PATH_MAX`). */
export const PRIVATE_KEY_FILE_MAX_LENGTH = 4096;

/**
 * Whether `text` is a private key file path: absolute (`/...`) or in the
 * home directory (`~/...`, expanded by Terraform's `pathexpand()`), at most
 * 4096 bytes, any characters but control characters (spaces are fine: the
 * scripts quote it). A relative path is refused: it would depend on the
 * directory Terraform runs in.
 */
export function isPrivateKeyFile(text: string): boolean {
  return typeof text === 'string'
    && /^(\/|~\/)./s.test(text)
    && utf8Length(text) <= PRIVATE_KEY_FILE_MAX_LENGTH
    && !hasControlCharacter(text);
}
