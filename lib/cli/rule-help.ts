import { CHANGE_KINDS } from '../review/change-kinds';
import { ALL_RULES } from '../rules/catalogue';
import { OPTIONAL_RULES } from '../rules/optional-catalogue';

/**
 * How to fix each rule's (and change kind's) findings, for reports that show
 * rule metadata (SARIF `help`). The text lives with the rule or the change
 * kind itself; this only looks it up.
 */
const HELP: ReadonlyMap<string, string> = new Map([...ALL_RULES, ...OPTIONAL_RULES, ...CHANGE_KINDS].map(entry => [entry.id, entry.help] as const));

/** General advice for fixing `ruleId`'s findings. */
export function helpOf(ruleId: string, description: string): string {
  return HELP.get(ruleId) ?? `${description}. Each result's message ends with the fix for that construct.`;
}
