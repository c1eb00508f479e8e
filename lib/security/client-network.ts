import ipaddr from "ipaddr.js";

/**
 * Who a per-IP limit counts. One subscriber line gets a whole IPv6 /64 (and
 * often a /56 or /48), so counting single IPv6 addresses would hand a script
 * 2^64 fresh clients; an IPv4 address is scarce enough to be one client. The
 * group is the next size up, usually one customer or one small provider's
 * block: an IPv4 /24 or an IPv6 /48. `null` when the address is unknown, which
 * is already one bucket for everyone.
 */
export type ClientNetwork = { client: string; group: string | null };

export const UNKNOWN_CLIENT = "unknown";

/**
 * The address as the rate limits see it, or null for anything but an address:
 * IPv4 only in its plain dotted-quad form (ipaddr.js would also take "1.2.3",
 * "0x7f.1" and friends, which no proxy writes), IPv6 with any zone id dropped,
 * and an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6
 * address as the IPv4 address it carries, so a dual-stack socket cannot make
 * one IPv4 client look like another.
 */
export function parseClientAddress(raw: string | null | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const value = raw?.trim() ?? "";
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (!ipaddr.IPv6.isValid(value)) return null;
  const v6 = ipaddr.IPv6.parse(value);
  const carried = carriedIPv4(v6);
  return carried ?? new ipaddr.IPv6(v6.parts);
}

function carriedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const [a, b, c, d, e, f, g, h] = address.parts as [number, number, number, number, number, number, number, number];
  if (a !== 0 || b !== 0 || c !== 0 || d !== 0 || e !== 0) return null;
  if (f === 0xffff) return address.toIPv4Address();
  // ::a.b.c.d (RFC 4291's deprecated IPv4-compatible form); :: and ::1 are not.
  if (f === 0 && (g !== 0 || h > 1)) return new ipaddr.IPv4([g >> 8, g & 0xff, h >> 8, h & 0xff]);
  return null;
}

/** The canonical address (mapped forms unwrapped, zone dropped), or "unknown". */
export function canonicalClientAddress(raw: string | null | undefined): string {
  return parseClientAddress(raw)?.toString() ?? UNKNOWN_CLIENT;
}

/** The client and group a per-IP limit counts for this address. */
export function clientNetwork(raw: string | null | undefined): ClientNetwork {
  const address = parseClientAddress(raw);
  if (!address) return { client: UNKNOWN_CLIENT, group: null };
  if (address.kind() === "ipv4") return { client: address.toString(), group: prefix(address, 24) };
  return { client: prefix(address, 64), group: prefix(address, 48) };
}

function prefix(address: ipaddr.IPv4 | ipaddr.IPv6, bits: number): string {
  const cidr = `${address.toString()}/${bits}`;
  const network = address.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${network.toString()}/${bits}`;
}
