// Network addresses: IPv4 (dotted quad, no leading zeros), IPv6 (RFC 4291 text forms) and MAC addresses.

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** IPv4 or IPv6 address (an IPv6 zone or brackets are not accepted). */
export function isIpAddress(value: string): boolean {
  const v = value.trim();
  if (V4.test(v)) return true;
  return v.includes(':') && isIpv6(v);
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** IPv6 in its text forms: eight groups, one `::` for a run of zero groups, an IPv4 tail allowed. */
export function isIpv6(v: string): boolean {
  if (v.length < 2 || v.length > 45) return false;
  const halves = v.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | null => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!V4.test(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

const MAC = /^[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}$/i;
const MAC_DOTTED = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;

/** MAC address: six hex pairs joined by ':' or '-', or three dotted quads of hex (Cisco style). */
export function isMacAddress(value: string): boolean {
  const v = value.trim();
  return MAC.test(v) || MAC_DOTTED.test(v);
}
