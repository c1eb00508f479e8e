import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { clientIp } from "./client-ip";

afterEach(() => {
  delete process.env.TRUSTED_IP_HEADER;
  resetEnvForTests();
});

describe("clientIp", () => {
  it("takes the entry our own proxy appended to X-Forwarded-For, not one the client sent", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("reads only the configured header", () => {
    process.env.TRUSTED_IP_HEADER = "X-Real-IP";
    resetEnvForTests();
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1" }))).toBe("unknown");
  });
});
