import { afterAll, afterEach, beforeAll } from "vitest";
import { startFakeResend } from "@/e2e/fixtures/fake-resend.mjs";
import { resetEnvForTests } from "@/lib/env";

export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;

/**
 * Sends a test file's email to a local Resend stand-in: started before the
 * file's first test, emptied after each, closed after the last, leaving the
 * environment as it was. `settings` adds environment values for the file.
 * The answer stands for the running server, so it can be taken at import.
 */
export function withFakeResend(settings: Record<string, string> = {}): FakeResend {
  let server: FakeResend | undefined;
  const names = ["RESEND_API_KEY", "RESEND_BASE_URL", ...Object.keys(settings)];
  const original = Object.fromEntries(names.map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    server = await startFakeResend();
    Object.assign(process.env, { RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: server.url, ...settings });
    resetEnvForTests();
  });
  afterEach(() => server?.reset());
  afterAll(async () => {
    await server?.close();
    for (const [name, value] of Object.entries(original)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvForTests();
  });

  return new Proxy({} as FakeResend, {
    get(_target, key) {
      if (!server) throw new Error("The fake Resend starts in beforeAll; use it inside a test.");
      const value = server[key as keyof FakeResend];
      return typeof value === "function" ? value.bind(server) : value;
    },
  });
}
