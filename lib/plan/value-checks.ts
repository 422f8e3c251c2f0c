import { isValidHost } from '../model/host-name';
import { isSafeInstallPath, isValidUserName } from '../model/install-path';
import { isLegacyHandle } from '../model/landscape-handle';
import { isOsPackageName } from '../model/os-packages';
import { isVnmrcKey, isVnmrcValue } from '../model/vnmrc-keys';

/**
 * One kind of value that may reach a generated script: the predicate the
 * synth-time rules use (`test`), the bash function that checks the same thing
 * at apply time (`bashPredicate`, defined in SCRIPT_PREDICATES) and the words
 * a message uses for it. A literal is checked by `test` before it is quoted;
 * a token is decoded by the script and checked by `bashPredicate`.
 */
export interface ValueKind {
  /** Short name, e.g. `host`. */
  readonly name: string;
  /** What a valid value is, for messages: `a host name or IP address`. */
  readonly description: string;
  /** Name of the bash function (in SCRIPT_PREDICATES) that accepts exactly what `test` accepts. */
  readonly bashPredicate: string;
  /** The synth-time predicate. */
  test(text: string): boolean;
}

function kind(name: string, description: string, test: (text: string) => boolean, bashPredicate: string): ValueKind {
  return { name, description, test, bashPredicate };
}

const isHandleText = (text: string) => /^0x[0-9a-f]{1,8}$/.test(text) && isLegacyHandle(parseInt(text.slice(2), 16));
const isPort = (text: string) => /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535;
const isHostKey = (text: string) => /^[a-z0-9@.-]+ [A-Za-z0-9+/]+={0,3}( [^\r\n\0]*)?$/.test(text);

/**
 * The value kinds of the plan. Each step declares its script variables with
 * one of these; docs/ARCHITECTURE.md ("Values that reach a script").
 */
export const checks = {
  host: kind('host', 'a host name or IP address (SPX120)', isValidHost, 'is_host'),
  hostOrEmpty: kind('host', 'empty or a host name or IP address (SPX120)', text => text === '' || isValidHost(text), 'is_host_or_empty'),
  path: kind('path', 'an absolute path of letters, digits, ".", "_", "-" and "/" (SPX132)', isSafeInstallPath, 'is_safe_path'),
  pathOrEmpty: kind('path', 'empty or an absolute path of safe characters (SPX132)', text => text === '' || isSafeInstallPath(text), 'is_safe_path_or_empty'),
  owner: kind('owner', 'a Linux user name (SPX132)', isValidUserName, 'is_user_name'),
  handle: kind('handle', 'a legacy landscape handle (SPX100)', isHandleText, 'is_handle'),
  precedence: kind('precedence', 'a precedence of 1 to 9 digits (SPX110)', text => /^[1-9][0-9]{0,8}$/.test(text), 'is_precedence'),
  port: kind('port', 'a TCP port 1..65535', isPort, 'is_port'),
  version: kind('version', 'a version of letters, digits, ".", "_" and "-"', text => /^[A-Za-z0-9._-]{0,64}$/.test(text), 'is_version'),
  excludeParts: kind('excludeParts', 'part names of letters, digits, "_" and "-", separated by ","', text => /^[A-Za-z0-9_,-]{0,512}$/.test(text), 'is_exclude_parts'),
  hostKeyOrEmpty: kind('hostKey', 'empty or an OpenSSH public key "TYPE BASE64 [comment]"', text => text === '' || isHostKey(text), 'is_host_key_or_empty'),
  vnmrcKey: kind('vnmrcKey', 'a .vnmrc key (SPX160)', isVnmrcKey, 'is_vnmrc_key'),
  vnmrcValue: kind('vnmrcValue', 'a single-line .vnmrc value (SPX160)', isVnmrcValue, 'is_vnmrc_value'),
  relativePath: kind('relativePath', 'a relative path of letters, digits, ".", "_" and "-" without ".." segments',
    text => /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(text) && !text.split('/').includes('..'), 'is_relative_path'),
  osPackage: kind('osPackage', 'an OS package name (SPX132)', isOsPackageName, 'is_os_package'),
  yesNo: kind('yesNo', '"yes" or "no"', text => text === 'yes' || text === 'no', 'is_yes_no'),
  singleLine: kind('singleLine', 'a single line of text', text => !/[\r\n\0]/.test(text), 'is_single_line'),
  /** `<LH> <precedence>`: an entry of a landscape map. */
  mapEntry: kind('mapEntry', 'a landscape map entry "<handle> <precedence>"', text => {
    const [handle, precedence, ...rest] = text.split(' ');
    return rest.length === 0 && isHandleText(handle) && /^[1-9][0-9]{0,8}$/.test(precedence ?? '');
  }, 'is_map_entry'),
} as const;
