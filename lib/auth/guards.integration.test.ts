import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, sessions } from "@/db/schema";
import { redirectOf, request } from "@/lib/testing/request-scope";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { resetEnvForTests } from "@/lib/env";
import { restoreEnvAfterEach } from "@/lib/testing/env";
import { currentTherapist, requireTherapist } from "./guards";
import { signOutTherapist } from "./sign-out";

restoreEnvAfterEach("THERAPIST_EMAILS", "AUTH_SECRET");

async function sessionRows() {
  return (await getDb()).select().from(sessions);
}

describe("requireTherapist", () => {
  it("lets the configured therapist in", async () => {
    await signInAs(THERAPIST);
    expect(await requireTherapist()).toMatchObject({ email: THERAPIST });
  });

  it("sends a visitor with no session to sign in", async () => {
    expect(await redirectOf(requireTherapist)).toBe("/admin/sign-in");
  });

  it("is not fooled by the middleware-subrequest header", async () => {
    request.headers.set("x-middleware-subrequest", "middleware:middleware:middleware:middleware:middleware");
    expect(await redirectOf(requireTherapist)).toBe("/admin/sign-in");
  });

  it("refuses a signed-in user whose address is not a configured therapist", async () => {
    await signInAs("someone.else@stillwater.example");
    expect(await redirectOf(requireTherapist)).toBe("/admin/sign-in");
  });

  it("refuses a therapist the moment their address is removed from THERAPIST_EMAILS", async () => {
    process.env.THERAPIST_EMAILS = `${THERAPIST},second@stillwater.example`;
    resetEnvForTests();
    await signInAs("second@stillwater.example");
    expect(await currentTherapist()).toMatchObject({ email: "second@stillwater.example" });
    process.env.THERAPIST_EMAILS = THERAPIST;
    resetEnvForTests();
    expect(await redirectOf(requireTherapist)).toBe("/admin/sign-in");
  });

  it("fails closed when AUTH_SECRET is not the one the session was made with", async () => {
    await signInAs(THERAPIST);
    process.env.AUTH_SECRET = "a-different-secret-that-is-long-enough-0000";
    resetEnvForTests();
    expect(await currentTherapist()).toBeNull();
  });

  it("stores no usable cookie value: the row is keyed by a hash of it", async () => {
    const { sessionToken } = await signInAs(THERAPIST);
    const [row] = await sessionRows();
    expect(row!.sessionToken).not.toBe(sessionToken);
    expect(row!.sessionToken).not.toContain(sessionToken);
  });

  it("ends a session left idle past its expiry, and deletes its row", async () => {
    await signInAs(THERAPIST, { expires: new Date(Date.now() - 1000) });
    expect(await currentTherapist()).toBeNull();
    expect(await sessionRows()).toHaveLength(0);
  });

  it("ends a session at its absolute lifetime even while it is in use", async () => {
    const thirteenHoursAgo = new Date(Date.now() - 13 * 60 * 60 * 1000);
    await signInAs(THERAPIST, { createdAt: thirteenHoursAgo });
    expect(await currentTherapist()).toBeNull();
    expect(await sessionRows()).toHaveLength(0);
  });

  it("keeps a session that is inside both limits, and slides its idle expiry forward", async () => {
    const elevenHoursAgo = new Date(Date.now() - 11 * 60 * 60 * 1000);
    const soon = new Date(Date.now() + 2 * 60 * 1000);
    await signInAs(THERAPIST, { createdAt: elevenHoursAgo, expires: soon });
    expect(await currentTherapist()).toMatchObject({ email: THERAPIST });
    const [row] = await sessionRows();
    expect(row!.expires.getTime()).toBeGreaterThan(Date.now() + 55 * 60 * 1000);
  });
});

describe("signing out", () => {
  it("deletes the session row, clears the cookie and records it", async () => {
    await signInAs(THERAPIST);
    expect(await redirectOf(signOutTherapist)).toMatch(/\/admin\/signed-out$/);
    expect(await sessionRows()).toHaveLength(0);
    expect(request.cookies.has("attune.session")).toBe(false);
    const db = await getDb();
    expect(await db.select({ actor: auditEvents.actor }).from(auditEvents).where(eq(auditEvents.action, "sign-out"))).toEqual([{ actor: THERAPIST }]);
  });

  it("without a session, goes to sign-in and writes nothing", async () => {
    expect(await redirectOf(signOutTherapist)).toBe("/admin/sign-in");
    const db = await getDb();
    expect(await db.select().from(auditEvents)).toHaveLength(0);
  });
});
