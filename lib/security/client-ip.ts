import "server-only";
import { env } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";
import { canonicalClientAddress } from "./client-network";

/**
 * The visitor's IP, for rate limits. Only an address the visitor cannot
 * choose will do, so it is read one of three ways, as the deployment says:
 *
 * - TRUSTED_IP_HEADER: a header the proxy in front overwrites on every
 *   request (deploy/nginx sets X-Real-IP to $remote_addr);
 * - TRUSTED_PROXY_HOPS: X-Forwarded-For, the entry that many places from
 *   the right, the one the outermost of our own proxies appended; anything
 *   left of it was written by the client;
 * - neither (development, tests, no proxy): the TCP peer, which the server
 *   stamps on each request itself (lib/server/socket-address.ts).
 *
 * Production refuses to start with neither (lib/env.ts): behind a proxy the
 * TCP peer is the proxy, and every visitor would share one bucket.
 */
export function clientIp(headers: Headers): string {
  const { TRUSTED_IP_HEADER: header, TRUSTED_PROXY_HOPS: hops } = env();
  if (header) return address(lastEntry(headers.get(header)));
  if (hops) {
    const entries = forwardedEntries(headers.get("x-forwarded-for"));
    return address(entries.length >= hops ? entries[entries.length - hops] : undefined);
  }
  return address(headers.get(SOCKET_ADDRESS_HEADER) ?? undefined);
}

function forwardedEntries(value: string | null): string[] {
  return (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
}

function lastEntry(value: string | null): string | undefined {
  return forwardedEntries(value).at(-1);
}

/**
 * Anything but an IP address (a proxy misconfigured, a header missing) is one
 * shared "unknown" bucket; an IPv4-mapped IPv6 address is its IPv4 address.
 * Which network the address counts for is the rate limit's business
 * (client-network.ts), so the full address is kept here.
 */
function address(value: string | undefined): string {
  return canonicalClientAddress(value);
}
