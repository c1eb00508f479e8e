import { createHash, randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Page } from "@playwright/test";
import { manageTokenFor } from "./fixtures/booking";
import { codeIn } from "./fixtures/book-visit";
import { directDatabase, NEEDS_DATABASE } from "./fixtures/database";
import { signInAsTherapist, therapistFor } from "./fixtures/therapist";
import { expect, expectAccessible, linkIn, readEmails, test, uniqueEmail, type SentEmail } from "./fixtures";

/*
 * The waitlist (issue 21): a visitor for whom no time fits joins; a client
 * cancels; the first in line whose wishes fit is offered the freed time
 * alone, by the sweep (every 2 s on the test server), and books it with one
 * press; the time is not on /book while offered; the next person hears
 * nothing until the first passes it on or lets it lapse.
 *
 * Each journey owns one day far in the horizon, narrowed to one intake time
 * (12:00–12:50 in Portland) by a day override, so no other free time fits
 * the wishes typed here. That needs the database: PostgreSQL only.
 */

const ZONE = "America/Los_Angeles";
const OFFER_LINK = /\/book\/waitlist\/offer\/[A-Za-z0-9_-]{43}$/;
const LEAVE_LINK = /\/book\/waitlist\/leave\/[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** The day `offset` days on, in the practice's zone, opened for one intake time only. */
async function oneTimeOn(offset: number) {
  const sql = directDatabase()!;
  const day = DateTime.now().setZone(ZONE).startOf("day").plus({ days: offset });
  const ranges = [{ startMinute: 12 * 60, endMinute: 12 * 60 + 50 }];
  await sql`insert into availability_override (day, ranges) values (${day.toISODate()!}, ${sql.json(ranges)})
            on conflict (day) do update set ranges = excluded.ranges`;
  const startsAt = day.set({ hour: 12 });
  // A clean slate for the day, whatever an earlier run on this database left: no booking at that time, nobody waiting for it.
  await sql`update waitlist_offer set status = 'withdrawn', closed_at = now() where status = 'open' and starts_at = ${startsAt.toJSDate()}`;
  await sql`update booking set status = 'cancelled', closed_at = now() where starts_at = ${startsAt.toJSDate()} and status in ('requested', 'confirmed')`;
  await sql`update waitlist_entry set status = 'left', closed_at = now() where status in ('waiting', 'paused') and earliest = ${day.toISODate()!}`;
  return { sql, day: day.toISODate()!, weekday: day.toFormat("cccc"), startsAt: startsAt.toJSDate() };
}

/** A client's confirmed session at that time, so nothing fits anyone until she cancels. Returns its manage token. */
async function clientHolds(sql: NonNullable<ReturnType<typeof directDatabase>>, startsAt: Date) {
  const id = randomUUID();
  const token = manageTokenFor(id);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  await sql`insert into booking (id, session_type, format, status, starts_at, ends_at, blocked_from, blocked_until, name, email, location,
              heard_about, visitor_time_zone, consent_notice_version, consented_at, emergency_acknowledged_at, form_key, manage_token_hash, confirmed_at)
            values (${id}, 'intake', 'telehealth', 'confirmed', ${startsAt}, ${endsAt}, ${new Date(startsAt.getTime() - 5 * 60_000)},
              ${new Date(endsAt.getTime() + 10 * 60_000)}, 'Client Who Cancels', ${uniqueEmail("client")}, 'OR', 'other', ${ZONE},
              (select consent_notice_version from booking limit 1), now(), now(), ${randomUUID()}, ${sha256(token)}, now())`;
  return token;
}

/** Joins from /book/waitlist with wishes that fit only that day's noon, and confirms by the code on the page. */
async function joins(page: Page, { name, email, day, weekday, checkAccessible = false }: { name: string; email: string; day: string; weekday: string; checkAccessible?: boolean }) {
  await page.goto(`/book/waitlist?type=intake&where=OR&tz=${encodeURIComponent(ZONE)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Join the waitlist" })).toBeVisible();
  await expect(page.getByText(/You can leave the waitlist at any time/)).toBeVisible();
  if (checkAccessible) await expectAccessible(page);
  await page.getByLabel("Telehealth (video)").check();
  await page.getByRole("checkbox", { name: weekday }).check();
  await page.getByRole("checkbox", { name: /Afternoons/ }).check();
  await page.getByLabel("The first day you could come").fill(day);
  await page.getByLabel("The last day you could come (optional)").fill(day);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(/keep these answers to offer me a time/).check();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("heading", { name: "Check your email to confirm your place" })).toBeVisible();
  if (checkAccessible) await expectAccessible(page);
  const [code] = await readEmails(email);
  expect(code!.subject).toBe("Please confirm your place on the waitlist");
  expect(`${code!.subject}${code!.html}${code!.text}`).not.toContain(name);
  await page.getByLabel("The 6-digit code from the email").fill(codeIn(code!));
  await page.getByRole("button", { name: "Confirm my place" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your place on the waitlist" })).toBeVisible();
  if (checkAccessible) await expectAccessible(page);
  await readEmails(email, { count: 2 });
}

async function offerTo(email: string): Promise<SentEmail> {
  const emails = await readEmails(email, { count: 3, timeout: 30_000 });
  const offer = emails.find((sent) => sent.subject === "A time has become free for you");
  if (!offer) throw new Error(`no offer to ${email}`);
  return offer;
}

async function expectNoOffer(email: string) {
  const emails = await readEmails(email, { count: 0 });
  expect(emails.map((sent) => sent.subject)).not.toContain("A time has become free for you");
}

/** /book's list of times for the day: the noon time must not be there while it is offered. */
async function expectNotOnBook(page: Page, day: string) {
  await page.goto(`/book?where=OR&type=intake&tz=${encodeURIComponent(ZONE)}&day=${day}`);
  await expect(page.getByText("No time is free on that day any more.")).toBeVisible();
}

async function cancelAsClient(page: Page, token: string) {
  await page.goto(`/book/manage/${token}`);
  await page.getByText("Cancel this appointment").click();
  await page.getByRole("button", { name: "Yes, cancel my appointment" }).click();
  await expect(page.getByRole("heading", { name: "Your appointment has been cancelled" })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the waitlist, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.skip(!process.env.DATABASE_URL, NEEDS_DATABASE);
    test.use({ javaScriptEnabled, timezoneId: ZONE });

    test("a cancelled time goes to the first in line alone; the next hears nothing until it is passed on or lapses; one press books it", async ({ page }) => {
      test.setTimeout(180_000);
      const { sql, day, weekday, startsAt } = await oneTimeOn(javaScriptEnabled ? 50 : 53);
      const clientToken = await clientHolds(sql, startsAt);
      const first = { name: `First ${Date.now()}`, email: uniqueEmail("wl-first") };
      const second = { name: `Second ${Date.now()}`, email: uniqueEmail("wl-second") };
      const third = { name: `Third ${Date.now()}`, email: uniqueEmail("wl-third") };
      await joins(page, { ...first, day, weekday, checkAccessible: javaScriptEnabled });
      await joins(page, { ...second, day, weekday });
      if (!javaScriptEnabled) await joins(page, { ...third, day, weekday });

      // Nothing fits while the client holds the time.
      await page.waitForTimeout(3_000);
      await expectNoOffer(first.email);

      await cancelAsClient(page, clientToken);
      const offer = await offerTo(first.email);
      expect(`${offer.html}${offer.text}`).not.toContain(first.name);
      linkIn(offer, LEAVE_LINK);
      await expectNotOnBook(page, day);
      await expectNoOffer(second.email);

      const offerLink = linkIn(offer, OFFER_LINK);
      // Opening the link books nothing: the page asks for one press.
      await page.goto(offerLink);
      await expect(page.getByRole("heading", { level: 1, name: "A time for you" })).toBeVisible();
      if (javaScriptEnabled) await expectAccessible(page);

      if (javaScriptEnabled) {
        await page.getByRole("button", { name: "Book this time" }).click();
        await expect(page).toHaveURL(/\/book\/manage\/[A-Za-z0-9_-]{43}\?new=1(#form-problem)?$/);
        await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
        const sent = await readEmails(first.email, { count: 4 });
        expect(sent.map((email) => email.subject)).toContain("We received your appointment request");
        await expectNotOnBook(page, day);
        await page.waitForTimeout(3_000);
        await expectNoOffer(second.email);
        // The second leaves from the link every waitlist email carries: one press.
        const [joinedEmail] = (await readEmails(second.email, { count: 2 })).filter((email) => email.subject === "You are on the waitlist");
        await page.goto(linkIn(joinedEmail!, LEAVE_LINK));
        await expect(page.getByRole("heading", { level: 1, name: "Leave the waitlist" })).toBeVisible();
        await expectAccessible(page);
        await page.getByRole("button", { name: "Leave the waitlist" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "You are not on the waitlist" })).toBeVisible();
        return;
      }

      // JavaScript off: the first passes it on, the second lets it lapse, the third books it.
      await page.getByRole("button", { name: "Pass this time on" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "This time is no longer held for you" })).toBeVisible();
      const secondOffer = await offerTo(second.email);
      await expectNotOnBook(page, day);
      await expectNoOffer(third.email);
      // Two hours pass for the second's offer: it ends, and the sweep passes the time on.
      const past = new Date(Date.now() - 60_000);
      await sql`update waitlist_offer set expires_at = ${past} where status = 'open' and starts_at = ${startsAt}`;
      await sql`update booking set hold_expires_at = ${past} where starts_at = ${startsAt} and hold_expires_at is not null and status = 'requested'`;
      const thirdOffer = await offerTo(third.email);
      await page.goto(linkIn(secondOffer, OFFER_LINK));
      await expect(page.getByRole("heading", { level: 1, name: "This time is no longer held for you" })).toBeVisible();
      await page.goto(linkIn(thirdOffer, OFFER_LINK));
      await page.getByRole("button", { name: "Book this time" }).click();
      await expect(page.getByRole("heading", { name: "Your request has been sent" })).toBeVisible();
    });
  });
}

test("a refused join keeps what was typed, with the message beside the field", async ({ page }) => {
  await page.goto(`/book/waitlist?type=intake&where=OR&tz=${encodeURIComponent(ZONE)}`);
  const email = uniqueEmail("wl-refused");
  await page.getByLabel("Telehealth (video)").check();
  await page.getByLabel("Your name").fill("Refused Joiner");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel(/keep these answers to offer me a time/).check();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByText("Please tick at least one day of the week.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Refused Joiner");
  await expectAccessible(page);
  expect(await readEmails(email, { count: 0 })).toEqual([]);
});

test("links that open nothing say so and do nothing", async ({ page }) => {
  for (const [path, heading] of [
    [`/book/waitlist/offer/${"A".repeat(43)}`, "This time is no longer held for you"],
    [`/book/waitlist/leave/${"A".repeat(43)}`, "You are not on the waitlist"],
    [`/book/waitlist/place/${"A".repeat(43)}`, "You are not on the waitlist"],
    [`/book/waitlist/check-your-email/${"A".repeat(43)}`, "This request has lapsed"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("button", { name: /Book this time|Leave the waitlist|Confirm my place|Stay on the waitlist/ })).toHaveCount(0);
  }
  await expectAccessible(page);
});

test("the therapist's Waitlist room shows the line in order, and moving up changes it", async ({ page, browser }, testInfo) => {
  test.skip(!process.env.DATABASE_URL, NEEDS_DATABASE);
  test.setTimeout(120_000);
  const { sql, day, weekday, startsAt } = await oneTimeOn(56);
  await clientHolds(sql, startsAt);
  const ahead = { name: `Ahead ${Date.now()}`, email: uniqueEmail("wl-ahead") };
  const behind = { name: `Behind ${Date.now()}`, email: uniqueEmail("wl-behind") };
  await joins(page, { ...ahead, day, weekday });
  await joins(page, { ...behind, day, weekday });

  const room = await (await browser.newContext()).newPage();
  await signInAsTherapist(room, therapistFor(testInfo));
  await room.goto("/admin/waitlist");
  await expect(room.getByRole("heading", { level: 1, name: "Waitlist" })).toBeVisible();
  const cards = room.locator("li.card");
  const names = async () => (await cards.locator("h2").allTextContents()).filter((text) => text.includes(ahead.name) || text.includes(behind.name));
  expect((await names()).map((text) => text.replace(/^\d+\. /, "").trim())).toEqual([ahead.name, behind.name]);
  await expectAccessible(room);
  await cards.filter({ hasText: behind.name }).getByRole("button", { name: `Move ${behind.name} up one place` }).click();
  await expect(room.getByText("Moved up one place.")).toBeVisible();
  expect((await names()).map((text) => text.replace(/^\d+\. /, "").trim())).toEqual([behind.name, ahead.name]);
  await room.goto("/admin");
  await expect(room.getByRole("heading", { name: "Waitlist" })).toBeVisible();
  await expect(room.getByText(/people are waiting for a time/)).toBeVisible();
});
