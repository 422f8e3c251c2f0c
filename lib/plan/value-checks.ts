import { isValidHost } from '../model/host-name';
import { isSafeInstallPath, isValidUserName } from '../model/install-path';
import { isLegacyHandle } from '../model/landscape-handle';
import { isVnmrcKey, isVnmrcValue } from '../model/vnmrc-keys';

/**
 * Predicates applied to literal values before `shell.assign` quotes them: the
 * same predicates the synth-time rules use, so a value a rule accepts is a
 * value the shell layer accepts.
 */
export const checks = {
  host: isValidHost,
  hostOrEmpty: (text: string) => text === '' || isValidHost(text),
  path: isSafeInstallPath,
  pathOrEmpty: (text: string) => text === '' || isSafeInstallPath(text),
  owner: isValidUserName,
  handle: (text: string) => /^0x[0-9a-f]+$/.test(text) && isLegacyHandle(parseInt(text.slice(2), 16)),
  precedence: (text: string) => /^[1-9][0-9]{0,8}$/.test(text),
  port: (text: string) => /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535,
  version: (text: string) => /^[A-Za-z0-9._-]{0,64}$/.test(text),
  excludeParts: (text: string) => /^[A-Za-z0-9_,-]{0,512}$/.test(text),
  hostKeyOrEmpty: (text: string) => text === '' || /^[a-z0-9@.-]+ [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?$/.test(text),
  vnmrcKey: isVnmrcKey,
  vnmrcValue: isVnmrcValue,
} as const;
