/**
 * Install directories, media paths and owner names as the rules (SPX132) and
 * the shell layer accept them. Pure.
 *
 * Internal (not part of the jsii API).
 */

/** An absolute path of letters, digits, `.`, `_`, `-` and `/`. */
export const SAFE_PATH_PATTERN = /^\/[A-Za-z0-9._/-]+$/;

/** Longest accepted path (Linux `PATH_MAX`). */
export const SAFE_PATH_MAX_LENGTH = 4096;

/** A portable Linux user name: lower case, at most 32 characters. */
export const USER_NAME_PATTERN = /^[a-z_][a-z0-9_-]{0,31}$/;

/**
 * Whether `text` is a safe absolute path for `install_dir` or the media
 * directory: only `[A-Za-z0-9._/-]`, starting with `/`, no `..` segment and
 * no `//`. Such a path needs no quoting and cannot climb out of its parent.
 */
export function isSafeInstallPath(text: string): boolean {
  return typeof text === 'string'
    && text.length <= SAFE_PATH_MAX_LENGTH
    && SAFE_PATH_PATTERN.test(text)
    && !text.includes('//')
    && !text.split('/').includes('..');
}

/** Whether `text` is a valid install owner (`^[a-z_][a-z0-9_-]{0,31}$`). */
export function isValidUserName(text: string): boolean {
  return typeof text === 'string' && USER_NAME_PATTERN.test(text);
}
