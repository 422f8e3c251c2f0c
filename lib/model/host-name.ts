import { MaybeToken } from './topology';

/**
 * Host names and addresses as the rules (SPX120, SPX121, SPX171) and the
 * shell layer accept them. Pure: no DNS lookups, no Node APIs.
 *
 * Internal (not part of the jsii API).
 */

/** Longest DNS name in text form, without a trailing dot (RFC 1035 / RFC 1123). */
export const HOST_NAME_MAX_LENGTH = 253;

/** One DNS label (RFC 1123): letters, digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;
const IPV4_OCTET = /^(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const IPV6_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const IPV6_CHARACTERS = /^[0-9A-Fa-f:.]+$/;
/** `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255` */
const IPV6_MAX_LENGTH = 45;

/** A dotted-quad IPv4 address, e.g. `192.0.2.10` (no leading zeros). */
export function isIPv4Address(text: string): boolean {
  if (typeof text !== 'string') return false;
  const octets = text.split('.');
  return octets.length === 4 && octets.every(octet => IPV4_OCTET.test(octet));
}

/**
 * An IPv6 address in text form (RFC 4291 section 2.2), e.g. `2001:db8::10`
 * or `::ffff:192.0.2.10`. Zone ids (`%eth0`) and brackets are not accepted.
 */
export function isIPv6Address(text: string): boolean {
  if (typeof text !== 'string' || text.length > IPV6_MAX_LENGTH || !IPV6_CHARACTERS.test(text)) return false;
  let hex = text;
  if (text.includes('.')) {
    // An embedded IPv4 address is only allowed as the last 32 bits.
    const lastColon = text.lastIndexOf(':');
    if (lastColon < 0 || !isIPv4Address(text.slice(lastColon + 1))) return false;
    hex = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap(half => (half === '' ? [] : half.split(':')));
  if (!groups.every(group => IPV6_GROUP.test(group))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/**
 * A DNS host name (RFC 1123): dot-separated labels of letters, digits and
 * inner hyphens, at most 63 characters each and 253 in all, no trailing dot.
 * The last label must not be all digits, so `999.1.1.1` is neither a name nor
 * an address.
 */
export function isHostName(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > HOST_NAME_MAX_LENGTH) return false;
  const labels = text.split('.');
  return labels.every(label => LABEL.test(label)) && !ALL_DIGITS.test(labels[labels.length - 1]);
}

/**
 * Whether `text` is a host name or an IPv4/IPv6 address: what may reach a
 * `.hostrc`, a hostargs file or an SSH connection. Anything with spaces,
 * quotes, `;`, `$`, backticks or other shell syntax is rejected.
 */
export function isValidHost(text: string): boolean {
  return isIPv4Address(text) || isIPv6Address(text) || isHostName(text);
}

/**
 * Whether two hosts are the same: literals compare in canonical form (see
 * canonicalHost); when either is a token, the texts must be identical.
 */
export function sameHost(a: MaybeToken, b: MaybeToken): boolean {
  if (a.isToken || b.isToken) return a.text === b.text;
  return canonicalHost(a.text) === canonicalHost(b.text);
}

/**
 * One spelling for every way of writing the same host, for comparisons
 * (SPX121), never for display: a name in lower case without a trailing dot
 * (DNS names are case-insensitive, and `a.example.com.` is the same
 * absolute name); an IPv6 address as its eight groups in lower-case hex
 * without leading zeros (`2001:DB8:0:0:0:0:0:1` and `2001:db8::1` alike);
 * an IPv4-mapped IPv6 address (`::ffff:192.0.2.10`, RFC 4291 section
 * 2.5.5.2) as the IPv4 address it maps. Other text is only lower-cased.
 */
export function canonicalHost(text: string): string {
  if (isIPv4Address(text)) return text;
  if (isIPv6Address(text)) return canonicalIPv6(text);
  const lower = text.toLowerCase();
  return lower.endsWith('.') && isHostName(lower.slice(0, -1)) ? lower.slice(0, -1) : lower;
}

/** Eight lower-case hex groups without leading zeros, or the IPv4 address an IPv4-mapped one maps. */
function canonicalIPv6(text: string): string {
  let hex = text.toLowerCase();
  if (hex.includes('.')) {
    const lastColon = hex.lastIndexOf(':');
    const octets = hex.slice(lastColon + 1).split('.').map(Number);
    hex = `${hex.slice(0, lastColon + 1)}${(octets[0] * 256 + octets[1]).toString(16)}:${(octets[2] * 256 + octets[3]).toString(16)}`;
  }
  const [head, tail] = hex.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups].map(group => parseInt(group, 16));
  if (groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff) {
    return [Math.floor(groups[6] / 256), groups[6] % 256, Math.floor(groups[7] / 256), groups[7] % 256].join('.');
  }
  return groups.map(g => g.toString(16)).join(':');
}
