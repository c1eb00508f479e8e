import { count, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { MINUTE } from "@/lib/time";
import { storedSessionKey } from "./session-key";
import { getDb } from "@/db/client";
import { passkeys, recoveryCodes, sessions, webauthnChallenges } from "@/db/schema";
import { auditTrail, expectEveryCallRefused } from "@/lib/testing/private-area";
import { redirectOf, request } from "@/lib/testing/request-scope";
import { databaseSnapshot, rowsContaining } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { virtualAuthenticator } from "@/lib/testing/virtual-authenticator";
import { currentTherapist, requireTherapist } from "./guards";
import { listPasskeys, makeNewRecoveryCodes, passkeyRegistrationOptions, registerPasskey, removePasskey } from "@/lib/admin/security";
import { passkeySignInOptions, verifyPasskeySignIn } from "./passkeys";
import { RECOVERY_CODE_COUNT, TOO_MANY_RECOVERY_CODES, hasPasskey, signInWithRecoveryCode } from "./second-factor";
import { removeSecondFactor } from "./second-factor-reset";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function table<T extends typeof passkeys | typeof recoveryCodes | typeof webauthnChallenges | typeof sessions>(t: T) {
  return (await getDb()).select().from(t as typeof passkeys);
}

async function unusedCodes() {
  const [row] = await (await getDb()).select({ n: count() }).from(recoveryCodes).where(isNull(recoveryCodes.usedAt));
  return row!.n;
}

/** Signs in fully (no passkey yet) and registers `authenticator`'s passkey; returns the recovery codes shown. */
async function registered(authenticator = virtualAuthenticator()) {
  await signInAs(THERAPIST);
  const options = await passkeyRegistrationOptions();
  const result = await registerPasskey(form({ response: JSON.stringify(authenticator.register(options.challenge)), name: "Laptop" }));
  expect(result).toMatchObject({ status: "saved" });
  return { authenticator, codes: (result as { saved: { recoveryCodes: string[] } }).saved.recoveryCodes };
}

/** A new browser opening the emailed link: a fresh session, half signed in while she has a passkey. */
async function newBrowser() {
  request.reset();
  await signInAs(THERAPIST);
}

beforeEach(() => request.reset());

describe("registering a passkey", () => {
  it("stores the passkey, shows ten recovery codes once and keeps only their hashes", async () => {
    const { codes } = await registered();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const [passkey] = await table(passkeys);
    expect(passkey).toMatchObject({ name: "Laptop", counter: 0 });
    expect(await table(recoveryCodes)).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(await rowsContaining(code)).toEqual([]);
      expect(await rowsContaining(code.replace("-", ""))).toEqual([]);
    }
    expect(await table(webauthnChallenges)).toHaveLength(0);
    expect((await auditTrail()).map((entry) => [entry.actor, entry.action, entry.subjectId])).toEqual([[THERAPIST, "passkey-registered", passkey!.id]]);
    // The browser that made it stays signed in; the list shows it without its key.
    expect(await currentTherapist()).toMatchObject({ email: THERAPIST });
    expect(await listPasskeys()).toMatchObject({ passkeys: [{ name: "Laptop" }], unusedRecoveryCodes: RECOVERY_CODE_COUNT });
  });

  it("gives the relying party as APP_URL's host", async () => {
    await signInAs(THERAPIST);
    const options = await passkeyRegistrationOptions();
    expect(options.rp).toMatchObject({ id: "localhost", name: "Still Water Therapy" });
    expect(options.authenticatorSelection).toMatchObject({ userVerification: "required" });
  });

  it("refuses an answer to another challenge, and the challenge it should have answered is spent", async () => {
    await signInAs(THERAPIST);
    const authenticator = virtualAuthenticator();
    const { challenge } = await passkeyRegistrationOptions();
    const before = await databaseSnapshot();
    const wrong = await registerPasskey(form({ response: JSON.stringify(authenticator.register("c29tZXRoaW5nLWVsc2U")) }));
    expect(wrong).toMatchObject({ status: "invalid", formError: expect.stringContaining("could not be checked") });
    const late = await registerPasskey(form({ response: JSON.stringify(authenticator.register(challenge)) }));
    expect(late).toMatchObject({ status: "invalid", formError: expect.stringContaining("took too long") });
    expect(await databaseSnapshot()).toEqual({ ...before, webauthn_challenge: [] });
  });

  it("refuses an expired challenge, another site's answer and what is no answer at all", async () => {
    await signInAs(THERAPIST);
    const authenticator = virtualAuthenticator();
    const { challenge } = await passkeyRegistrationOptions();
    await (await getDb()).update(webauthnChallenges).set({ expires: new Date(Date.now() - 1000) });
    expect(await registerPasskey(form({ response: JSON.stringify(authenticator.register(challenge)) }))).toMatchObject({ formError: expect.stringContaining("took too long") });
    const answers: Record<string, (challenge: string) => string> = {
      "another site's origin": (fresh) => JSON.stringify(authenticator.register(fresh, { origin: "http://evil.example" })),
      "another relying party": (fresh) => JSON.stringify(authenticator.register(fresh, { rpID: "evil.example" })),
      "not JSON": () => "not json",
      "no credential": () => "[]",
    };
    for (const [what, answer] of Object.entries(answers)) {
      const { challenge: fresh } = await passkeyRegistrationOptions();
      expect(await registerPasskey(form({ response: answer(fresh) })), what).toMatchObject({ status: "invalid", formError: expect.stringContaining("could not be checked") });
    }
    expect(await table(passkeys)).toHaveLength(0);
    expect(await table(recoveryCodes)).toHaveLength(0);
  });

  it("refuses a visitor with no session, and a half-signed-in session, writing nothing", async () => {
    const authenticator = virtualAuthenticator();
    await expectEveryCallRefused({
      options: () => passkeyRegistrationOptions(),
      register: () => registerPasskey(form({ response: JSON.stringify(authenticator.register("x")) })),
      remove: () => removePasskey(form({ id: crypto.randomUUID() })),
      codes: () => makeNewRecoveryCodes(form({})),
    });
    await registered();
    await newBrowser();
    const before = await databaseSnapshot();
    for (const call of [() => passkeyRegistrationOptions(), () => registerPasskey(form({ response: "{}" })), () => makeNewRecoveryCodes(form({}))]) {
      expect(await redirectOf(call)).toBe("/admin/sign-in/passkey");
    }
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("signing in with a passkey after the emailed link", () => {
  it("a new session is half signed in until the passkey answers; then it is in, and the audit log says so", async () => {
    const { authenticator } = await registered();
    await newBrowser();
    expect(await currentTherapist()).toBeNull();
    expect(await redirectOf(requireTherapist)).toBe("/admin/sign-in/passkey");
    const options = await passkeySignInOptions();
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: authenticator.id })]);
    expect(await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(options.challenge)))).toEqual({ status: "verified" });
    expect(await requireTherapist()).toMatchObject({ email: THERAPIST });
    const [passkey] = await table(passkeys);
    expect(passkey!.counter).toBe(1);
    expect(passkey!.lastUsedAt).not.toBeNull();
    expect((await auditTrail()).map((entry) => entry.action)).toEqual(["passkey-registered", "passkey-used"]);
  });

  it("refuses an answer to an old challenge, an expired challenge, and a passkey that is not hers", async () => {
    const { authenticator } = await registered();
    await newBrowser();
    const first = await passkeySignInOptions();
    await passkeySignInOptions();
    expect(await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(first.challenge)))).toMatchObject({ status: "refused" });
    const expiring = await passkeySignInOptions();
    await (await getDb()).update(webauthnChallenges).set({ expires: new Date(Date.now() - 1000) });
    expect(await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(expiring.challenge)))).toMatchObject({ status: "refused", message: expect.stringContaining("took too long") });
    const stranger = virtualAuthenticator();
    const other = await passkeySignInOptions();
    expect(await verifyPasskeySignIn(JSON.stringify(stranger.authenticate(other.challenge)))).toMatchObject({ status: "refused" });
    const lookalike = await passkeySignInOptions();
    expect(await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(lookalike.challenge, { origin: "http://evil.example" })))).toMatchObject({ status: "refused" });
    expect(await verifyPasskeySignIn(42)).toMatchObject({ status: "refused" });
    expect(await currentTherapist()).toBeNull();
    expect((await auditTrail()).map((entry) => entry.action)).toEqual(["passkey-registered"]);
  });

  it("sends a visitor with no session to sign in, and a fully signed-in one home", async () => {
    expect(await redirectOf(passkeySignInOptions)).toBe("/admin/sign-in");
    expect(await redirectOf(() => verifyPasskeySignIn("{}"))).toBe("/admin/sign-in");
    expect(await redirectOf(() => signInWithRecoveryCode(form({ code: "abcde-fghjk" })))).toBe("/admin/sign-in");
    await signInAs(THERAPIST);
    expect(await redirectOf(passkeySignInOptions)).toBe("/admin");
  });

  it("a session that signed out takes its second factor with it", async () => {
    const { authenticator } = await registered();
    await newBrowser();
    const options = await passkeySignInOptions();
    await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(options.challenge)));
    await (await getDb()).delete(sessions);
    await newBrowser();
    expect(await currentTherapist()).toBeNull();
  });
});

describe("recovery codes", () => {
  it("one code signs a half-signed-in session in, once; case and spacing do not matter", async () => {
    const { codes } = await registered();
    await newBrowser();
    const typed = `  ${codes[3]!.toUpperCase().replace("-", " ")} `;
    expect(await signInWithRecoveryCode(form({ code: typed }))).toMatchObject({ status: "saved", message: expect.stringContaining("9 unused codes") });
    expect(await currentTherapist()).toMatchObject({ email: THERAPIST });
    expect((await auditTrail()).at(-1)).toMatchObject({ action: "recovery-code-used", detail: { remaining: 9 } });

    await newBrowser();
    const before = await databaseSnapshot();
    expect(await signInWithRecoveryCode(form({ code: codes[3]! }))).toMatchObject({ status: "invalid", fieldErrors: { code: [expect.stringContaining("works once")] } });
    expect(await signInWithRecoveryCode(form({ code: "zzzzz-zzzzz" }))).toMatchObject({ status: "invalid" });
    expect(await signInWithRecoveryCode(form({ code: "" }))).toMatchObject({ status: "invalid", fieldErrors: { code: [expect.any(String)] } });
    // Nothing changes but the count of wrong codes and their lines in the audit log.
    const { audit_event: _audit, rate_limit: _limits, ...rest } = await databaseSnapshot();
    const { audit_event: _auditBefore, rate_limit: _limitsBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(await currentTherapist()).toBeNull();
  });

  it("at most five wrong codes in 15 minutes per session: the sixth try is refused unchecked, even with a good code; each wrong one is in the audit log", async () => {
    const { codes } = await registered();
    await newBrowser();
    for (let i = 0; i < 5; i++) {
      expect(await signInWithRecoveryCode(form({ code: `wrong-${i}0000` }))).toMatchObject({ status: "invalid", fieldErrors: { code: [expect.stringContaining("works once")] } });
    }
    expect(await signInWithRecoveryCode(form({ code: "wrong-60000" }))).toMatchObject({ fieldErrors: { code: [TOO_MANY_RECOVERY_CODES] } });
    expect(await signInWithRecoveryCode(form({ code: codes[0]! }))).toMatchObject({ fieldErrors: { code: [TOO_MANY_RECOVERY_CODES] } });
    expect(await currentTherapist()).toBeNull();
    expect(await unusedCodes()).toBe(RECOVERY_CODE_COUNT);
    const refused = (await auditTrail()).filter((entry) => entry.action === "recovery-code-refused");
    expect(refused).toHaveLength(5);
    expect(refused[0]).toMatchObject({ actor: THERAPIST, subjectType: "session" });
    // The log holds no trace of what was typed.
    expect(await rowsContaining("wrong-")).toEqual([]);
  });

  it("the five are counted for her address too: another emailed link starts no new count; after 15 minutes she may try again", async () => {
    const { codes } = await registered();
    await newBrowser();
    for (let i = 0; i < 3; i++) await signInWithRecoveryCode(form({ code: "zzzzz-zzzzz" }));
    await newBrowser();
    for (let i = 0; i < 2; i++) await signInWithRecoveryCode(form({ code: "zzzzz-zzzzz" }));
    expect(await signInWithRecoveryCode(form({ code: codes[0]! }))).toMatchObject({ fieldErrors: { code: [TOO_MANY_RECOVERY_CODES] } });
    vi.useFakeTimers({ now: Date.now() + 15 * MINUTE + 1000, toFake: ["Date"] });
    try {
      expect(await signInWithRecoveryCode(form({ code: codes[0]! }))).toMatchObject({ status: "saved" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("a code that works is not counted as a wrong one", async () => {
    const { codes } = await registered();
    for (let i = 0; i < 5; i++) {
      await newBrowser();
      expect(await signInWithRecoveryCode(form({ code: codes[i]! }))).toMatchObject({ status: "saved" });
    }
    await newBrowser();
    expect(await signInWithRecoveryCode(form({ code: "zzzzz-zzzzz" }))).toMatchObject({ fieldErrors: { code: [expect.stringContaining("works once")] } });
    expect(await signInWithRecoveryCode(form({ code: codes[5]! }))).toMatchObject({ status: "saved" });
  });

  it("once in, she can remove the lost passkey and add another; the old codes stay until she makes new ones", async () => {
    const { codes } = await registered();
    await newBrowser();
    await signInWithRecoveryCode(form({ code: codes[0]! }));
    const [lost] = await table(passkeys);
    expect(await removePasskey(form({ id: lost!.id }))).toMatchObject({ status: "saved" });
    expect(await table(passkeys)).toHaveLength(0);
    expect(await hasPasskey(THERAPIST)).toBe(false);
    const options = await passkeyRegistrationOptions();
    const added = await registerPasskey(form({ response: JSON.stringify(virtualAuthenticator().register(options.challenge)) }));
    expect(added).toMatchObject({ status: "saved", saved: { recoveryCodes: [] } });
    const fresh = await makeNewRecoveryCodes(form({}));
    const newCodes = (fresh as { saved: { recoveryCodes: string[] } }).saved.recoveryCodes;
    expect(newCodes).toHaveLength(RECOVERY_CODE_COUNT);
    await newBrowser();
    expect(await signInWithRecoveryCode(form({ code: codes[1]! }))).toMatchObject({ status: "invalid" });
    expect(await signInWithRecoveryCode(form({ code: newCodes[0]! }))).toMatchObject({ status: "saved" });
    expect((await auditTrail()).map((entry) => entry.action)).toEqual([
      "passkey-registered",
      "recovery-code-used",
      "passkey-removed",
      "passkey-registered",
      "recovery-codes-replaced",
      "recovery-code-refused",
      "recovery-code-used",
    ]);
  });

  it("another therapist is neither asked for her passkey nor able to remove it", async () => {
    await registered();
    const [mine] = await table(passkeys);
    request.reset();
    process.env.THERAPIST_EMAILS = `${THERAPIST},second@stillwater.example`;
    const { resetEnvForTests } = await import("@/lib/env");
    resetEnvForTests();
    try {
      await signInAs("second@stillwater.example");
      expect(await currentTherapist()).toMatchObject({ email: "second@stillwater.example" });
      expect(await removePasskey(form({ id: mine!.id }))).toMatchObject({ status: "invalid" });
      expect(await table(passkeys)).toHaveLength(1);
    } finally {
      process.env.THERAPIST_EMAILS = THERAPIST;
      resetEnvForTests();
    }
  });
});

describe("when both the passkey and the codes are lost", () => {
  it("the server's script removes every passkey and code of the address; the link alone signs in again", async () => {
    await registered();
    expect(await removeSecondFactor(" Maya@StillWater.example ")).toEqual({ passkeys: 1, recoveryCodes: RECOVERY_CODE_COUNT });
    expect(await table(passkeys)).toHaveLength(0);
    expect(await table(recoveryCodes)).toHaveLength(0);
    await newBrowser();
    expect(await currentTherapist()).toMatchObject({ email: THERAPIST });
    expect((await auditTrail()).at(-1)).toMatchObject({ actor: null, action: "passkeys-reset", detail: { passkeys: 1, recoveryCodes: RECOVERY_CODE_COUNT } });
    expect(await removeSecondFactor("nobody@example.com")).toBeNull();
  });
});

describe("the session id", () => {
  async function sessionKeys() {
    return (await (await getDb()).select({ key: sessions.sessionToken }).from(sessions)).map((row) => row.key);
  }

  for (const [factor, prove] of [
    [
      "passkey",
      async ({ authenticator }: { authenticator: ReturnType<typeof virtualAuthenticator> }) => {
        const options = await passkeySignInOptions();
        expect(await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(options.challenge)))).toEqual({ status: "verified" });
      },
    ],
    [
      "recovery code",
      async ({ codes }: { codes: string[] }) => {
        expect(await signInWithRecoveryCode(form({ code: codes[0]! }))).toMatchObject({ status: "saved" });
      },
    ],
  ] as const) {
    it(`is new once the ${factor} is proven: the half-signed-in cookie no longer opens anything`, async () => {
      const registration = await registered();
      await newBrowser();
      const halfway = request.cookies.get("attune.session")!;
      const keysBefore = await sessionKeys();
      await prove(registration as never);
      const rotated = request.cookies.get("attune.session")!;
      expect(rotated).not.toBe(halfway);
      expect(await requireTherapist()).toMatchObject({ email: THERAPIST });
      const keysAfter = await sessionKeys();
      expect(keysAfter).toHaveLength(keysBefore.length);
      expect(keysAfter).not.toContain(storedSessionKey(env().AUTH_SECRET, halfway));
      expect(keysAfter).toContain(storedSessionKey(env().AUTH_SECRET, rotated));
      // Whoever kept the id from before the second factor has nothing.
      request.cookies.set("attune.session", halfway);
      expect(await currentTherapist()).toBeNull();
      expect(await redirectOf(requireTherapist)).toBe("/admin/sign-in");
    });
  }
});

describe("the session row", () => {
  it("records the second factor on the session that proved it, and on no other", async () => {
    const { authenticator } = await registered();
    await newBrowser();
    const options = await passkeySignInOptions();
    expect(await verifyPasskeySignIn(JSON.stringify(authenticator.authenticate(options.challenge)))).toEqual({ status: "verified" });
    await newBrowser();
    const rows = await table(sessions);
    expect(rows.map((row) => (row as unknown as { secondFactorAt: Date | null }).secondFactorAt !== null).sort()).toEqual([false, true, true]);
    expect(await currentTherapist()).toBeNull();
  });
});
