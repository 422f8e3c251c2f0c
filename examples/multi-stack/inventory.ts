import { readFileSync } from 'fs';

/** The member landscape groups of the example: one stack each, by stack name, and the sites in it. */
export const DEFAULT_GROUPS: { readonly [stack: string]: readonly string[] } = {
  'spectrum-emea': ['paris', 'berlin'],
  'spectrum-apac': ['tokyo', 'sydney'],
};

/**
 * The estate as a site's inventory lists it: which stack holds which sites,
 * and the literal host of every server. Servers are named `mls-1`, `mls-2`
 * (the master landscape), `oneclick-1`, and `<site>-1` (primary) and
 * `<site>-2` (secondary) for each site.
 */
export interface Inventory {
  /** Member landscape groups: stack name -> sites. */
  readonly groups: { readonly [stack: string]: readonly string[] };
  /** The host of a server, by server name. */
  host(server: string): string;
}

interface InventoryFile {
  readonly groups?: { readonly [stack: string]: readonly string[] };
  readonly hosts?: { readonly [server: string]: string };
}

/**
 * Reads the inventory from the JSON file named by SPECTRUM_INVENTORY
 * (`{ "groups": { "<stack>": ["<site>", ...] }, "hosts": { "<server>": "<host>" } }`,
 * both optional); without it, the groups above and hosts `<server>.example.net`.
 * A site's inventory or a CMDB export is where literal host names live: the
 * master stack lists every host of the estate in its .hostrc, so hosts cannot
 * be variables of the member stacks.
 */
export function loadInventory(file: string | undefined = process.env.SPECTRUM_INVENTORY): Inventory {
  const data: InventoryFile = file ? parseInventory(file) : {};
  const hosts = data.hosts ?? {};
  return {
    groups: data.groups ?? DEFAULT_GROUPS,
    host: (server: string) => hosts[server] ?? `${server}.example.net`,
  };
}

function parseInventory(file: string): InventoryFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`SPECTRUM_INVENTORY: cannot read ${file}: ${(e as Error).message}`);
  }
  const isStringMap = (value: unknown, isEntry: (entry: unknown) => boolean) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isEntry);
  const isSiteList = (entry: unknown) => Array.isArray(entry) && entry.every(site => typeof site === 'string');
  const { groups, hosts } = (data ?? {}) as { groups?: unknown; hosts?: unknown };
  if (typeof data !== 'object' || data === null
    || (groups !== undefined && !isStringMap(groups, isSiteList))
    || (hosts !== undefined && !isStringMap(hosts, entry => typeof entry === 'string'))) {
    throw new Error(`SPECTRUM_INVENTORY: ${file} must hold { "groups": { "<stack>": ["<site>", ...] }, "hosts": { "<server>": "<host>" } }`);
  }
  return data as InventoryFile;
}
