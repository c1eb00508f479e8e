import "server-only";
import { env } from "@/lib/env";

/**
 * The visitor's IP, read only from the header the deployment's proxy sets
 * (TRUSTED_IP_HEADER). For X-Forwarded-For the last entry is the one our own
 * proxy appended; anything left of it was supplied by the client and could be
 * forged to dodge a rate limit.
 */
export function clientIp(headers: Headers): string {
  const name = env().TRUSTED_IP_HEADER;
  const value = headers.get(name);
  if (!value) return "unknown";
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  const ip = name === "x-forwarded-for" ? entries.at(-1) : entries[0];
  return ip && ip.length <= 64 ? ip : "unknown";
}
