import {
  ValueKind,
  BACKUP_COMMAND, EXCLUDE_PARTS, HOST, HOST_KEY, INSTALL_OWNER, INSTALL_PATH, LANDSCAPE_HANDLE, PORT, PRECEDENCE,
  OS_PACKAGE, PRIVATE_KEY_FILE, RESEED, RETAIN, SSH_USER, VERSION, VNMRC_KEY, VNMRC_VALUE,
} from '../model/value-kinds';

export type { ValueKind } from '../model/value-kinds';

/**
 * `kind` as a step declares it: its description names the rule that checks
 * it at synth time, so the script's refusal at apply points at the same rule.
 */
function checkedBy(kind: ValueKind, ruleId: string): ValueKind {
  return { ...kind, description: `${kind.description} (${ruleId})` };
}

/** `kind`, or empty for a value that is not set (`<bashPredicate>_or_empty` in SCRIPT_PREDICATES). */
function orEmpty(kind: ValueKind): ValueKind {
  return {
    name: kind.name,
    description: `empty or ${kind.description}`,
    bashPredicate: `${kind.bashPredicate}_or_empty`,
    test: (text: string) => text === '' || kind.test(text),
  };
}

function planKind(name: string, description: string, test: (text: string) => boolean, bashPredicate: string): ValueKind {
  return { name, description, test, bashPredicate };
}

/**
 * The value kinds of the plan. Each step declares its script variables with
 * one of these; docs/ARCHITECTURE.md ("Values that reach a script") and
 * docs/value-kinds.md. The kinds of user values are those of
 * lib/model/value-kinds.ts, which the synth-time rules use too: synth accepts
 * exactly what the scripts accept. The others are the plan's own.
 */
export const checks = {
  host: checkedBy(HOST, 'SPX120'),
  hostOrEmpty: orEmpty(checkedBy(HOST, 'SPX120')),
  path: checkedBy(INSTALL_PATH, 'SPX132'),
  pathOrEmpty: orEmpty(checkedBy(INSTALL_PATH, 'SPX132')),
  owner: checkedBy(INSTALL_OWNER, 'SPX132'),
  sshUser: checkedBy(SSH_USER, 'SPX153'),
  handle: checkedBy(LANDSCAPE_HANDLE, 'SPX100'),
  precedence: checkedBy(PRECEDENCE, 'SPX110'),
  port: checkedBy(PORT, 'SPX154'),
  version: orEmpty(checkedBy(VERSION, 'SPX132')),
  excludeParts: orEmpty(checkedBy(EXCLUDE_PARTS, 'SPX132')),
  hostKeyOrEmpty: orEmpty(checkedBy(HOST_KEY, 'SPX156')),
  privateKeyFileOrEmpty: orEmpty(checkedBy(PRIVATE_KEY_FILE, 'SPX155')),
  backupCommandOrEmpty: orEmpty(checkedBy(BACKUP_COMMAND, 'SPX142')),
  vnmrcKey: checkedBy(VNMRC_KEY, 'SPX160'),
  vnmrcValue: checkedBy(VNMRC_VALUE, 'SPX160'),
  reseedLabel: checkedBy(RESEED, 'SPX143'),
  count: checkedBy(RETAIN, 'SPX143'),
  relativePath: planKind('relativePath', 'a relative path of letters, digits, ".", "_" and "-" without ".." segments',
    text => /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(text) && !text.split('/').includes('..'), 'is_relative_path'),
  osPackage: checkedBy(OS_PACKAGE, 'SPX132'),
  yesNo: planKind('yesNo', '"yes" or "no"', text => text === 'yes' || text === 'no', 'is_yes_no'),
  /** The product an install step adds (lib/plan/installer-runs.ts). */
  product: planKind('product', '"spectroserver" or "oneclick"', text => text === 'spectroserver' || text === 'oneclick', 'is_product'),
  singleLine: planKind('singleLine', 'a single line of text', text => !/[\r\n\0]/.test(text), 'is_single_line'),
  /** `<LH> <precedence>`: an entry of a landscape map. */
  mapEntry: planKind('mapEntry', 'a landscape map entry "<handle> <precedence>"', text => {
    const [handle, precedence, ...rest] = text.split(' ');
    return rest.length === 0 && LANDSCAPE_HANDLE.test(handle) && PRECEDENCE.test(precedence ?? '');
  }, 'is_map_entry'),
} as const;
