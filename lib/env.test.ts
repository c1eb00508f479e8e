import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "./env";

const keys = ["NODE_ENV", "THERAPIST_EMAILS", "AUTH_SECRET", "RESEND_API_KEY", "CRON_SECRET", "RATE_LIMIT_SALT", "TRUSTED_IP_HEADER", "TRUSTED_PROXY_HOPS", "DEV_MAILBOX", "APP_URL", "PORT", "SEED_DEMO"] as const;
const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));

function withEnv(values: Partial<Record<(typeof keys)[number], string>>) {
  const variables = process.env as Record<string, string | undefined>;
  for (const key of keys) delete variables[key];
  Object.assign(variables, values);
  resetEnvForTests();
  return env;
}

afterEach(() => {
  const variables = process.env as Record<string, string | undefined>;
  for (const key of keys) {
    if (saved[key] === undefined) delete variables[key];
    else variables[key] = saved[key];
  }
  resetEnvForTests();
});

const production = {
  NODE_ENV: "production",
  RESEND_API_KEY: "re_live",
  CRON_SECRET: "c".repeat(32),
  RATE_LIMIT_SALT: "salt",
  AUTH_SECRET: "s".repeat(32),
  THERAPIST_EMAILS: "maya@stillwater.example",
  BOOKING_LINK_SECRET: "b".repeat(32),
  NEWSLETTER_TOKEN_SECRET: "n".repeat(32),
  TRUSTED_IP_HEADER: "x-real-ip",
};

describe("THERAPIST_EMAILS", () => {
  it("defaults to the demo practice's address outside production", () => {
    expect(withEnv({ NODE_ENV: "development" })().THERAPIST_EMAILS).toEqual(["maya@stillwater.example"]);
  });

  it("is a comma-separated list, normalised", () => {
    expect(withEnv({ THERAPIST_EMAILS: " Maya@StillWater.example , second@stillwater.example," })().THERAPIST_EMAILS).toEqual([
      "maya@stillwater.example",
      "second@stillwater.example",
    ]);
  });

  it("refuses an address that is not plain ASCII, naming it", () => {
    expect(() => withEnv({ THERAPIST_EMAILS: "maya@stillwater.example,mаya@stillwater.example" })()).toThrow(/mаya@stillwater\.example/);
    expect(() => withEnv({ THERAPIST_EMAILS: "not an address" })()).toThrow(/THERAPIST_EMAILS/);
  });

  it("is required in production", () => {
    const { THERAPIST_EMAILS: _omitted, ...rest } = production;
    expect(() => withEnv(rest)()).toThrow(/THERAPIST_EMAILS: is required in production/);
  });
});

describe("AUTH_SECRET", () => {
  it("has a development value, which production refuses", () => {
    expect(withEnv({ NODE_ENV: "development" })().AUTH_SECRET).toMatch(/development/);
    const { AUTH_SECRET: _omitted, ...rest } = production;
    expect(() => withEnv(rest)()).toThrow(/AUTH_SECRET/);
  });

  it("must be long enough to be a secret", () => {
    expect(() => withEnv({ AUTH_SECRET: "short" })()).toThrow(/AUTH_SECRET: use at least 32 random characters/);
  });

  it("a complete production configuration passes", () => {
    expect(withEnv(production)()).toMatchObject({ THERAPIST_EMAILS: ["maya@stillwater.example"], AUTH_SESSION_IDLE_MINUTES: 60, AUTH_SESSION_MAX_HOURS: 12 });
  });
});

describe("how the client's address is known", () => {
  it("production refuses to start until the deployment says (a header its proxy overwrites, or proxy hops)", () => {
    const { TRUSTED_IP_HEADER: _omitted, ...rest } = production;
    expect(() => withEnv(rest)()).toThrow(/TRUSTED_IP_HEADER: say how the client's address is known/);
    expect(withEnv({ ...rest, TRUSTED_PROXY_HOPS: "1" })().TRUSTED_PROXY_HOPS).toBe(1);
    expect(withEnv(production)().TRUSTED_IP_HEADER).toBe("x-real-ip");
  });

  it("has no default: development without a proxy uses the TCP peer", () => {
    const values = withEnv({ NODE_ENV: "development" })();
    expect(values.TRUSTED_IP_HEADER).toBeUndefined();
    expect(values.TRUSTED_PROXY_HOPS).toBeUndefined();
  });

  it("refuses X-Forwarded-For as a trusted header (the client writes it) and both ways at once", () => {
    expect(() => withEnv({ TRUSTED_IP_HEADER: "X-Forwarded-For" })()).toThrow(/TRUSTED_PROXY_HOPS instead/);
    expect(() => withEnv({ TRUSTED_IP_HEADER: "x-real-ip", TRUSTED_PROXY_HOPS: "1" })()).toThrow(/not both/);
  });
});

describe("DEV_MAILBOX", () => {
  it("is off unless set, and production refuses it", () => {
    expect(withEnv({ NODE_ENV: "development" })().DEV_MAILBOX).toBe(false);
    expect(withEnv({ NODE_ENV: "development", DEV_MAILBOX: "1" })().DEV_MAILBOX).toBe(true);
    expect(() => withEnv({ ...production, DEV_MAILBOX: "1" })()).toThrow(/DEV_MAILBOX/);
  });

  it("SEED_DEMO (set by `npm run dev` too) is refused in production", () => {
    expect(withEnv({ NODE_ENV: "development", SEED_DEMO: "1" })().SEED_DEMO).toBe(true);
    expect(() => withEnv({ ...production, SEED_DEMO: "1" })()).toThrow(/SEED_DEMO/);
  });

  it("is set by `npm run dev`, whose server listens on localhost only", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.dev).toMatch(/DEV_MAILBOX=1 next dev -H (localhost|127\.0\.0\.1)\b/);
  });
});

describe("APP_URL", () => {
  it("in development follows the port the server listens on (next dev -p sets PORT), unless set", () => {
    expect(withEnv({ NODE_ENV: "development", PORT: "3500" })().APP_URL).toBe("http://localhost:3500");
    expect(withEnv({ NODE_ENV: "development" })().APP_URL).toBe("http://localhost:3000");
    expect(withEnv({ NODE_ENV: "development", PORT: "3500", APP_URL: "https://practice.example.org" })().APP_URL).toBe("https://practice.example.org");
  });

  it("in production is never guessed from the port", () => {
    expect(withEnv({ ...production, PORT: "3001" })().APP_URL).toBe("http://localhost:3000");
  });
});
