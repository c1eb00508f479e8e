import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/*
 * Fetching a calendar address the therapist typed. The address is a secret
 * (whoever has it reads her calendar), so no message here ever contains it;
 * and since the server fetches it, it must not become a way to probe the
 * server's own network: every address a name resolves to is checked, at
 * connection time (so a name that changes its answer between a check and
 * the connection gains nothing), after every redirect.
 */

export type FeedLimits = { timeoutMs: number; maxBytes: number; maxRedirects: number; allowPrivate: boolean };

export const defaultFeedLimits: Omit<FeedLimits, "allowPrivate"> = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };

export type FeedValidators = { etag?: string | null; lastModified?: string | null };

export type FeedAnswer = { status: "not-modified" } | { status: "ok"; text: string; etag: string | null; lastModified: string | null };

/** Why a fetch failed, in words fit for the availability room; never the address. */
export class FeedFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedFetchError";
  }
}

// Two lists: one BlockList holding both families matches every IPv4 address against the IPv4-mapped IPv6 range.
const privateIPv4 = new BlockList();
const privateIPv6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  privateIPv4.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  // IPv4-mapped and IPv4-translated addresses reach IPv4 hosts, loopback included; a public feed has no need of them.
  ["::ffff:0:0", 96],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  privateIPv6.addSubnet(network, prefix, "ipv6");
}

// Link-local holds the cloud's metadata service (169.254.169.254): refused even where private networks are allowed.
const linkLocal = { v4: new BlockList(), v6: new BlockList() };
linkLocal.v4.addSubnet("169.254.0.0", 16, "ipv4");
linkLocal.v6.addSubnet("fe80::", 10, "ipv6");

function isLinkLocal(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return linkLocal.v4.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = mappedIPv4(address);
  return linkLocal.v6.check(address, "ipv6") || (mapped !== null && linkLocal.v4.check(mapped, "ipv4"));
}

/** The IPv4 address inside an IPv4-mapped IPv6 one, written either way ("::ffff:169.254.0.1" or, as URLs write it, "::ffff:a9fe:1"). */
function mappedIPv4(address: string): string | null {
  const match = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(address);
  if (!match) return null;
  const rest = match[1]!;
  if (isIP(rest) === 4) return rest;
  const groups = rest.split(":");
  if (groups.length !== 2 || !groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  const [high, low] = groups.map((group) => parseInt(group, 16)) as [number, number];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Whether Attune may connect to an address: a public one, or with `allowPrivate` any but link-local. */
function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  return allowPrivate ? !isLinkLocal(address) : !isPrivateAddress(address);
}

/** Whether an IP address is loopback, private, link-local or otherwise not a public host. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? privateIPv4.check(address, "ipv4") : privateIPv6.check(address, "ipv6");
}

export const UNENCRYPTED = "The address must start https:// or webcal://: a calendar's secret address is never sent unencrypted.";

const refusedAddress = () => new FeedFetchError("The address points to a private network, which Attune does not fetch from.");

/** DNS for the connection itself: every address the name has must be public, or none is used. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(new FeedFetchError("The calendar's host name could not be found."), []);
      const list = addresses as LookupAddress[];
      if (list.length === 0) return callback(new FeedFetchError("The calendar's host name could not be found."), []);
      if (!list.every((entry) => isAllowedAddress(entry.address, allowPrivate))) return callback(refusedAddress(), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  }) as LookupFunction;
}

/** webcal:// is https:// by another name; only the two web schemes are fetched. */
export function feedRequestUrl(address: string): URL | null {
  let url: URL;
  try {
    url = new URL(address.trim().replace(/^webcals?:\/\//i, "https://"));
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return url;
}

/** The part of an address safe to show: its host, then an ellipsis for the secret path. */
export function maskedFeedAddress(address: string): string {
  const url = feedRequestUrl(address);
  return url ? `${url.host}/…` : "…";
}

function requestOnce(url: URL, validators: FeedValidators, limits: FeedLimits, deadline: number): Promise<{ status: number; headers: http.IncomingHttpHeaders; body?: string }> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) && !isAllowedAddress(host, limits.allowPrivate)) return reject(refusedAddress());
    // The address is a secret: it travels encrypted, except to the tests' own server on loopback.
    if (url.protocol === "http:" && !limits.allowPrivate) return reject(new FeedFetchError(UNENCRYPTED));
    const headers: Record<string, string> = { accept: "text/calendar, */*;q=0.5", "user-agent": "Attune calendar reader" };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    const client = url.protocol === "https:" ? https : http;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FeedFetchError("The calendar took too long to answer."));
    let failure: FeedFetchError | undefined;
    const fail = (error: FeedFetchError) => {
      failure ??= error;
      request.destroy(failure);
    };
    // Node's own errors can quote the host or path; only ours, which never do, reach the room.
    const rejectSafely = (error: unknown) =>
      reject(failure ?? (error instanceof FeedFetchError ? error : new FeedFetchError("The calendar could not be reached.")));
    const request = client.request(url, { method: "GET", headers, lookup: guardedLookup(limits.allowPrivate), timeout: remaining }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        return resolve({ status, headers: response.headers });
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > limits.maxBytes) return fail(new FeedFetchError(tooLarge(limits)));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) return fail(new FeedFetchError(tooLarge(limits)));
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", rejectSafely);
    });
    const slow = () => fail(new FeedFetchError("The calendar took too long to answer."));
    const timer = setTimeout(slow, remaining);
    request.on("timeout", slow);
    request.on("error", rejectSafely);
    request.on("close", () => clearTimeout(timer));
    request.end();
  });
}

const tooLarge = (limits: FeedLimits) => `The calendar is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB, more than Attune reads.`;

/**
 * GETs a calendar address within the limits, following at most
 * `maxRedirects` redirects (each checked like the first), sending the
 * validators of the last good copy so an unchanged calendar costs nothing.
 * Throws FeedFetchError with a message fit to show.
 */
export async function fetchFeed(address: string, validators: FeedValidators, limits: FeedLimits): Promise<FeedAnswer> {
  const first = feedRequestUrl(address);
  if (!first) throw new FeedFetchError("That is not a calendar address (webcal:// or https://).");
  let url: URL = first;
  const deadline = Date.now() + limits.timeoutMs;
  for (let redirects = 0; ; redirects++) {
    const answer = await requestOnce(url, validators, limits, deadline);
    if (answer.status === 304) return { status: "not-modified" };
    if ([301, 302, 303, 307, 308].includes(answer.status)) {
      if (redirects >= limits.maxRedirects) throw new FeedFetchError("The calendar address redirects too many times.");
      const next: URL | null = typeof answer.headers.location === "string" ? feedRequestUrl(new URL(answer.headers.location, url).toString()) : null;
      if (!next) throw new FeedFetchError("The calendar address redirects somewhere Attune does not fetch from.");
      url = next;
      continue;
    }
    if (answer.status === 404 || answer.status === 410) throw new FeedFetchError("The calendar address was not found (it may have been reset).");
    if (answer.status === 401 || answer.status === 403) throw new FeedFetchError("The calendar refused the request (the address may have been reset).");
    if (answer.status !== 200) throw new FeedFetchError(`The calendar answered with an error (HTTP ${answer.status}).`);
    const header = (name: string) => {
      const value = answer.headers[name];
      return typeof value === "string" ? value.slice(0, 200) : null;
    };
    return { status: "ok", text: answer.body ?? "", etag: header("etag"), lastModified: header("last-modified") };
  }
}
