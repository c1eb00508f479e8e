import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The import boundaries of DESIGN.md are enforced by the lint
 * (eslint.config.mjs). Each case adds one import to a file in a folder and
 * asks the project's own ESLint configuration what it thinks.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(`${code}\nexport const used = imported;\n`, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("import boundaries", () => {
  // The first lint loads the parser and every plugin: seconds on a busy machine, more than one case's timeout.
  beforeAll(() => problems("lib/warm-up.ts", "const imported = 1;"), 60_000);

  it.each([
    ["lib/booking/back-arrow.ts", 'import { imported } from "@/components/forms/server-form";', /view code lives in components/],
    ["lib/booking/back-arrow.ts", 'import { imported } from "@/app/(site)/book/actions";', /outermost layer/],
    ["lib/booking/back-arrow.ts", 'import { imported } from "@/emails";', /Only lib\/email imports emails/],
    ["lib/booking/back-arrow.ts", 'import { imported } from "../../emails/booking-confirmed";', /Only lib\/email imports emails/],
    ["db/back-arrow.ts", 'import { imported } from "@/lib/practice/practice";', /db\/ imports only lib\/env/],
    ["components/back-arrow.tsx", 'import { imported } from "@/db/client";', /never touch the database/],
    ["app/back-arrow.ts", 'import { imported } from "@/emails/sign-in-link";', /Only lib\/email imports emails/],
    // Templates are given what they show; they read neither the practice nor a capability.
    ["emails/back-arrow.tsx", 'import { imported } from "@/lib/practice/practice";', /emails\/ import only types from lib/],
    ["emails/back-arrow.tsx", 'import { imported } from "../lib/booking/format";', /emails\/ import only types from lib/],
    ["emails/components/back-arrow.tsx", 'import { imported } from "../../lib/booking/format";', /emails\/ import only types from lib/],
    ["emails/back-arrow.tsx", 'import "@/lib/booking/booking-emails";', /emails\/ import only types from lib/],
    ["emails/back-arrow.tsx", 'import { imported } from "@/components/forms/server-form";', /view code lives in components/],
    ["components/back-arrow.tsx", 'import { imported } from "@/app/(site)/book/actions";', /outermost layer/],
    ["components/forms/back-arrow.tsx", 'import { imported } from "../../app/(site)/book/actions";', /outermost layer/],
    // A relative path names the same folder as its alias.
    ["lib/booking/back-arrow.ts", 'import { imported } from "../../components/forms/server-form";', /view code lives in components/],
    ["lib/booking/back-arrow.ts", 'import { imported } from "../../app/(site)/book/actions";', /outermost layer/],
    ["components/admin/back-arrow.tsx", 'import { imported } from "../../db/client";', /never touch the database/],
    ["db/back-arrow.ts", 'import { imported } from "../lib/practice/practice";', /db\/ imports only lib\/env/],
  ])("refuses, in %s, %s", async (file, code, message) => {
    expect(await problems(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["lib/email/forward.ts", 'import { imported } from "@/emails";'],
    ["db/forward.ts", 'import { imported } from "@/lib/env";'],
    ["app/forward.ts", 'import { imported } from "@/components/forms/server-form";'],
    ["components/forward.tsx", 'import { imported } from "@/lib/forms/form-result";'],
    ["db/forward.ts", 'import { imported } from "../lib/env";'],
    ["lib/email/forward.ts", 'import { imported } from "../../emails";'],
    ["emails/forward.tsx", 'import type { imported } from "@/lib/booking/format";'],
    ["emails/forward.tsx", 'import { imported } from "./components/email-layout";'],
    ["emails/forward.tsx", 'import { imported } from "@react-email/components";'],
  ])("allows, in %s, %s", async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
