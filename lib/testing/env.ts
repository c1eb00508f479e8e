import { afterEach } from "vitest";
import { resetEnvForTests } from "@/lib/env";

/** For tests that change these variables: each test ends with them as they were, and env() read afresh. */
export function restoreEnvAfterEach(...keys: string[]) {
  const original = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  afterEach(() => {
    for (const [key, value] of Object.entries(original)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvForTests();
  });
}
