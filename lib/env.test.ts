import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "./env";

const keys = ["NODE_ENV", "THERAPIST_EMAILS", "AUTH_SECRET", "RESEND_API_KEY", "CRON_SECRET", "RATE_LIMIT_SALT"] as const;
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
