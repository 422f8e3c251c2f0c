import { Rule } from './rule';
import { SPX100 } from './spx100-handle-range';
import { SPX101 } from './spx101-unique-handle';
import { SPX110 } from './spx110-positive-precedence';
import { SPX111 } from './spx111-unique-precedence';
import { SPX112 } from './spx112-primary-lowest-precedence';
import { SPX120 } from './spx120-valid-host';
import { SPX121 } from './spx121-one-server-per-host';
import { SPX130 } from './spx130-one-owner';
import { SPX131 } from './spx131-one-version';
import { SPX132 } from './spx132-safe-install-settings';
import { SPX133 } from './spx133-owner-password';
import { SPX134 } from './spx134-update-media';
import { SPX140 } from './spx140-hot-standby-needs-secondary';
import { SPX141 } from './spx141-fault-tolerant';
import { SPX142 } from './spx142-backup-command';
import { SPX143 } from './spx143-reseed-and-retention';
import { SPX144 } from './spx144-promotion';
import { SPX150 } from './spx150-no-literal-secrets';
import { SPX151 } from './spx151-host-key';
import { SPX153 } from './spx153-ssh-user';
import { SPX154 } from './spx154-ssh-port';
import { SPX155 } from './spx155-private-key-file';
import { SPX156 } from './spx156-host-key-format';
import { SPX157 } from './spx157-transfer-key';
import { SPX160 } from './spx160-vnmrc-entries';
import { SPX170 } from './spx170-master-and-size';
import { SPX171 } from './spx171-main-location-server';
import { Finding } from '../model/finding';
import { Topology } from '../model/topology';

/**
 * Every rule of the catalogue, in id order: the rules that run by default.
 * Optional rules (organisation policy) are in optional-catalogue.ts.
 */
export const ALL_RULES: readonly Rule[] = [
  SPX100, SPX101,
  SPX110, SPX111, SPX112,
  SPX120, SPX121,
  SPX130, SPX131, SPX132, SPX133, SPX134,
  SPX140, SPX141, SPX142, SPX143, SPX144,
  SPX150, SPX151, SPX153, SPX154, SPX155, SPX156, SPX157,
  SPX160,
  SPX170, SPX171,
];

/** The rules that run by default, in id order (the same list: ALL_RULES holds no optional rule). */
export const RULES: readonly Rule[] = ALL_RULES;

const BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map(rule => [rule.id, rule] as const));

/** The rule with this id (optional rules included), or undefined. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * Runs `rules` on `topology`: every finding of every rule, sorted by rule id
 * then construct path (stable: a rule's findings on one path keep their order).
 */
export function runRules(topology: Topology, rules: readonly Rule[] = RULES): Finding[] {
  const findings = rules.flatMap(rule => rule.check(topology));
  return findings.sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.path, b.path));
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
