import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { reasonOf, UnusableInputError } from './errors';
import { importAnsible } from '../estate/ansible-import';
import { readInventory } from '../estate/ansible-inventory';
import { estateOf } from '../estate/estate-document';
import { ESTATE_SCHEMA_ID } from '../estate/estate-schema';

/** The estate file's text and the lines to show on standard error. */
export interface ImportOutcome {
  readonly text: string;
  readonly report: readonly string[];
}

/**
 * `cdktf-spectrum import ansible INVENTORY`: the estate file of a
 * Spectrum_playbooks inventory. The file starts with the schema line for
 * editors and lists, as comments, what was dropped or not carried over
 * (also returned for standard error).
 */
export function runImportAnsible(inventory: string, cwd: string): ImportOutcome {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, inventory), 'utf8');
  } catch (error) {
    const code = reasonOf(error);
    throw new UnusableInputError(`${inventory}: cannot read the inventory (${code === 'ENOENT' ? 'no such file' : code})`);
  }
  const parsed = readInventory(text);
  if (parsed.hosts.length === 0) {
    throw new UnusableInputError(`${inventory}: no hosts found; is it an Ansible INI inventory ([group] sections with host lines)?`);
  }
  const { estate, report } = importAnsible(parsed);
  // The converter's output must always be a valid estate: a failure here is a bug, reported as an internal error.
  estateOf(estate, `estate converted from ${inventory}`);
  const header = [
    `# yaml-language-server: $schema=${ESTATE_SCHEMA_ID}`,
    `# Converted from the Ansible inventory ${inventory} by cdktf-spectrum import ansible.`,
    ...(report.length > 0 ? ['# Not carried over as it was:', ...report.map(line => `#   - ${line}`)] : []),
  ];
  return { text: `${header.join('\n')}\n${stringify(estate, { lineWidth: 0 })}`, report };
}
