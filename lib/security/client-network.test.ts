import { describe, expect, it } from "vitest";
import { canonicalClientAddress, clientNetwork } from "./client-network";

describe("clientNetwork", () => {
  it("counts an IPv4 address as one client in its /24", () => {
    expect(clientNetwork("198.51.100.7")).toEqual({ client: "198.51.100.7", group: "198.51.100.0/24" });
    expect(clientNetwork("198.51.100.200").group).toBe("198.51.100.0/24");
    expect(clientNetwork("198.51.101.7").group).toBe("198.51.101.0/24");
  });

  it("counts every address of an IPv6 /64 as one client, in its /48", () => {
    const one = clientNetwork("2001:db8:1:2::1");
    expect(one).toEqual({ client: "2001:db8:1:2::/64", group: "2001:db8:1::/48" });
    expect(clientNetwork("2001:db8:1:2:ffff:ffff:ffff:ffff")).toEqual(one);
    expect(clientNetwork("2001:0DB8:0001:0002:0000:0000:0000:00aa")).toEqual(one);
    // The next /64 is another client of the same group; the next /48 is another group.
    expect(clientNetwork("2001:db8:1:3::1")).toEqual({ client: "2001:db8:1:3::/64", group: "2001:db8:1::/48" });
    expect(clientNetwork("2001:db8:2:2::1").group).toBe("2001:db8:2::/48");
  });

  it("counts IPv4-mapped and IPv4-compatible IPv6 forms as their IPv4 address", () => {
    const plain = clientNetwork("198.51.100.7");
    expect(clientNetwork("::ffff:198.51.100.7")).toEqual(plain);
    expect(clientNetwork("::FFFF:c633:6407")).toEqual(plain);
    expect(clientNetwork("0:0:0:0:0:ffff:198.51.100.7")).toEqual(plain);
    expect(clientNetwork("::198.51.100.7")).toEqual(plain);
    expect(clientNetwork("::c633:6407")).toEqual(plain);
    // The loopback and unspecified addresses are not IPv4-compatible forms.
    expect(clientNetwork("::1")).toEqual({ client: "::/64", group: "::/48" });
    expect(canonicalClientAddress("::1")).toBe("::1");
  });

  it("drops an IPv6 zone id", () => {
    expect(canonicalClientAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(clientNetwork("fe80::1%eth0")).toEqual(clientNetwork("fe80::1"));
  });

  it("makes anything but an address the one unknown client, with no group", () => {
    for (const garbage of ["", "  ", "unknown", "not-an-ip", "1.2.3", "01.2.3.4", "0x7f.0.0.1", "256.1.1.1", "1.2.3.4/24", "[::1]", "1::2::3", "::ffff:1.2.3", "1.2.3.4%eth0", "2001:db8::1, 1.2.3.4", null, undefined]) {
      expect(clientNetwork(garbage), String(garbage)).toEqual({ client: "unknown", group: null });
    }
  });
});
