import { isValidHost } from './host-name';
import { isSafeInstallPath, isValidUserName } from './install-path';
import { isLegacyHandle } from './landscape-handle';
import { isOsPackageName } from './os-packages';
import { isHostKey, isPort, isPrivateKeyFile, isSshUser } from './ssh-values';
import { hasLineBreakOrNul, utf8Length } from './text-measure';
import { isVnmrcKey, isVnmrcValue } from './vnmrc-keys';

/**
 * The kinds of value that reach a generated script, each with one
 * definition used on both sides: `test` by the synth-time rules (and by the
 * shell layer on literal values), `bashPredicate` (a function of
 * lib/plan/script-predicates.ts) by the scripts on the values they decode at
 * apply time. test/plan/value-kinds.test.ts runs a corpus of values through
 * both and fails when they disagree. docs/value-kinds.md lists them.
 *
 * Lengths are counted in UTF-8 bytes, as the scripts count them.
 *
 * Internal (not part of the jsii API).
 */
export interface ValueKind {
  /** Short name, e.g. `host`. */
  readonly name: string;
  /** For messages: what a value must be, e.g. `a host name or IP address`. */
  readonly description: string;
  /** Name of the bash function (in SCRIPT_PREDICATES) that decides the same: `is_host "$value"`. */
  readonly bashPredicate: string;
  /** Whether `text` is a value of this kind. */
  test(text: string): boolean;
}

/**
 * Highest precedence accepted. Broadcom documents no range for the
 * precedence `SSdbload -add <P>` and `MapUpdate -precedence <P>` take (the
 * techdocs' SSdbload and MapUpdate references give none), so this keeps to
 * what any tool parses safely: nine digits, below 2^31 (a 32-bit signed
 * integer). `1e9` and `2**31` are refused.
 */
export const MAX_PRECEDENCE = 999_999_999;

/** Longest accepted `backupCommand`, in bytes. */
export const BACKUP_COMMAND_MAX_LENGTH = 4096;

/** Longest accepted comma-separated list of excluded parts, in bytes. */
export const EXCLUDE_PARTS_MAX_LENGTH = 512;

function kind(name: string, description: string, bashPredicate: string, test: (text: string) => boolean): ValueKind {
  return {
    name,
    description,
    bashPredicate,
    test: (text: string) => typeof text === 'string' && test(text),
  };
}

/** A host name (RFC 1123), an IPv4 address or an IPv6 address (see lib/model/host-name.ts). */
export const HOST = kind('host', 'a host name or IP address', 'is_host', isValidHost);

/** An install dir or media path: absolute, of `[A-Za-z0-9._/-]`, no `..` segment, no `//`, at most 4096 bytes. */
export const INSTALL_PATH = kind('install path', 'an absolute path of letters, digits, ".", "_", "-" and "/"', 'is_safe_path', isSafeInstallPath);

/** The install owner: a portable Linux user name (`^[a-z_][a-z0-9_-]{0,31}$`). */
export const INSTALL_OWNER = kind('install owner', 'a Linux user name (lower case, at most 32 characters)', 'is_user_name', isValidUserName);

/** An SSH login name (`connection.user`, `bastionUser`): see SSH_USER_PATTERN. */
export const SSH_USER = kind('SSH user', 'an SSH login name of letters, digits, ".", "_" and "-"', 'is_ssh_user', isSshUser);

/** A legacy landscape handle as the installer's `l_handle` takes it: `0x400000` (lower-case hex, no leading zeros). */
export const LANDSCAPE_HANDLE = kind('landscape handle', 'a landscape handle such as 0x400000', 'is_handle',
  text => /^0x[1-9a-f][0-9a-f]{0,7}$/.test(text) && isLegacyHandle(parseInt(text.slice(2), 16)));

/** A precedence: a decimal integer 1..MAX_PRECEDENCE without leading zeros. */
export const PRECEDENCE = kind('precedence', `a whole number from 1 to ${MAX_PRECEDENCE}`, 'is_precedence',
  text => /^[1-9][0-9]*$/.test(text) && text.length <= String(MAX_PRECEDENCE).length && Number(text) <= MAX_PRECEDENCE);

/** A TCP port: a decimal integer 1..65535 without leading zeros. */
export const PORT = kind('port', 'a whole number from 1 to 65535', 'is_port', isPort);

/** A Spectrum version as `Install-Tools/.history` records it, e.g. `10.4.1`: a letter or digit, then letters, digits, `.`, `_`, `-`; at most 64. */
export const VERSION = kind('version', 'a version of letters, digits, ".", "_" and "-" such as 10.4.1', 'is_version',
  text => /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(text));

/**
 * The installer's excluded parts, comma-separated as the hostargs file takes
 * them: names of a letter or digit, then letters, digits, `_` or `-`; at most
 * 512 bytes.
 */
export const EXCLUDE_PARTS = kind('exclude parts', 'part names of letters, digits, "_" and "-", separated by commas', 'is_exclude_parts',
  text => text.length <= EXCLUDE_PARTS_MAX_LENGTH && /^[A-Za-z0-9][A-Za-z0-9_-]*(,[A-Za-z0-9][A-Za-z0-9_-]*)*$/.test(text));

/** Whether `part` is one name EXCLUDE_PARTS accepts in its list. */
export function isExcludePart(part: string): boolean {
  return typeof part === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(part);
}

/** An OpenSSH public key line `TYPE BASE64 [comment]` (see isHostKey). */
export const HOST_KEY = kind('host key', 'an OpenSSH public key "TYPE BASE64 [comment]" such as the line of a .pub file', 'is_host_key', isHostKey);

/** A private key file path: absolute or `~/...`, no control characters (see isPrivateKeyFile). */
export const PRIVATE_KEY_FILE = kind('private key file', 'an absolute path or one starting with "~/"', 'is_private_key_file', isPrivateKeyFile);

/** A backup command: one non-empty line (no CR, LF or NUL), at most 4096 bytes. */
export const BACKUP_COMMAND = kind('backup command', 'one line of at most 4096 bytes', 'is_backup_command',
  text => text.length > 0 && !hasLineBreakOrNul(text) && utf8Length(text) <= BACKUP_COMMAND_MAX_LENGTH);

/** A `.vnmrc` key: an identifier, dots allowed after the first character, at most 128 characters. */
export const VNMRC_KEY = kind('.vnmrc key', 'an identifier (letters, digits, "_" and ".")', 'is_vnmrc_key', isVnmrcKey);

/** A `.vnmrc` value: one line (no CR, LF or NUL), at most 1024 bytes; may be empty. */
export const VNMRC_VALUE = kind('.vnmrc value', 'one line of at most 1024 bytes', 'is_vnmrc_value', isVnmrcValue);

/** An OS package name for host preparation (`osPackages`): see isOsPackageName. */
export const OS_PACKAGE = kind('OS package', 'an OS package name (a letter or digit, then letters, digits, ".", "_", "+" and "-")',
  'is_os_package', isOsPackageName);
/**
 * A `reseed` value (LandscapeOptions.reseed, docs/reseed.md): a date, a run
 * id, a commit; at most 128 ASCII letters, digits, spaces and `. _ : + @ / -`.
 * Empty means no re-seed asked yet (a variable's default).
 */
export const RESEED = kind('reseed', 'at most 128 letters, digits, spaces and ".", "_", ":", "+", "@", "/", "-"', 'is_reseed_label',
  text => RESEED_PATTERN.test(text));

/** The regular expression of RESEED, also the estate schema's pattern for a literal `reseed` (lib/estate/estate-schema.ts). */
export const RESEED_PATTERN = /^[A-Za-z0-9 ._:+@/-]{0,128}$/;

/** Highest `retain` accepted (six digits, as RETAIN and the scripts' `is_count` accept). */
export const MAX_RETAIN = 999_999;

/** A `retain` count (LandscapeOptions.retain): a whole number 1..999999 without leading zeros. */
export const RETAIN = kind('retain', 'a whole number from 1 to 999999', 'is_count', text => /^[1-9][0-9]{0,5}$/.test(text));

/** Every kind, in the order of docs/value-kinds.md. */
export const VALUE_KINDS: readonly ValueKind[] = [
  HOST, INSTALL_PATH, INSTALL_OWNER, SSH_USER, LANDSCAPE_HANDLE, PRECEDENCE, PORT, VERSION, EXCLUDE_PARTS,
  HOST_KEY, PRIVATE_KEY_FILE, BACKUP_COMMAND, VNMRC_KEY, VNMRC_VALUE, OS_PACKAGE, RESEED, RETAIN,
];

/** Whether `precedence` (a number as given in code) is a valid precedence: an integer that PRECEDENCE accepts. */
export function isValidPrecedence(precedence: number): boolean {
  return Number.isInteger(precedence) && PRECEDENCE.test(String(precedence));
}

/** Whether `port` (a number as given in code) is a valid port: an integer that PORT accepts. */
export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && PORT.test(String(port));
}
