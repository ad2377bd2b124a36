// Network addresses: IPv4 (dotted quad, no leading zeros), IPv6 (Node's parser) and MAC addresses.
import { isIPv6 } from 'node:net';

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** IPv4 or IPv6 address (an IPv6 zone or brackets are not accepted). */
export function isIpAddress(value: string): boolean {
  const v = value.trim();
  if (V4.test(v)) return true;
  return v.includes(':') && v.length >= 3 && isIPv6(v);
}

const MAC = /^[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}$/i;
const MAC_DOTTED = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;

/** MAC address: six hex pairs joined by ':' or '-', or three dotted quads of hex (Cisco style). */
export function isMacAddress(value: string): boolean {
  const v = value.trim();
  return MAC.test(v) || MAC_DOTTED.test(v);
}
