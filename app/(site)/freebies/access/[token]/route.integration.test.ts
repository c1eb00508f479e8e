import { describe, expect, it } from "vitest";
import { GET } from "./route";
import { LIBRARY_LINK_LIMITS } from "@/lib/newsletter/library";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";

async function open(token: string, ip: string) {
  const request = new Request(`http://localhost:3000/freebies/access/${token}`, { headers: { [SOCKET_ADDRESS_HEADER]: ip } });
  return GET(request, { params: Promise.resolve({ token }) });
}

const token = (n: number, fill = "A") => `${fill.repeat(40)}${String(n).padStart(3, "0")}`;

describe("opening a library link", () => {
  it("is refused past the limit for one address, whatever the link", async () => {
    for (let n = 0; n < LIBRARY_LINK_LIMITS.perIp.max; n += 1) expect((await open(token(n), "198.51.100.20")).status).toBe(303);
    const refused = await open(token(999), "198.51.100.20");
    expect(refused.status).toBe(429);
    expect((await open(token(999), "198.51.100.21")).status).toBe(303);
  });

  it("is refused past the limit for one link, from whatever address", async () => {
    for (let n = 0; n < LIBRARY_LINK_LIMITS.perLink.max; n += 1) expect((await open(token(1, "B"), `198.51.100.${100 + n}`)).status).toBe(303);
    expect((await open(token(1, "B"), "198.51.100.250")).status).toBe(429);
  });
});
