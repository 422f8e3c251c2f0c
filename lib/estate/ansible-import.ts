import { Inventory, InventoryHost, isYes } from './ansible-inventory';
import { DEFAULTS } from '../model/defaults';

/** The variables the converter understands (the playbook's inventory.example and the Ansible connection variables). */
const UNDERSTOOD = new Set([
  'ansible_host', 'ansible_user', 'ansible_port', 'ansible_ssh_pass', 'ansible_sudo_pass', 'ansible_become_pass', 'ansible_password',
  'spectrum_owner', 'spectrum_password', 'dist_dir', 'update_dir', 'install_dir', 'l_handle', 'install_ss', 'install_oneclick',
  'is_secondary', 'is_secondary_for', 'main_loc_serv',
]);

/** Secrets: never copied; each becomes a Terraform variable reference or is dropped, with a reason. */
const SECRETS: { readonly [name: string]: string } = {
  ansible_ssh_pass: 'SSH passwords are not used: the estate connects with an SSH key, { variable: ssh_private_key_file } (set it per environment)',
  ansible_password: 'SSH passwords are not used: the estate connects with an SSH key, { variable: ssh_private_key_file } (set it per environment)',
  ansible_sudo_pass: 'the plan runs as root or with passwordless sudo (sudo -n); no sudo password is used',
  ansible_become_pass: 'the plan runs as root or with passwordless sudo (sudo -n); no sudo password is used',
  spectrum_password: 'became install.ownerPassword: { variable: spectrum_owner_password } (a sensitive Terraform variable)',
};

/** The estate document and what the conversion could not carry over. */
export interface AnsibleImport {
  readonly estate: { [field: string]: unknown };
  /** Dropped secrets, not-understood variables and settings not carried over, one line each, in inventory order. */
  readonly report: readonly string[];
}

/** The l_handle default of the playbook's inventory.example. */
const DEFAULT_HANDLE = '0x100000';

interface Server {
  readonly host: InventoryHost;
  readonly address: string;
  readonly handle: string;
}

/**
 * Converts a Spectrum_playbooks inventory into an estate document: one
 * landscape per `l_handle` (its primary the server with is_secondary=no);
 * is_secondary=yes servers become secondaries of the server that
 * `is_secondary_for` names, with precedences 20, 30, ... in file order;
 * install_oneclick=yes hosts become OneClick servers; `ansible_host` is the
 * address. Several landscapes make a distributed landscape whose master is
 * the landscape of `main_loc_serv`. Passwords are never copied.
 */
export function importAnsible(inventory: Inventory): AnsibleImport {
  const report: string[] = [...inventory.skipped];
  const get = (host: InventoryHost, name: string): string | undefined => {
    const value = host.vars[name]?.value.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const noted = new Set<string>();
  const note = (key: string, text: string) => {
    if (noted.has(key)) return;
    noted.add(key);
    report.push(text);
  };

  for (const host of inventory.hosts) {
    for (const [name, value] of Object.entries(host.vars)) {
      if (SECRETS[name]) note(`secret ${name}`, `dropped ${name} (line ${value.line}): ${SECRETS[name]}`);
      else if (!UNDERSTOOD.has(name)) note(`unknown ${name}`, `not understood: ${name}=${value.value} (line ${value.line}); not carried over`);
    }
  }

  const servers = inventory.hosts.filter(h => isYes(h.vars.install_ss) || h.vars.install_ss === undefined);
  const oneClicks = inventory.hosts.filter(h => isYes(h.vars.install_oneclick));
  const server = (host: InventoryHost): Server => {
    const handle = get(host, 'l_handle');
    if (handle === undefined) note(`handle ${host.name}`, `${host.name} (line ${host.line}) has no l_handle; it was given ${DEFAULT_HANDLE}, the playbook's default`);
    return { host, address: get(host, 'ansible_host') ?? host.name, handle: handle ?? DEFAULT_HANDLE };
  };

  // Landscapes: one per primary, in file order.
  const landscapes = new Map<string, { primary: Server; secondaries: Server[] }>();
  for (const host of servers.filter(h => !isYes(h.vars.is_secondary))) {
    const primary = server(host);
    const existing = [...landscapes.values()].find(l => l.primary.handle === primary.handle);
    if (existing) {
      report.push(`${host.name} (line ${host.line}) is a second primary with l_handle ${primary.handle} (first: ${existing.primary.host.name}); `
        + 'it was made a secondary of the first: set is_secondary=yes and is_secondary_for in the inventory, or give it its own l_handle');
      existing.secondaries.push(primary);
      continue;
    }
    landscapes.set(host.name, { primary, secondaries: [] });
  }
  for (const host of servers.filter(h => isYes(h.vars.is_secondary))) {
    const target = get(host, 'is_secondary_for');
    const landscape = target === undefined ? undefined : landscapes.get(primaryNamed(landscapes, target) ?? '');
    if (!landscape) {
      report.push(`${host.name} (line ${host.line}) is a secondary of ${target === undefined ? 'no server (is_secondary_for is empty)' : `'${target}', which is not a primary of the inventory`}; `
        + 'it was left out: name its primary in is_secondary_for');
      continue;
    }
    const secondary = server(host);
    if (secondary.handle !== landscape.primary.handle) {
      report.push(`${host.name} (line ${host.line}) has l_handle ${secondary.handle || '(none)'}, but its primary ${target} has ${landscape.primary.handle}; `
        + 'a secondary shares its primary\'s handle, so it was given that one');
    }
    landscape.secondaries.push(secondary);
  }

  const first = inventory.hosts[0];
  const shared = (name: string) => (first ? get(first, name) : undefined);
  const install: { [field: string]: unknown } = {};
  const media = shared('dist_dir');
  if (media !== undefined) install.mediaPath = media;
  if (shared('install_dir') !== undefined) install.installDir = shared('install_dir');
  if (shared('spectrum_owner') !== undefined) install.owner = shared('spectrum_owner');
  if (media !== undefined) {
    install.ownerPassword = { variable: 'spectrum_owner_password' };
    report.push(`dist_dir=${media} became install.mediaPath: the playbook copies that directory from the Ansible controller, `
      + 'but mediaPath is read on each host: copy or mount the media there before the deploy');
  }
  const update = shared('update_dir');
  if (update !== undefined) {
    report.push(`not carried over: update_dir=${update}: its version is in ${update}/version.dat on the Ansible controller; `
      + 'add it to install.updates as { mediaPath, version } (media on each host) to have the plan apply it (docs/upgrades.md)');
  }
  for (const name of ['dist_dir', 'install_dir', 'spectrum_owner', 'update_dir', 'ansible_user', 'main_loc_serv']) {
    const values = new Set(inventory.hosts.map(h => get(h, name)));
    if (values.size > 1) report.push(`${name} differs between hosts (${[...values].map(v => v ?? '(unset)').join(', ')}); the first host's value was used for all`);
  }

  const connection: { [field: string]: unknown } = {};
  const user = shared('ansible_user');
  if (user !== undefined) connection.user = user;
  connection.privateKeyFile = { variable: 'ssh_private_key_file' };
  const port = shared('ansible_port');
  if (port !== undefined && /^[0-9]+$/.test(port) && Number(port) !== DEFAULTS.port) connection.port = Number(port);

  const names = uniqueNames([...landscapes.keys()]);
  const entries = [...landscapes.entries()].map(([name, l]) => [names.get(name)!, landscapeOf(l), name] as const);
  const oneClickEntries = oneClicks.map(h => [nameOf(`oneclick-${h.name.split('.')[0]}`), { host: server(h).address }] as const);
  const mainName = shared('main_loc_serv');
  const mainPrimary = mainName === undefined ? undefined : primaryNamed(landscapes, mainName);
  if (mainName !== undefined && mainPrimary === undefined) {
    report.push(`main_loc_serv=${mainName} is not a primary of the inventory; the first landscape's primary is the main location server`);
  }
  const estate: { [field: string]: unknown } = {
    version: 1,
    variables: {
      ssh_private_key_file: { description: 'SSH private key file on the machine that runs Terraform (replaces ansible_ssh_pass)' },
      ...(media !== undefined ? { spectrum_owner_password: { description: 'Password of the Spectrum install owner (was spectrum_password)' } } : {}),
    },
  };
  if (entries.length > 1) {
    const masterIndex = Math.max(0, entries.findIndex(([, , hostName]) => hostName === mainPrimary));
    const [, master] = entries[masterIndex];
    estate.distributedLandscapes = {
      spectrum: {
        ...(Object.keys(install).length > 0 ? { install } : {}),
        connection,
        master,
        landscapes: Object.fromEntries(entries.filter((_, i) => i !== masterIndex).map(([name, landscape]) => [name, landscape])),
        ...(oneClickEntries.length > 0 ? { oneClickServers: Object.fromEntries(oneClickEntries) } : {}),
      },
    };
  } else if (entries.length === 1) {
    const [name, landscape] = entries[0];
    estate.landscapes = {
      [name]: {
        ...landscape,
        ...(Object.keys(install).length > 0 ? { install } : {}),
        connection,
        ...(oneClickEntries.length > 0 ? { oneClickServers: Object.fromEntries(oneClickEntries) } : {}),
      },
    };
  } else {
    report.push('the inventory has no SpectroSERVER (no host with install_ss=yes); the estate is empty');
  }
  return { estate, report };
}

function landscapeOf(landscape: { primary: Server; secondaries: Server[] }): { [field: string]: unknown } {
  return {
    handle: landscape.primary.handle,
    primary: { host: landscape.primary.address },
    ...(landscape.secondaries.length > 0
      ? {
        secondaries: landscape.secondaries.map((s, i) => ({
          name: nameOf(s.host.name.split('.')[0]),
          host: s.address,
          precedence: DEFAULTS.primaryPrecedence + DEFAULTS.precedenceStep * (i + 1),
        })),
      }
      : {}),
  };
}

/** A construct name from an inventory host name: letters, digits, - and _ (an FQDN's dots become -), starting with a letter. */
export function nameOf(hostName: string): string {
  const cleaned = hostName.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60);
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `ss-${cleaned}`;
}

/** The inventory name of the primary `name` refers to: its inventory name, or the first label of exactly one FQDN. */
function primaryNamed(landscapes: ReadonlyMap<string, unknown>, name: string): string | undefined {
  if (landscapes.has(name)) return name;
  const matches = [...landscapes.keys()].filter(key => key.split('.')[0] === name);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Construct names of the landscapes: the host name's first label, or the whole name where two first labels are the same. */
function uniqueNames(hostNames: readonly string[]): Map<string, string> {
  const short = hostNames.map(h => nameOf(h.split('.')[0]));
  return new Map(hostNames.map((h, i) => [h, short.indexOf(short[i]) === short.lastIndexOf(short[i]) ? short[i] : nameOf(h)] as const));
}
