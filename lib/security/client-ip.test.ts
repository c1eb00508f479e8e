import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";
import { clientIp } from "./client-ip";

afterEach(() => {
  delete process.env.TRUSTED_IP_HEADER;
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvForTests();
});

function configure(variables: Record<string, string>) {
  Object.assign(process.env, variables);
  resetEnvForTests();
}

describe("clientIp", () => {
  it("with no proxy configured, reads the TCP peer the server stamped, never X-Forwarded-For", () => {
    // Each spoofed X-Forwarded-For used to be a fresh rate-limit bucket.
    const spoofed = (forwarded: string) => clientIp(new Headers({ "x-forwarded-for": forwarded, [SOCKET_ADDRESS_HEADER]: "::ffff:198.51.100.7" }));
    expect(spoofed("1.1.1.1")).toBe("198.51.100.7");
    expect(spoofed("2.2.2.2")).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1" }))).toBe("unknown");
  });

  it("reads only the configured header, which the proxy overwrites", () => {
    configure({ TRUSTED_IP_HEADER: "X-Real-IP" });
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1", [SOCKET_ADDRESS_HEADER]: "127.0.0.1" }))).toBe("unknown");
  });

  it("with proxy hops, takes the X-Forwarded-For entry that many from the right", () => {
    configure({ TRUSTED_PROXY_HOPS: "1" });
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }))).toBe("203.0.113.9");
    configure({ TRUSTED_PROXY_HOPS: "2" });
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "10.0.0.2" }))).toBe("unknown");
  });

  it("anything but an address is the shared unknown bucket", () => {
    configure({ TRUSTED_IP_HEADER: "x-real-ip" });
    expect(clientIp(new Headers({ "x-real-ip": "not-an-ip" }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
  });
});
