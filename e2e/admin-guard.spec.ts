/**
 * The guard test over HTTP, against the production server: every server
 * action the build can reach (from .next/server/server-reference-manifest.json)
 * that is not on the public list is posted to the way a browser posts it, and
 * every private page is requested, without a session, with the
 * x-middleware-subrequest header that once let requests skip middleware, and
 * (with direct database access) with a session whose user is not a
 * therapist. Each must refuse and change nothing.
 * app/every-endpoint-is-guarded.integration.test.ts covers every export of
 * every action module, including ones no page imports yet.
 */
import { readFileSync } from "node:fs";
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.node.js";
import type { APIRequestContext, Page } from "@playwright/test";
import { directDatabase } from "./fixtures/database";
import { expect, readEmails, test, uniqueEmail } from "./fixtures";
import { addSessionCookie, pageFromAnotherAddress, signInAsTherapist, therapistFor } from "./fixtures/therapist";
import { visitorSends } from "./fixtures/visitor";

const PUBLIC_ACTIONS = new Set([
  "app/(site)/contact/actions.ts#sendContactMessageAction",
  "app/(site)/book/actions.ts#requestBookingAction",
  "app/(site)/book/actions.ts#confirmHoldAction",
  "app/(site)/book/actions.ts#confirmHoldByCodeAction",
  "app/(site)/book/actions.ts#newHoldCodeAction",
  "app/(site)/newsletter/actions.ts#chooseSeriesAction",
  "app/(site)/book/manage/[token]/actions.ts#cancelBookingAction",
  "app/(site)/book/manage/[token]/actions.ts#rescheduleBookingAction",
  "app/(site)/book/waitlist/actions.ts#joinWaitlistAction",
  "app/(site)/book/waitlist/actions.ts#confirmPlaceByCodeAction",
  "app/(site)/book/waitlist/actions.ts#confirmPlaceAction",
  "app/(site)/book/waitlist/actions.ts#stayAction",
  "app/(site)/book/waitlist/actions.ts#leaveAction",
  "app/(site)/book/waitlist/actions.ts#acceptOfferAction",
  "app/(site)/book/waitlist/actions.ts#declineOfferAction",
  "app/(site)/newsletter/actions.ts#subscribeAction",
  "app/(site)/newsletter/actions.ts#confirmSubscriptionAction",
  "app/(site)/newsletter/actions.ts#unsubscribeAction",
  "app/(site)/freebies/library/actions.ts#requestLibraryLinkAction",
  "app/admin/sign-in/actions.ts#requestSignInLinkAction",
  "app/admin/sign-in/confirm/[token]/actions.ts#confirmSignInAction",
  // A half-signed-in session finishing its sign-in; e2e/admin-passkey.spec.ts and lib/auth/second-factor.integration.test.ts.
  "app/admin/sign-in/passkey/actions.ts#passkeySignInOptionsAction",
  "app/admin/sign-in/passkey/actions.ts#verifyPasskeySignInAction",
  "app/admin/sign-in/passkey/actions.ts#recoveryCodeSignInAction",
]);
const PUBLIC_PAGES = new Set(["/admin/sign-in", "/admin/sign-in/check-email", "/admin/sign-in/confirm/[token]", "/admin/sign-in/passkey", "/admin/signed-out"]);

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
const actions = Object.entries(
  (JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> }).node,
).map(([id, entry]) => ({ id, label: `${entry.filename}#${entry.exportedName}`, page: Object.keys(entry.workers)[0]! }));
const privateActions = actions.filter((action) => !PUBLIC_ACTIONS.has(action.label));

const privatePages = Object.values(JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>).filter(
  (route) => (route === "/admin" || route.startsWith("/admin/")) && !PUBLIC_PAGES.has(route),
);

/** The URL of the page an action belongs to, e.g. app/admin/(private)/messages/[id]/page → /admin/messages/<id>. */
function pageUrl(worker: string, messageId: string) {
  const segments = worker.replace(/^app\//, "").replace(/\/page$/, "").split("/");
  return `/${segments.filter((segment) => !/^\(.+\)$/.test(segment)).map((segment) => (segment === "[id]" ? messageId : segment)).join("/")}`;
}

const MIDDLEWARE_BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

/** Posts to a server action as React's client does: Next-Action header, arguments encoded as a Flight reply. */
async function postAction(request: APIRequestContext, action: (typeof actions)[number], fields: Record<string, string>, url: string, headers: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  // useActionState actions receive (previousState, formData); plain form actions (formData).
  const args = action.label.endsWith("erasePersonAction") ? [{ status: "idle" }, form] : [form];
  const body = (await encodeReply(args)) as FormData;
  const multipart: Record<string, string> = {};
  for (const [name, value] of body.entries()) multipart[name] = String(value);
  const baseURL = `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`;
  return request.post(url, { headers: { "Next-Action": action.id, Origin: baseURL, Accept: "text/x-component", ...headers }, multipart, maxRedirects: 0 });
}

function refusedToSignIn(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  const target = response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? "";
  return target.split(";")[0]!.replace(/^https?:\/\/[^/]+/, "") === "/admin/sign-in";
}

async function visitorMessage(page: Page) {
  const target = { name: `Guard Target ${Date.now().toString(36)}`, email: uniqueEmail("target") };
  await visitorSends(page, { ...target, message: "Please do not touch this message." });
  return target;
}

test("every private action and page refuses intruders and changes nothing", async ({ browser, playwright }, testInfo) => {
  test.setTimeout(120_000);
  expect(privateActions.length, "the manifest lists the private area's actions").toBeGreaterThanOrEqual(7);
  expect(privatePages).toEqual(expect.arrayContaining(["/admin", "/admin/messages/[id]", "/admin/privacy"]));

  const visitor = await pageFromAnotherAddress(browser);
  const target = await visitorMessage(visitor);
  await visitor.context().close();
  const therapistPage = await pageFromAnotherAddress(browser);
  await signInAsTherapist(therapistPage, therapistFor(testInfo));
  await therapistPage.goto("/admin/messages");
  const href = await therapistPage.getByRole("link", { name: target.name }).getAttribute("href");
  const messageId = href!.split("/").at(-1)!;

  const sql = directDatabase();
  const intruders: { who: string; headers: Record<string, string>; cookie?: string }[] = [
    { who: "no session", headers: {} },
    { who: "no session, x-middleware-subrequest", headers: MIDDLEWARE_BYPASS },
  ];
  if (sql) {
    const strangers = await browser.newContext();
    const token = await addSessionCookie(strangers, sql, "not.a.therapist@example.com");
    await strangers.close();
    intruders.push({ who: "a session whose user is not a therapist", headers: {}, cookie: `attune.session=${token}` });
  }
  // Other tests run alongside, so the comparison is of every row that concerns the target.
  const targetRows = async () =>
    sql
      ? {
          message: await sql`select * from contact_message where id = ${messageId}`,
          emails: await sql`select * from outbox_email where recipient = ${target.email} order by id`,
          audit: await sql`select * from audit_event where subject_id = ${messageId} order by id`,
          sessions: await sql`select s.* from session s join "user" u on u.id = s.user_id where u.email = 'not.a.therapist@example.com'`,
        }
      : null;
  await readEmails(target.email); // delivered, so the sweep has nothing left to change about it
  const before = await targetRows();

  const hostile = { id: messageId, handled: "yes", archived: "yes", email: target.email, confirm: "yes" };
  const results: Record<string, string> = {};
  for (const intruder of intruders) {
    const request = await playwright.request.newContext({ baseURL: `http://localhost:${process.env.E2E_APP_PORT ?? 3100}` });
    const headers = { ...intruder.headers, ...(intruder.cookie ? { cookie: intruder.cookie } : {}), "x-forwarded-for": "2001:db8::bad" };
    for (const action of privateActions) {
      const response = await postAction(request, action, hostile, pageUrl(action.page, messageId), headers);
      results[`${intruder.who}: ${action.label}`] = refusedToSignIn(response) ? "refused" : `status ${response.status()}`;
    }
    for (const route of privatePages) {
      const response = await request.get(route.replace("[id]", messageId), { headers, maxRedirects: 0 });
      const location = (response.headers()["location"] ?? "").replace(/^https?:\/\/[^/]+/, "");
      const body = await response.text();
      results[`${intruder.who}: GET ${route}`] =
        [303, 307].includes(response.status()) && location === "/admin/sign-in" && !body.includes(target.name) ? "refused" : `status ${response.status()} → ${location}`;
    }
    await request.dispose();
  }
  expect(results).toEqual(Object.fromEntries(Object.keys(results).map((key) => [key, "refused"])));

  // Nothing changed: the target message is still new, unhandled, in the inbox…
  await therapistPage.goto("/admin/messages");
  const row = therapistPage.getByRole("row").filter({ hasText: target.name });
  await expect(row.getByRole("cell").first()).toHaveText("New");
  // …and, where the test can see the database, no row anywhere changed.
  if (sql) {
    const after = await targetRows();
    await sql.end();
    expect(after!.message).toHaveLength(1);
    expect(after).toEqual(before);
  }
});

test("private pages are never cached or indexed", async ({ page, request }, testInfo) => {
  // It opens every private page in turn: allow for a loaded CI machine.
  test.slow();
  // A message of this test's own: opening it marks it read, and the newest
  // message may be another test's, still being checked for "New".
  const sender = `Cache Check ${Math.random().toString(36).slice(2, 8)}`;
  await visitorSends(page, { name: sender, email: uniqueEmail("cache"), message: "For the cache check." });
  await signInAsTherapist(page, therapistFor(testInfo));
  await page.goto("/admin/messages");
  const firstMessage = await page.getByRole("row").filter({ hasText: sender }).locator("a[href^='/admin/messages/']").first().getAttribute("href");
  for (const route of privatePages) {
    const url = route.includes("[id]") ? firstMessage : route;
    if (!url) continue;
    if (route.endsWith("/export")) {
      // A download, not a page: the same headers, without a <meta> to look at.
      const download = await page.request.get(url, { maxRedirects: 0 });
      expect(download.status(), url).toBe(200);
      expect(download.headers()["cache-control"], url).toContain("no-store");
      expect(download.headers()["x-robots-tag"], url).toContain("noindex");
      continue;
    }
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(200);
    expect(response!.headers()["cache-control"], url).toContain("no-store");
    expect(response!.headers()["x-robots-tag"], url).toContain("noindex");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  }
  const signIn = await request.get("/admin/sign-in");
  expect(signIn.headers()["cache-control"]).toContain("no-store");
});
