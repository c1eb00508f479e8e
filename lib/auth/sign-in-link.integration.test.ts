import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, outboxEmails, sessions, users, verificationTokens } from "@/db/schema";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST } from "@/lib/testing/therapist-session";
import { renderEmail } from "@/lib/email/render";
import { resetEnvForTests } from "@/lib/env";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { storedSessionKey } from "./session-key";
import { inspectSignInLink, signInCooldownSeconds, requestSignInLink, signInForm, spendSignInLink } from "./sign-in-link";

restoreEnvAfterEach("THERAPIST_EMAILS", "AUTH_SECRET");

const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function ask(email: string, from = ip(), now?: Date) {
  return requestSignInLink({ formKey: crypto.randomUUID(), email, website: "" }, { ip: from, now });
}

/** The token in the link of the newest sign-in email, read back the way the recipient would: from the rendered email. */
async function tokenFromEmail() {
  const db = await getDb();
  const [email] = await db.select().from(outboxEmails);
  const { text, html } = await renderEmail(email!.template, email!.props);
  const match = text.match(/http:\/\/localhost:3000\/admin\/sign-in\/confirm\/([A-Za-z0-9_-]{43})(?=\s|$)/);
  expect(match, "a link to the confirmation page").not.toBeNull();
  expect(html).toContain(match![0]);
  return match![1]!;
}

/** Asks for the therapist's link and reads its token from the email, as she would. */
async function therapistsLink() {
  await ask(THERAPIST);
  return tokenFromEmail();
}

async function table<T extends typeof outboxEmails | typeof verificationTokens | typeof sessions | typeof users | typeof auditEvents>(t: T) {
  return (await getDb()).select().from(t as typeof outboxEmails);
}

describe("asking for a sign-in link", () => {
  it("queues one plain email for the therapist, with a link to our own confirmation page", async () => {
    expect(await ask(THERAPIST)).toEqual({ status: "success" });
    const emails = await table(outboxEmails);
    expect(emails.map((email) => [email.recipient, email.template, email.subject, email.status])).toEqual([
      [THERAPIST, "sign-in-link", "Your sign-in link", "pending"],
    ]);
    const { text } = await renderEmail(emails[0]!.template, emails[0]!.props);
    expect(text).toContain("valid for 10 minutes");
    expect(text).not.toContain("/api/auth");
    expect(text).not.toContain(THERAPIST);
  });

  it("stores only a hash of the token, valid for 10 minutes", async () => {
    const before = Date.now();
    const token = await therapistsLink();
    const [row] = (await table(verificationTokens)) as unknown as { identifier: string; token: string; expires: Date }[];
    expect(row!.identifier).toBe(THERAPIST);
    expect(row!.token).not.toContain(token);
    expect(row!.expires.getTime() - before).toBeGreaterThan(9.9 * 60_000);
    expect(row!.expires.getTime() - before).toBeLessThanOrEqual(10 * 60_000 + 5_000);
  });

  it("normalises the address: case and surrounding spaces do not matter", async () => {
    await ask("  Maya@StillWater.EXAMPLE ");
    expect((await table(outboxEmails)).map((email) => email.recipient)).toEqual([THERAPIST]);
  });

  it("answers an unknown address exactly the same, and sends and stores nothing", async () => {
    const before = await databaseSnapshot();
    const known = await ask(THERAPIST);
    await (await getDb()).delete(outboxEmails);
    await (await getDb()).delete(verificationTokens);
    for (const address of [
      "stranger@example.com",
      "evil-maya@stillwater.example",
      "maya@stillwater.example.evil.example",
      "maya.stillwater.example@example.com",
    ]) {
      expect(await ask(address), address).toEqual(known);
    }
    // Look-alikes outside ASCII are refused as addresses, exactly as any other non-ASCII address is.
    const nonAscii = await ask("jösé@example.com");
    expect(nonAscii).toMatchObject({ status: "invalid", fieldErrors: { email: [expect.any(String)] } });
    for (const address of ["mаya@stillwater.example", "ｍａｙａ＠stillwater.example", "maya@stillwater.example\u200b"]) {
      expect(await ask(address), address).toEqual({ ...nonAscii, values: { email: address } });
    }
    const after = await databaseSnapshot();
    expect({ ...after, rate_limit: [] }).toEqual({ ...before, rate_limit: [] });
  });

  it("refuses a malformed address beside the field and writes nothing but the rate-limit count", async () => {
    const before = await databaseSnapshot();
    const result = await ask("maya@");
    expect(result).toMatchObject({ status: "invalid", fieldErrors: { email: [expect.stringContaining("email address like")] }, values: { email: "maya@" } });
    const unknownField = await requestSignInLink({ formKey: crypto.randomUUID(), email: THERAPIST, role: "admin" }, { ip: ip() });
    expect(unknownField).toMatchObject({ status: "invalid", formError: expect.stringContaining("fields it does not have") });
    const after = await databaseSnapshot();
    expect({ ...after, rate_limit: [] }).toEqual({ ...before, rate_limit: [] });
  });

  it("refuses a filled honeypot", async () => {
    const result = await requestSignInLink({ formKey: crypto.randomUUID(), email: THERAPIST, website: "http://spam.example" }, { ip: ip() });
    expect(result).toMatchObject({ status: "invalid" });
    expect(await table(outboxEmails)).toHaveLength(0);
  });

  it("gives each address one link a minute, whoever asks, and then the next", async () => {
    const now = new Date();
    expect(await ask(THERAPIST, ip(), now)).toEqual({ status: "success" });
    const refused = await ask(THERAPIST, ip(), new Date(now.getTime() + 59_000));
    expect(refused).toMatchObject({ status: "invalid", formError: expect.stringContaining("less than a minute ago") });
    expect(await table(outboxEmails)).toHaveLength(1);
    // Not an hour: a minute later (from any IP) she can ask again, however often strangers asked.
    expect(await ask(THERAPIST, ip(), new Date(now.getTime() + signInCooldownSeconds() * 1000 + 1))).toEqual({ status: "success" });
    for (let minute = 2; minute < 8; minute += 1) expect(await ask(THERAPIST, ip(), new Date(now.getTime() + minute * 61_000))).toEqual({ status: "success" });
    expect(await table(outboxEmails)).toHaveLength(8);
  });

  it("limits requests per IP, known address or not", async () => {
    const from = ip();
    for (let i = 0; i < signInForm.limits.perIp.max; i += 1) await ask(`person${i}@example.com`, from);
    expect(await ask(THERAPIST, from)).toMatchObject({ status: "invalid", formError: expect.stringContaining("several of these") });
    expect(await table(outboxEmails)).toHaveLength(0);
  });

  it("never voids a link already in her inbox: a stranger asking again leaves it working", async () => {
    const now = new Date();
    await ask(THERAPIST, ip(), now);
    const first = await tokenFromEmail();
    await (await getDb()).delete(outboxEmails);
    await ask(THERAPIST, ip(), new Date(now.getTime() + 61_000));
    const second = await tokenFromEmail();
    expect(await inspectSignInLink(first)).toBe("valid");
    expect(await inspectSignInLink(second)).toBe("valid");
    expect((await spendSignInLink(first)).status).toBe("signed-in");
    // Each is spent on its own.
    expect(await inspectSignInLink(first)).toBe("invalid");
    expect(await inspectSignInLink(second)).toBe("valid");
  });

  it("does the same work for an unknown address as for hers: a token, its hash and one transaction, leaving nothing stored", async () => {
    const db = await getDb();
    const transaction = vi.spyOn(db, "transaction");
    try {
      for (const address of [THERAPIST, "stranger@example.com"]) {
        transaction.mockClear();
        expect(await ask(address)).toEqual({ status: "success" });
        expect(transaction, address).toHaveBeenCalledTimes(1);
      }
    } finally {
      transaction.mockRestore();
    }
    expect((await db.select().from(verificationTokens)).map((row) => row.identifier)).toEqual([THERAPIST]);
  });

  it("answers an allowed and an unknown address in times within noise of each other", async () => {
    const timings: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
    const start = new Date();
    for (let i = 0; i < 12; i += 1) {
      // A fresh minute for the therapist's address each round, so every request does its whole work.
      const at = new Date(start.getTime() + i * 61_000);
      for (const [kind, address] of [
        ["known", THERAPIST],
        ["unknown", `stranger${i}@example.com`],
      ] as const) {
        const began = performance.now();
        expect(await ask(address, ip(), at)).toEqual({ status: "success" });
        timings[kind].push(performance.now() - began);
      }
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(timings.unknown) / median(timings.known);
    // On main an unknown address skipped the transaction entirely; now the two take the same path.
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe("using a sign-in link", () => {
  it("opening it spends nothing; the POST signs in once, with a hashed session row and an audit entry", async () => {
    const token = await therapistsLink();
    expect(await inspectSignInLink(token)).toBe("valid");
    expect(await inspectSignInLink(token)).toBe("valid");
    expect(await table(verificationTokens)).toHaveLength(1);

    const spent = await spendSignInLink(token);
    expect(spent).toMatchObject({ status: "signed-in", email: THERAPIST });
    const sessionToken = (spent as { sessionToken: string }).sessionToken;
    const [session] = (await table(sessions)) as unknown as { sessionToken: string; expires: Date }[];
    expect(session!.sessionToken).toBe(storedSessionKey(process.env.AUTH_SECRET ?? "attune-development-auth-secret-not-for-production", sessionToken));
    expect(session!.expires.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(await table(verificationTokens)).toHaveLength(0);
    const audit = (await table(auditEvents)) as unknown as { actor: string; action: string }[];
    expect(audit.map((event) => [event.actor, event.action])).toEqual([[THERAPIST, "sign-in"]]);
  });

  it("refuses a link used a second time", async () => {
    const token = await therapistsLink();
    expect((await spendSignInLink(token)).status).toBe("signed-in");
    expect(await inspectSignInLink(token)).toBe("invalid");
    expect(await spendSignInLink(token)).toEqual({ status: "invalid" });
    expect(await table(sessions)).toHaveLength(1);
  });

  it("refuses an expired link, and writes no session", async () => {
    const token = await therapistsLink();
    await (await getDb()).update(verificationTokens).set({ expires: new Date(Date.now() - 1000) });
    expect(await inspectSignInLink(token)).toBe("expired");
    expect(await spendSignInLink(token)).toEqual({ status: "expired" });
    expect(await table(sessions)).toHaveLength(0);
  });

  it("refuses a link with one character changed", async () => {
    const token = await therapistsLink();
    const changed = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    expect(await inspectSignInLink(changed)).toBe("invalid");
    expect(await spendSignInLink(changed)).toEqual({ status: "invalid" });
    for (const garbage of ["", "x", `${token}x`, "../../api/auth/session", randomUUID()]) {
      expect(await inspectSignInLink(garbage)).toBe("invalid");
      expect(await spendSignInLink(garbage)).toEqual({ status: "invalid" });
    }
    expect(await table(sessions)).toHaveLength(0);
    // The real link still works: a wrong guess did not spend it.
    expect((await spendSignInLink(token)).status).toBe("signed-in");
  });

  it("refuses a link whose address was removed from THERAPIST_EMAILS after it was sent", async () => {
    process.env.THERAPIST_EMAILS = `${THERAPIST},second@stillwater.example`;
    resetEnvForTests();
    await ask("second@stillwater.example");
    const token = await tokenFromEmail();
    process.env.THERAPIST_EMAILS = THERAPIST;
    resetEnvForTests();
    expect(await spendSignInLink(token)).toEqual({ status: "invalid" });
    expect(await table(sessions)).toHaveLength(0);
  });

  it("refuses every link when AUTH_SECRET differs from the one that made it", async () => {
    const token = await therapistsLink();
    process.env.AUTH_SECRET = "a-different-secret-that-is-long-enough-0000";
    resetEnvForTests();
    expect(await inspectSignInLink(token)).toBe("invalid");
    expect(await spendSignInLink(token)).toEqual({ status: "invalid" });
    expect(await table(sessions)).toHaveLength(0);
  });
});
