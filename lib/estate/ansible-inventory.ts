/**
 * A reader for the INI inventory of the Spectrum_playbooks Ansible playbook
 * (UweW/Spectrum_playbooks, inventory.example): `[all:vars]` with the
 * defaults, one group per server (`[server2]` holding a host line such as
 * `spec2 ansible_host=192.168.1.3`) and `[server2:vars]` overriding the
 * defaults. Values are quoted or bare; comments start with `#` or `;`; a
 * value may be followed by free text, which is ignored (and reported).
 * Pure: text in, data out.
 */

/** One variable as the inventory gives it. */
export interface InventoryValue {
  readonly value: string;
  /** 1-based line of the assignment. */
  readonly line: number;
}

/** One host of the inventory with its variables, merged as Ansible does: all:vars, then group:vars, then the host line. */
export interface InventoryHost {
  /** The inventory host name (the host line's first word, e.g. `spec2`). */
  readonly name: string;
  readonly group: string;
  readonly line: number;
  readonly vars: { readonly [name: string]: InventoryValue };
}

export interface Inventory {
  /** Hosts in file order. */
  readonly hosts: readonly InventoryHost[];
  /** Things the reader skipped, one line each (`line N: ...`). */
  readonly skipped: readonly string[];
}

/** Reads the inventory text. */
export function readInventory(text: string): Inventory {
  const allVars: { [name: string]: InventoryValue } = {};
  const groupVars = new Map<string, { [name: string]: InventoryValue }>();
  const groupHosts = new Map<string, Array<{ name: string; line: number; vars: { [name: string]: InventoryValue } }>>();
  const skipped: string[] = [];
  let section: { kind: 'vars' | 'hosts' | 'other'; group: string } = { kind: 'hosts', group: 'ungrouped' };

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const header = /^\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(trimmed);
    if (header) {
      const [group, suffix] = header[1].trim().split(':');
      if (suffix === undefined) {section = { kind: 'hosts', group };} else if (suffix === 'vars') {section = { kind: 'vars', group };} else {
        section = { kind: 'other', group };
        skipped.push(`line ${line}: section [${header[1]}] is not understood (only [group] and [group:vars]); its lines are ignored`);
      }
      return;
    }
    if (section.kind === 'other') return;
    if (section.kind === 'vars') {
      const assignment = parseAssignment(trimmed);
      if (!assignment) {
        skipped.push(`line ${line}: '${trimmed}' is not a name=value line; ignored`);
        return;
      }
      if (assignment.rest !== '') skipped.push(`line ${line}: ignored '${assignment.rest}' after the value of ${assignment.name}`);
      const target = section.group === 'all' ? allVars : vars(groupVars, section.group);
      target[assignment.name] = { value: assignment.value, line };
      return;
    }
    // A host line: the host name, then name=value pairs.
    const name = /^\S+/.exec(trimmed)![0];
    const hostVars: { [name: string]: InventoryValue } = {};
    let rest = trimmed.slice(name.length).trim();
    while (rest !== '' && !rest.startsWith('#')) {
      const assignment = parseAssignment(rest);
      if (!assignment) {
        skipped.push(`line ${line}: ignored '${rest}' on the line of host ${name}`);
        break;
      }
      hostVars[assignment.name] = { value: assignment.value, line };
      rest = assignment.rest;
    }
    let hosts = groupHosts.get(section.group);
    if (!hosts) groupHosts.set(section.group, hosts = []);
    hosts.push({ name, line, vars: hostVars });
  });

  const hosts: InventoryHost[] = [];
  for (const [group, members] of groupHosts) {
    for (const host of members) {
      hosts.push({ name: host.name, group, line: host.line, vars: { ...allVars, ...groupVars.get(group), ...host.vars } });
    }
  }
  for (const group of groupVars.keys()) {
    if (group !== 'all' && !groupHosts.has(group)) skipped.push(`section [${group}:vars] belongs to no group of hosts; ignored`);
  }
  return { hosts: hosts.sort((a, b) => a.line - b.line), skipped };
}

function vars(map: Map<string, { [name: string]: InventoryValue }>, group: string): { [name: string]: InventoryValue } {
  let found = map.get(group);
  if (!found) map.set(group, found = {});
  return found;
}

/** `name=value rest`: a double- or single-quoted value, or a bare one up to the first blank. */
function parseAssignment(text: string): { name: string; value: string; rest: string } | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(text);
  if (!match) return undefined;
  const after = text.slice(match[0].length);
  const quote = after[0];
  if (quote === '"' || quote === '\'') {
    const end = after.indexOf(quote, 1);
    if (end > 0) return { name: match[1], value: after.slice(1, end), rest: restOf(after.slice(end + 1)) };
  }
  const bare = /^\S*/.exec(after)![0];
  return { name: match[1], value: bare, rest: restOf(after.slice(bare.length)) };
}

/** Free text after a value, without a trailing comment. */
function restOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('#') || trimmed.startsWith(';') ? '' : trimmed;
}

/** Ansible's yes/no flags (also true/false, on/off, 1/0). */
export function isYes(value: InventoryValue | undefined): boolean {
  return value !== undefined && /^(yes|y|true|on|1)$/i.test(value.value.trim());
}
