import { readFileSync } from "node:fs";
import path from "node:path";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { clientNetwork } from "./client-network";

// The shipped nginx site keys its POST limit with a map of regexes over
// $remote_addr (deploy/nginx/attune.conf). This replays that map on the text
// nginx writes for an address and checks it names the same client as the app.

const conf = readFileSync(path.resolve(import.meta.dirname, "../../deploy/nginx/attune.conf"), "utf8");

function clientMap(): { pattern: RegExp; value: string }[] {
  const body = /map \$remote_addr \$attune_client \{\n([\s\S]*?)\n\}/.exec(conf)?.[1];
  if (!body) throw new Error("no $attune_client map in attune.conf");
  return body
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith('"~'))
    .map((line) => {
      const [, pattern, value] = /^"~(.*)"\s+(\S+);$/.exec(line)!;
      return { pattern: new RegExp(pattern!), value: value! };
    });
}

/** What the map yields for $remote_addr; its default is $remote_addr itself. */
function nginxClient(remoteAddr: string): string {
  for (const { pattern, value } of clientMap()) {
    const match = pattern.exec(remoteAddr);
    if (match) return value.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? "");
  }
  return remoteAddr;
}

/** $remote_addr as nginx writes an IPv6 peer (ngx_inet6_ntop): the first longest run of 2+ zero groups as "::", mapped and compatible forms dotted. */
function nginxText(parts: number[]): string {
  let zero = -1;
  let longest = 1;
  for (let i = 0, run = 0, start = -1; i <= 8; i += 1) {
    if (i < 8 && parts[i] === 0) {
      if (run++ === 0) start = i;
      continue;
    }
    if (run > longest) [zero, longest] = [start, run];
    run = 0;
  }
  const hex = parts.map((part) => part.toString(16));
  const dotted = `${parts[6]! >> 8}.${parts[6]! & 0xff}.${parts[7]! >> 8}.${parts[7]! & 0xff}`;
  if (zero === 0 && longest === 5 && parts[5] === 0xffff) return `::ffff:${dotted}`;
  if (zero === 0 && (longest === 6 || (longest === 7 && parts[7] !== 1))) return `::${dotted}`;
  if (zero === -1) return hex.join(":");
  return `${hex.slice(0, zero).join(":")}::${hex.slice(zero + longest).join(":")}`;
}

function sameClient(fromNginx: string, fromApp: string): boolean {
  if (!fromApp.endsWith("/64")) return fromNginx === fromApp;
  if (!fromNginx.endsWith("/64")) return false;
  return ipaddr.parse(fromNginx.slice(0, -3)).toString() === ipaddr.parse(fromApp.slice(0, -3)).toString();
}

describe("the nginx site's client map", () => {
  it("writes addresses as nginx does", () => {
    expect(nginxText(ipaddr.IPv6.parse("2001:db8::1").parts)).toBe("2001:db8::1");
    expect(nginxText(ipaddr.IPv6.parse("2001:db8:0:1:2:3:4:5").parts)).toBe("2001:db8:0:1:2:3:4:5");
    expect(nginxText(ipaddr.IPv6.parse("2001:db8:1::").parts)).toBe("2001:db8:1::");
    expect(nginxText(ipaddr.IPv6.parse("::").parts)).toBe("::");
    expect(nginxText(ipaddr.IPv6.parse("::1").parts)).toBe("::1");
    expect(nginxText(ipaddr.IPv6.parse("::ffff:192.0.2.1").parts)).toBe("::ffff:192.0.2.1");
    // ipaddr.js reads "::192.0.2.1" as mapped, so the compatible form is given by its groups.
    expect(nginxText([0, 0, 0, 0, 0, 0, 0xc000, 0x0201])).toBe("::192.0.2.1");
    expect(nginxText([0, 0, 0, 0, 0, 0, 0, 5])).toBe("::0.0.0.5");
  });

  it("names the client the app names, for IPv4 and for IPv6 with zeros anywhere", () => {
    expect(nginxClient("203.0.113.9")).toBe("203.0.113.9");
    expect(nginxClient("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(nginxClient("::203.0.113.9")).toBe("203.0.113.9");
    // Every pattern of zero and non-zero groups, with both small and large values.
    for (let mask = 0; mask < 256; mask += 1) {
      for (const value of [1, 0xabcd]) {
        const parts = Array.from({ length: 8 }, (_, i) => ((mask >> i) & 1 ? value + i : 0));
        const remoteAddr = nginxText(parts);
        const app = clientNetwork(remoteAddr).client;
        expect(sameClient(nginxClient(remoteAddr), app), `${remoteAddr}: nginx ${nginxClient(remoteAddr)}, app ${app}`).toBe(true);
      }
    }
  });
});
