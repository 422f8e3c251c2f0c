import { bashText } from './bash-text';

/**
 * The bash side of every value kind in value-checks.ts: one function per
 * kind, each accepting exactly what the kind's TypeScript predicate accepts
 * (test/plan/value-kinds.test.ts runs both over one corpus). Scripts use them
 * to re-check values that arrive as Terraform tokens, known only at apply.
 * A script carries only the functions it calls (and what those call): every
 * step's script is written into the plan once per server.
 */
interface BashFunction {
  /** Other functions of this file that it calls. */
  readonly calls: readonly string[];
  readonly definition: string;
}

const fn = (calls: readonly string[], definition: string): BashFunction => ({ calls, definition: bashText(definition) });

export const SCRIPT_PREDICATES: { readonly [name: string]: BashFunction } = {
  is_single_line: fn([], String.raw`is_single_line() { [[ "$1" != *$'\n'* && "$1" != *$'\r'* ]]; }`),
  is_ipv4: fn([], String.raw`is_ipv4() {
  local octet='(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])'
  [[ "$1" =~ ^$octet\.$octet\.$octet\.$octet$ ]]
}`),
  is_ipv6: fn(['is_single_line', 'is_ipv4'], String.raw`is_ipv6() {
  local text=$1 hex compressed=0 left right count=0 group
  local -a groups
  is_single_line "$text" && [ "$\{#text}" -le 45 ] && [[ "$text" =~ ^[0-9A-Fa-f:.]+$ ]] || return 1
  hex=$text
  if [[ "$text" == *.* ]]; then
    # An embedded IPv4 address is only allowed as the last 32 bits.
    [[ "$text" == *:* ]] && is_ipv4 "$\{text##*:}" || return 1
    hex="$\{text%:*}:0:0"
  fi
  if [[ "$hex" == *::* ]]; then
    compressed=1
    left=$\{hex%%::*}
    right=$\{hex#*::}
    [[ "$right" != *::* ]] || return 1
    if [ -n "$left" ] && [ -n "$right" ]; then hex="$left:$right"; else hex="$left$right"; fi
  fi
  if [ -n "$hex" ]; then
    [[ "$hex" != :* && "$hex" != *: ]] || return 1
    IFS=: read -r -a groups <<<"$hex"
    for group in "$\{groups[@]}"; do
      [[ "$group" =~ ^[0-9A-Fa-f]{1,4}$ ]] || return 1
      count=$((count + 1))
    done
  fi
  if [ "$compressed" = 1 ]; then [ "$count" -le 7 ]; else [ "$count" -eq 8 ]; fi
}`),
  is_host_name: fn([], String.raw`is_host_name() {
  local label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
  [ "$\{#1}" -ge 1 ] && [ "$\{#1}" -le 253 ] && [[ "$1" =~ ^$label(\.$label)*$ ]] && ! [[ "$\{1##*.}" =~ ^[0-9]+$ ]]
}`),
  is_host: fn(['is_single_line', 'is_ipv4', 'is_ipv6', 'is_host_name'],
    String.raw`is_host() { is_single_line "$1" && { is_ipv4 "$1" || is_ipv6 "$1" || is_host_name "$1"; }; }`),
  is_host_or_empty: fn(['is_host'], String.raw`is_host_or_empty() { [ -z "$1" ] || is_host "$1"; }`),
  is_safe_path: fn(['is_single_line'], String.raw`is_safe_path() {
  is_single_line "$1" && [ "$\{#1}" -le 4096 ] && [[ "$1" =~ ^/[A-Za-z0-9._/-]+$ ]] && [[ "$1" != *//* ]] && [[ "$1/" != */../* ]]
}`),
  is_safe_path_or_empty: fn(['is_safe_path'], String.raw`is_safe_path_or_empty() { [ -z "$1" ] || is_safe_path "$1"; }`),
  is_user_name: fn(['is_single_line'], String.raw`is_user_name() { is_single_line "$1" && [[ "$1" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]]; }`),
  is_handle: fn(['is_single_line'], String.raw`is_handle() {
  is_single_line "$1" && [[ "$1" =~ ^0x[0-9a-f]{1,8}$ ]] || return 1
  local value=$((16#$\{1#0x}))
  [ $((value % 1048576)) -eq 0 ] && [ "$value" -ge 1048576 ] && [ "$value" -le 4292870144 ]
}`),
  is_precedence: fn(['is_single_line'], String.raw`is_precedence() { is_single_line "$1" && [[ "$1" =~ ^[1-9][0-9]{0,8}$ ]]; }`),
  is_port: fn(['is_single_line'], String.raw`is_port() { is_single_line "$1" && [[ "$1" =~ ^[1-9][0-9]{0,4}$ ]] && [ "$1" -le 65535 ]; }`),
  is_version: fn(['is_single_line'], String.raw`is_version() { is_single_line "$1" && [[ "$1" =~ ^[A-Za-z0-9._-]{0,64}$ ]]; }`),
  is_exclude_parts: fn(['is_single_line'], String.raw`is_exclude_parts() { is_single_line "$1" && [[ "$1" =~ ^[A-Za-z0-9_,-]{0,512}$ ]]; }`),
  is_host_key_or_empty: fn(['is_single_line'],
    String.raw`is_host_key_or_empty() { [ -z "$1" ] || { is_single_line "$1" && [[ "$1" =~ ^[a-z0-9@.-]+\ [A-Za-z0-9+/]+={0,3}(\ .*)?$ ]]; }; }`),
  is_vnmrc_key: fn(['is_single_line'], String.raw`is_vnmrc_key() { is_single_line "$1" && [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_.]*$ ]]; }`),
  is_vnmrc_value: fn(['is_single_line'], String.raw`is_vnmrc_value() { is_single_line "$1" && [ "$\{#1}" -le 1024 ]; }`),
  is_relative_path: fn(['is_single_line'], String.raw`is_relative_path() {
  is_single_line "$1" && [[ "$1" =~ ^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$ ]] && [[ "/$1/" != */../* ]]
}`),
  is_os_package: fn(['is_single_line'], String.raw`is_os_package() { is_single_line "$1" && [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$ ]]; }`),
  is_yes_no: fn([], String.raw`is_yes_no() { [ "$1" = yes ] || [ "$1" = no ]; }`),
  is_map_entry: fn(['is_single_line', 'is_handle'],
    String.raw`is_map_entry() { is_single_line "$1" && [[ "$1" =~ ^0x[0-9a-f]+\ [1-9][0-9]{0,8}$ ]] && is_handle "$\{1%% *}"; }`),
};

/** The definitions of `names` and of every function they call, each once, callees first. */
export function predicateDefinitions(names: Iterable<string>): string {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (name: string): void => {
    if (done.has(name)) return;
    const found = SCRIPT_PREDICATES[name];
    if (!found) throw new Error(`cdktf-spectrum internal error: no bash predicate ${name}`);
    done.add(name);
    found.calls.forEach(visit);
    out.push(found.definition);
  };
  for (const name of names) visit(name);
  return out.join('\n');
}
