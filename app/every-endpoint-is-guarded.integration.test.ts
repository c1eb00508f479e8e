/**
 * Every server action and every private page, layout and route handler in
 * app/ is found by reading the source tree, called the way an attacker
 * could call it, and must refuse without writing anything. A new action or
 * private route without a guard fails this test; a new public one must be
 * added to the lists below, on purpose, with a reason.
 *
 * The guards, Auth.js and the database are real; only Next.js's request
 * scope is a stand-in (lib/testing/request-scope.ts). e2e/admin-guard.spec.ts
 * does the same over HTTP against the production server, posting to each
 * action's id.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { storedMessage } from "@/lib/testing/fixtures";
import { navigationOf, request } from "@/lib/testing/request-scope";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs, signInHalfway } from "@/lib/testing/therapist-session";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { resetEnvForTests } from "@/lib/env";

const APP = path.join(process.cwd(), "app");

/** Server actions anyone may call. Each checks its own input; none reads private data. */
const PUBLIC_ACTIONS: Record<string, string[]> = {
  "app/(site)/contact/actions.ts": ["sendContactMessageAction"], // a visitor's message
  "app/(site)/book/actions.ts": ["requestBookingAction", "confirmHoldAction", "confirmHoldByCodeAction", "newHoldCodeAction"], // a visitor's booking request; confirming a hold carries its token, or its step token and the emailed code
  "app/(site)/book/manage/[token]/actions.ts": ["cancelBookingAction", "rescheduleBookingAction"], // the manage link is the credential
  // joining proves the address like a booking; confirming, staying, leaving and answering an offer carry their emailed token
  "app/(site)/book/waitlist/actions.ts": ["joinWaitlistAction", "confirmPlaceByCodeAction", "confirmPlaceAction", "stayAction", "leaveAction", "acceptOfferAction", "declineOfferAction"],
  "app/(site)/newsletter/actions.ts": ["subscribeAction", "confirmSubscriptionAction", "unsubscribeAction", "chooseSeriesAction"], // signup answers the same for every address; confirm, unsubscribe and choosing the series carry their token
  "app/(site)/freebies/library/actions.ts": ["requestLibraryLinkAction"], // answers the same for every address
  "app/admin/sign-in/actions.ts": ["requestSignInLinkAction"], // asks for a link; allowlist in lib/auth
  "app/admin/sign-in/confirm/[token]/actions.ts": ["confirmSignInAction"], // spends a link; the link is the credential
  // finish a half-signed-in session: requireHalfSignedIn, then the passkey or a recovery code is the credential (lib/auth/second-factor.integration.test.ts)
  "app/admin/sign-in/passkey/actions.ts": ["passkeySignInOptionsAction", "verifyPasskeySignInAction", "recoveryCodeSignInAction"],
};

/** Pages, layouts and route handlers that are not private. Everything under app/admin not listed here is. */
const PUBLIC_ROUTES = new Set([
  "app/admin/layout.tsx",
  "app/admin/sign-in/layout.tsx",
  "app/admin/sign-in/page.tsx",
  "app/admin/sign-in/check-email/page.tsx",
  "app/admin/sign-in/confirm/[token]/page.tsx",
  "app/admin/sign-in/passkey/page.tsx", // requireHalfSignedIn: only a session waiting for its passkey sees it
  "app/admin/signed-out/page.tsx",
]);

/** Route handlers outside app/admin, with the gate each has instead of a session. */
const OTHER_ROUTE_HANDLERS: Record<string, string> = {
  "app/api/outbox/sweep/route.ts": "CRON_SECRET bearer token; refuses everyone when unset",
  "app/(site)/blog/[slug]/og-image.png/route.tsx": "public: a published post's link-preview card",
  "app/(site)/blog/atom.xml/route.ts": "public: the feed of published posts",
  "app/(site)/blog/rss.xml/route.ts": "public: the feed of published posts",
  "app/(site)/blog/series/[series]/[feed]/route.ts": "public: a series' feeds (rss.xml, atom.xml) of published posts",
  "app/(site)/book/manage/[token]/calendar.ics/route.ts": "the booking's manage token is the credential",
  "app/api/calendar/[token]/route.ts": "the therapist's revocable calendar-feed token is the credential; no intake detail",
  "app/(site)/freebies/access/[token]/route.ts": "the emailed library link is the credential",
  "app/(site)/freebies/library/download/[slug]/route.ts": "the library cookie (a hashed token tied to a subscriber) is the credential",
  "app/api/newsletter/unsubscribe/[token]/route.ts": "RFC 8058 one-click unsubscribe: the per-subscriber token is the credential",
  "app/api/webhooks/resend/route.ts": "RESEND_WEBHOOK_SECRET signature over the raw body",
  "app/api/health/route.ts": "public and read-only: up or down, migrations current, and the outbox's due count and age; no record",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const sourceFiles = filesUnder(APP)
  .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes(".test."))
  .map((file) => path.relative(process.cwd(), file).split(path.sep).join("/"));

const isActionModule = (file: string) => /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/)\s*)*["']use server["']/.test(readFileSync(file, "utf8"));
const actionModules = sourceFiles.filter(isActionModule);
const privateRoutes = sourceFiles.filter(
  (file) => file.startsWith("app/admin/") && /\/(page|layout|route)\.tsx?$/.test(file) && !PUBLIC_ROUTES.has(file),
);
const routeHandlers = sourceFiles.filter((file) => /\/route\.ts$/.test(file) && !file.startsWith("app/admin/"));

type Callable = { label: string; call: (form: FormData, ids: Fixture) => Promise<unknown> };
type Fixture = { messageId: string; emailId: string; visitor: string };

async function privateActions(): Promise<Callable[]> {
  const callables: Callable[] = [];
  for (const file of actionModules) {
    const exports = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function") continue;
      if (PUBLIC_ACTIONS[file]?.includes(name)) continue;
      const action = value as (...args: unknown[]) => Promise<unknown>;
      // useActionState actions take (previousState, formData); plain form actions take (formData).
      callables.push({ label: `${file}#${name}`, call: (form) => (action.length >= 2 ? action({ status: "idle" }, form) : action(form)) });
    }
  }
  return callables;
}

async function privateRouteCalls(): Promise<Callable[]> {
  const callables: Callable[] = [];
  for (const file of privateRoutes) {
    const exported = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
    if (file.endsWith("route.ts")) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const handler = exported[method] as ((request: Request) => Promise<unknown>) | undefined;
        if (handler) callables.push({ label: `${file} ${method}`, call: () => handler(new Request(`http://localhost:3000/${file}`, { method })) });
      }
      continue;
    }
    const component = exported.default as (props: Record<string, unknown>) => Promise<unknown>;
    callables.push({
      label: file,
      call: (_form, ids) => component({ params: Promise.resolve({ id: ids.messageId }), searchParams: Promise.resolve({}), children: null }),
    });
  }
  return callables;
}

/** A form that would do real damage if an action accepted it: every field a private action reads, aimed at real rows. */
function hostileForm(ids: Fixture) {
  const form = new FormData();
  form.set("id", ids.messageId);
  form.set("handled", "yes");
  form.set("archived", "yes");
  form.set("email", ids.visitor);
  form.set("confirm", "yes");
  return form;
}

async function seed(): Promise<Fixture> {
  const visitor = `visitor.${randomUUID().slice(0, 8)}@example.com`;
  const message = await storedMessage({ email: visitor });
  const db = await getDb();
  const emailId = await db.transaction((tx) => enqueueEmail(tx, { to: visitor, template: "contact-acknowledgement", props: {} }));
  return { messageId: message.id, emailId, visitor };
}

/** What the call did: "sign-in" when refused with a redirect to the sign-in page, "passkey" when sent to prove the passkey first. */
async function outcome(callable: Callable, ids: Fixture): Promise<string> {
  try {
    await callable.call(hostileForm(ids), ids);
    return "returned";
  } catch (error) {
    const navigation = navigationOf(error);
    if (navigation?.kind === "redirect" && navigation.to === "/admin/sign-in") return "sign-in";
    if (navigation?.kind === "redirect" && navigation.to === "/admin/sign-in/passkey") return "passkey";
    if (navigation?.kind === "redirect") return `redirect ${navigation.to}`;
    if (navigation?.kind === "not-found") return "not-found";
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
}

const originalTherapists = process.env.THERAPIST_EMAILS;
afterEach(() => {
  if (originalTherapists === undefined) delete process.env.THERAPIST_EMAILS;
  else process.env.THERAPIST_EMAILS = originalTherapists;
  resetEnvForTests();
});

const intruders: [string, () => Promise<void>, refusal?: "passkey"][] = [
  ["no session", async () => {}],
  [
    "no session but x-middleware-subrequest",
    async () => void request.headers.set("x-middleware-subrequest", "middleware:middleware:middleware:middleware:middleware"),
  ],
  ["a session whose user is not a therapist", async () => void (await signInAs("not.a.therapist@example.com"))],
  [
    "a session of a therapist removed from THERAPIST_EMAILS",
    async () => {
      process.env.THERAPIST_EMAILS = `${THERAPIST},former@stillwater.example`;
      resetEnvForTests();
      await signInAs("former@stillwater.example");
      process.env.THERAPIST_EMAILS = THERAPIST;
      resetEnvForTests();
    },
  ],
  ["a session opened by the emailed link that has not proved the therapist's passkey", async () => void (await signInHalfway(THERAPIST)), "passkey"],
  [
    "a half-signed-in session whose other browser proved the passkey",
    async () => {
      // Proving the passkey completes that browser's session only.
      const { userId } = await signInHalfway(THERAPIST);
      const db = await getDb();
      await db.update(sessions).set({ secondFactorAt: new Date() }).where(eq(sessions.userId, userId));
      request.reset();
      await signInAs(THERAPIST);
    },
    "passkey",
  ],
];

describe("the source tree", () => {
  it("has the action modules and private routes this test is about", () => {
    // If discovery broke, every check below would pass vacuously.
    expect(actionModules).toEqual(expect.arrayContaining(["app/(site)/contact/actions.ts", "app/admin/(private)/messages/actions.ts"]));
    expect(privateRoutes).toEqual(expect.arrayContaining(["app/admin/(private)/layout.tsx", "app/admin/(private)/messages/[id]/page.tsx"]));
    for (const file of Object.keys(PUBLIC_ACTIONS)) expect(actionModules).toContain(file);
  });

  it("keeps every server action in a 'use server' module, where this test can find it", () => {
    const inline = sourceFiles.filter((file) => !actionModules.includes(file) && /["']use server["']/.test(readFileSync(file, "utf8")));
    expect(inline, "inline server actions close over their page's data; move them to an actions.ts").toEqual([]);
  });

  it("knows how every route handler outside the private area is gated", () => {
    expect(routeHandlers.filter((file) => !(file in OTHER_ROUTE_HANDLERS))).toEqual([]);
  });
});

describe("every private action, page, layout and route", () => {
  for (const [who, become, refusal = "sign-in"] of intruders) {
    it(`refuses ${who} and writes nothing`, async () => {
      const ids = await seed();
      await become();
      const callables = [...(await privateActions()), ...(await privateRouteCalls())];
      expect(callables.length).toBeGreaterThan(10);
      const before = await databaseSnapshot();
      const outcomes: Record<string, string> = {};
      for (const callable of callables) outcomes[callable.label] = await outcome(callable, ids);
      expect(outcomes).toEqual(Object.fromEntries(callables.map((callable) => [callable.label, refusal])));
      expect(await databaseSnapshot()).toEqual(before);
    });
  }

  it("lets the therapist through each of them (so the refusals above are the guard's doing)", async () => {
    const callables = [...(await privateActions()), ...(await privateRouteCalls())];
    const outcomes: Record<string, string> = {};
    for (const callable of callables) {
      const ids = await seed();
      request.reset();
      await signInAs(THERAPIST);
      outcomes[callable.label] = await outcome(callable, ids);
    }
    for (const [label, result] of Object.entries(outcomes)) expect(result, label).not.toBe("sign-in");
  });
});

describe("the routes outside the private area", () => {
  it("the sweep route refuses a request without the cron secret, and writes nothing", async () => {
    await seed();
    const before = await databaseSnapshot();
    const { GET, POST } = await import("@/app/api/outbox/sweep/route");
    for (const handler of [GET, POST]) {
      const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }];
      for (const headers of attempts) {
        const response = await handler(new Request("http://localhost:3000/api/outbox/sweep", { method: "POST", headers }));
        expect(response.status).toBe(401);
      }
    }
    expect(await databaseSnapshot()).toEqual(before);
  });
});
