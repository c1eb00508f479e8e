import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig, { tokenPages } from "../../next.config.js";

/** Every page and route handler under app/ whose address has a [token] segment, as a Next source pattern. */
function tokenAddresses(dir = "app", path: string[] = []): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name.replace(/^\[(\w+)\]$/, ":$1")];
      found.push(...tokenAddresses(join(dir, entry.name), [...path, ...segment]));
    } else if (/^(page\.tsx|route\.ts)$/.test(entry.name) && path.includes(":token")) {
      found.push(`/${path.join("/")}`);
    }
  }
  return found;
}

describe("pages whose address carries a token", () => {
  it("each sends no referrer to another site", async () => {
    const addresses = tokenAddresses();
    expect(addresses.length).toBeGreaterThanOrEqual(8);
    const rules = (await nextConfig.headers!()) as { source: string; headers: { key: string; value: string }[] }[];
    for (const address of addresses) {
      const policies = rules.filter((rule) => rule.source === address).flatMap((rule) => rule.headers.filter((header) => header.key === "Referrer-Policy"));
      expect(policies.map((policy) => policy.value), address).toEqual([expect.stringMatching(/^(no-referrer|same-origin)$/)]);
    }
    expect(tokenPages.map((page) => page.source).sort()).toEqual([...addresses].sort());
  });
});
