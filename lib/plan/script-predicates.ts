/**
 * The bash side of every value kind (lib/model/value-kinds.ts and
 * lib/plan/value-checks.ts): one function per kind, each accepting exactly
 * what the kind's TypeScript predicate accepts (test/plan/value-kinds.test.ts
 * runs both over one corpus and fails when they disagree). Scripts use them
 * to re-check values that arrive as Terraform tokens, known only at apply.
 * A script carries only the functions it calls (and what those call): every
 * step's script is written into the plan once per server.
 *
 * Every function runs with `LC_ALL=C`, so that character ranges mean ASCII
 * and lengths are bytes (as the TypeScript side counts them, in UTF-8),
 * whatever the host's locale. Lengths are measured with `printf %.*s`
 * (`fits_in`): bash's regex engine compiles `{1,4096}` slowly. Written
 * without the sequences that start Terraform template syntax (dollar or
 * percent followed by a brace), so the text needs no escaping in a template.
 */
interface BashFunction {
  /** Other functions of this file that it calls. */
  readonly calls: readonly string[];
  readonly definition: string;
}

const fn = (calls: readonly string[], definition: string): BashFunction => ({ calls, definition });

/** An IPv4 octet without leading zeros: 0..255. */
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

export const SCRIPT_PREDICATES: { readonly [name: string]: BashFunction } = {
  fits_in: fn([], String.raw`# fits_in N VALUE: VALUE is at most N bytes long.
fits_in() { local LC_ALL=C cut; printf -v cut '%.*s' "$1" "$2"; [[ $cut == "$2" ]]; }`),
  has_control_character: fn([], String.raw`has_control_character() { local LC_ALL=C; [[ $1 =~ [[:cntrl:]] ]]; }`),
  is_single_line: fn([], String.raw`is_single_line() { [[ $1 != *$'\n'* && $1 != *$'\r'* ]]; }`),
  is_ipv4: fn(['fits_in'], String.raw`is_ipv4() {
  local LC_ALL=C o='${OCTET}'
  fits_in 15 "$1" && [[ $1 =~ ^$o\.$o\.$o\.$o$ ]]
}`),
  is_ipv6: fn(['fits_in'], String.raw`# RFC 3986's IPv6address: at most one "::", eight groups in all, an IPv4
# address only as the last 32 bits; no zone id, no brackets.
is_ipv6() {
  local LC_ALL=C h='[0-9A-Fa-f]{1,4}' o='${OCTET}' ls re
  fits_in 45 "$1" || return 1
  ls="($h:$h|$o\.$o\.$o\.$o)"
  re="^(($h:){6}$ls|::($h:){5}$ls|($h)?::($h:){4}$ls|(($h:)?$h)?::($h:){3}$ls|(($h:){0,2}$h)?::($h:){2}$ls"
  re="$re|(($h:){0,3}$h)?::$h:$ls|(($h:){0,4}$h)?::$ls|(($h:){0,5}$h)?::$h|(($h:){0,6}$h)?::)$"
  [[ $1 =~ $re ]]
}`),
  is_host_name: fn(['fits_in'], String.raw`# RFC 1123: labels of letters, digits and inner hyphens, 1 to 63 each, 253
# in all, no trailing dot; the last label is not all digits (999.1.1.1).
is_host_name() {
  local LC_ALL=C label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
  fits_in 253 "$1" && [[ $1 =~ ^($label\.)*$label$ ]] && ! [[ $1 =~ (^|\.)[0-9]+$ ]]
}`),
  is_host: fn(['is_ipv4', 'is_ipv6', 'is_host_name'], String.raw`is_host() { is_ipv4 "$1" || is_ipv6 "$1" || is_host_name "$1"; }`),
  is_host_or_empty: fn(['is_host'], String.raw`is_host_or_empty() { [ -z "$1" ] || is_host "$1"; }`),
  is_safe_path: fn(['fits_in'], String.raw`is_safe_path() {
  local LC_ALL=C
  fits_in 4096 "$1" && [[ $1 =~ ^/[A-Za-z0-9._/-]+$ && $1 != *//* ]] && ! [[ $1 =~ (^|/)\.\.(/|$) ]]
}`),
  is_safe_path_or_empty: fn(['is_safe_path'], String.raw`is_safe_path_or_empty() { [ -z "$1" ] || is_safe_path "$1"; }`),
  is_user_name: fn([], String.raw`is_user_name() { local LC_ALL=C; [[ $1 =~ ^[a-z_][a-z0-9_-]{0,31}$ ]]; }`),
  is_ssh_user: fn([], String.raw`is_ssh_user() { local LC_ALL=C; [[ $1 =~ ^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$ ]]; }`),
  is_ssh_user_or_empty: fn(['is_ssh_user'], String.raw`is_ssh_user_or_empty() { [ -z "$1" ] || is_ssh_user "$1"; }`),
  is_handle: fn([], String.raw`# 0x100000 to 0xFFE00000 in steps of 0x100000, written as the installer takes it.
is_handle() { local LC_ALL=C; [[ $1 =~ ^0x[1-9a-f][0-9a-f]{0,2}00000$ && $1 != 0xfff00000 ]]; }`),
  is_precedence: fn([], String.raw`is_precedence() { local LC_ALL=C; [[ $1 =~ ^[1-9][0-9]{0,8}$ ]]; }`),
  is_port: fn([], String.raw`is_port() { local LC_ALL=C; [[ $1 =~ ^[1-9][0-9]{0,4}$ ]] && (( 10#$1 <= 65535 )); }`),
  is_port_or_empty: fn(['is_port'], String.raw`is_port_or_empty() { [ -z "$1" ] || is_port "$1"; }`),
  is_version: fn([], String.raw`is_version() { local LC_ALL=C; [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ ]]; }`),
  is_version_or_empty: fn(['is_version'], String.raw`is_version_or_empty() { [ -z "$1" ] || is_version "$1"; }`),
  is_exclude_parts: fn(['fits_in'],
    String.raw`is_exclude_parts() { local LC_ALL=C; fits_in 512 "$1" && [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_-]*(,[A-Za-z0-9][A-Za-z0-9_-]*)*$ ]]; }`),
  is_exclude_parts_or_empty: fn(['is_exclude_parts'], String.raw`is_exclude_parts_or_empty() { [ -z "$1" ] || is_exclude_parts "$1"; }`),
  is_host_key: fn(['fits_in', 'has_control_character'], String.raw`# An OpenSSH public key line: TYPE BASE64 [COMMENT]; the key blob starts with
# its own type name (RFC 4253 section 6.6), so BASE64 starts with the
# encoding of it.
is_host_key() {
  local LC_ALL=C type blob prefix shape='^[^ ]+ [^ ]+( |$)'
  if ! fits_in 8192 "$1" || has_control_character "$1" || [[ $1 == *' ' ]]; then return 1; fi
  # One space after TYPE and after BASE64, so read splits exactly there.
  [[ $1 =~ $shape ]] || return 1
  IFS=' ' read -r type blob _ <<<"$1"
  case $type in
    ssh-ed25519) prefix=AAAAC3NzaC1lZDI1NTE5 ;;
    ssh-rsa) prefix=AAAAB3NzaC1y ;;
    ecdsa-sha2-nistp256) prefix=AAAAE2VjZHNhLXNoYTItbmlzdHAy ;;
    ecdsa-sha2-nistp384) prefix=AAAAE2VjZHNhLXNoYTItbmlzdHAz ;;
    ecdsa-sha2-nistp521) prefix=AAAAE2VjZHNhLXNoYTItbmlzdHA1 ;;
    sk-ssh-ed25519@openssh.com) prefix=AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t ;;
    sk-ecdsa-sha2-nistp256@openssh.com) prefix=AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5j ;;
    *) return 1 ;;
  esac
  [[ $blob =~ ^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$ && $blob == "$prefix"?* ]]
}`),
  is_host_key_or_empty: fn(['is_host_key'], String.raw`is_host_key_or_empty() { [ -z "$1" ] || is_host_key "$1"; }`),
  is_private_key_file: fn(['fits_in', 'has_control_character'], String.raw`is_private_key_file() {
  local LC_ALL=C
  fits_in 4096 "$1" && [[ $1 =~ ^(/|~/). ]] && ! has_control_character "$1"
}`),
  is_private_key_file_or_empty: fn(['is_private_key_file'], String.raw`is_private_key_file_or_empty() { [ -z "$1" ] || is_private_key_file "$1"; }`),
  is_backup_command: fn(['fits_in'], String.raw`is_backup_command() { local LC_ALL=C; [[ -n $1 && $1 != *[$'\r\n']* ]] && fits_in 4096 "$1"; }`),
  is_backup_command_or_empty: fn(['is_backup_command'], String.raw`is_backup_command_or_empty() { [ -z "$1" ] || is_backup_command "$1"; }`),
  is_vnmrc_key: fn([], String.raw`is_vnmrc_key() { local LC_ALL=C; [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_.]{0,127}$ ]]; }`),
  is_vnmrc_value: fn(['fits_in'], String.raw`is_vnmrc_value() { local LC_ALL=C; [[ $1 != *[$'\r\n']* ]] && fits_in 1024 "$1"; }`),
  is_relative_path: fn(['is_single_line'], String.raw`is_relative_path() {
  local LC_ALL=C
  is_single_line "$1" && [[ $1 =~ ^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$ ]] && [[ "/$1/" != */../* ]]
}`),
  is_os_package: fn(['is_single_line'], String.raw`is_os_package() { is_single_line "$1" && [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$ ]]; }`),
  is_count: fn(['is_single_line'], String.raw`is_count() { is_single_line "$1" && [[ "$1" =~ ^[1-9][0-9]{0,5}$ ]]; }`),
  is_reseed_label: fn(['is_single_line'], String.raw`is_reseed_label() {
  local LC_ALL=C
  is_single_line "$1" && [[ "$1" =~ ^[A-Za-z0-9\ ._:+@/-]{0,128}$ ]]
}`),
  is_yes_no: fn([], String.raw`is_yes_no() { [ "$1" = yes ] || [ "$1" = no ]; }`),
  is_product: fn([], String.raw`is_product() { [ "$1" = spectroserver ] || [ "$1" = oneclick ]; }`),
  is_map_entry: fn(['is_handle', 'is_precedence'], String.raw`# <handle> <precedence>: one entry of a landscape map.
is_map_entry() {
  local LC_ALL=C handle precedence shape='^[^ ]+ [^ ]+$'
  [[ $1 =~ $shape ]] || return 1
  IFS=' ' read -r handle precedence <<<"$1"
  is_handle "$handle" && is_precedence "$precedence"
}`),
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
