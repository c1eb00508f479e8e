import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { GET, POST } from "./route";

// A cron that can only send GET (most schedulers' default) must reach the sweep too.
const SECRET = "sweep-route-test-secret-that-is-long-enough";

beforeAll(() => {
  process.env.CRON_SECRET = SECRET;
  resetEnvForTests();
});

afterAll(() => {
  delete process.env.CRON_SECRET;
  resetEnvForTests();
});

describe("the sweep route", () => {
  it("sweeps on GET and on POST with the bearer secret, and is never cached", async () => {
    for (const [method, handler] of [["GET", GET], ["POST", POST]] as const) {
      const response = await handler(new Request("http://localhost:3000/api/outbox/sweep", { method, headers: { authorization: `Bearer ${SECRET}` } }));
      expect(response.status, method).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.json();
      expect(body.outbox).toMatchObject({ claimed: 0 });
    }
  });

  it("refuses the secret in any other place or with another scheme", async () => {
    const attempts: Record<string, string>[] = [{ authorization: `Basic ${SECRET}` }, { authorization: `Bearer ${SECRET}x` }, { "x-cron-secret": SECRET }];
    for (const headers of attempts) {
      const response = await GET(new Request("http://localhost:3000/api/outbox/sweep", { headers }));
      expect(response.status).toBe(401);
    }
  });
});
