import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { newsletterIssues, newsletterSends, outboxEmails, subscribers } from "@/db/schema";
import { auditTrail as audit, expectEveryCallRefused, intruders } from "@/lib/testing/private-area";
import { navigationOf } from "@/lib/testing/request-scope";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { THERAPIST, signInAs } from "@/lib/testing/therapist-session";
import { publishedPosts } from "@/lib/blog/posts";
import {
  announcePost,
  checkSubscriberSearch,
  composeIssue,
  editIssue,
  eraseOneSubscriber,
  findSubscribers,
  issueProgress,
  listIssues,
  newsletterTotals,
  postsToAnnounce,
  previewSavedIssue,
  readIssue,
  readSubscriberSearch,
  sendTest,
  sendToAll,
  subscribersCsv,
} from "./newsletter";

async function addSubscriber(email: string, { status = "confirmed", firstName = null }: { status?: "pending" | "confirmed" | "unsubscribed"; firstName?: string | null } = {}) {
  const db = await getDb();
  const id = randomUUID();
  await db.insert(subscribers).values({
    id,
    email,
    firstName,
    status,
    source: "footer",
    consentNoticeVersion: "2026-11-01",
    consentedAt: new Date(),
    confirmedAt: status === "pending" ? null : new Date(),
    unsubscribeTokenHash: `hash-${id}`,
  });
  return id;
}

async function storedIssue() {
  const db = await getDb();
  const [issue] = await db.insert(newsletterIssues).values({ subject: "Stored", body: "Hello", createdBy: THERAPIST }).returning({ id: newsletterIssues.id });
  return issue!.id;
}

/** Every function of this module, called as someone who must be refused. */
function everyCall(issueId: string, subscriberId: string) {
  return {
    listIssues: () => listIssues(),
    readIssue: () => readIssue(issueId),
    previewSavedIssue: () => previewSavedIssue(issueId),
    issueProgress: () => issueProgress(issueId),
    postsToAnnounce: () => postsToAnnounce(),
    composeIssue: () => composeIssue({ subject: "Hi", body: "Body" }),
    editIssue: () => editIssue({ id: issueId, subject: "Changed", body: "Changed" }),
    announcePost: () => announcePost({ slug: publishedPosts()[0]!.slug }),
    sendTest: () => sendTest({ id: issueId }),
    sendToAll: () => sendToAll({ id: issueId, confirm: "yes" }),
    findSubscribers: () => findSubscribers({ q: "a" }),
    checkSubscriberSearch: () => checkSubscriberSearch({ q: "a" }),
    newsletterTotals: () => newsletterTotals(),
    subscribersCsv: () => subscribersCsv(),
    eraseOneSubscriber: () => eraseOneSubscriber({ id: subscriberId }),
  };
}

describe("the newsletter room", () => {
  it("composes, edits, previews, tests and sends an issue, auditing each step", async () => {
    await signInAs(THERAPIST);
    await addSubscriber("one@example.com");
    await addSubscriber("two@example.com");
    await addSubscriber("waiting@example.com", { status: "pending" });

    const refused = await composeIssue({ subject: "", body: "x" });
    expect(refused).toMatchObject({ status: "invalid", fieldErrors: { subject: [expect.any(String)] }, values: { body: "x" } });
    // A subject on two lines would be a header injection.
    expect(await composeIssue({ subject: "Hello\r\nBcc: all@example.com", body: "x" })).toMatchObject({ status: "invalid", fieldErrors: { subject: [expect.stringMatching(/subject/)] } });

    const created = await composeIssue({ subject: "November notes", body: "Hello **there**" });
    expect(created).toMatchObject({ status: "saved", message: "Draft saved." });
    const id = created.status === "saved" ? created.saved!.issueId : "";
    expect(await editIssue({ id, subject: "November notes, edited", body: "Hello again" })).toEqual({ status: "saved", message: "Saved.", saved: { issueId: id } });
    expect(await readIssue(id)).toMatchObject({ subject: "November notes, edited", status: "draft" });
    expect((await previewSavedIssue(id)).html).toContain("Hello again");

    expect(await sendTest({ id })).toEqual({ status: "saved", message: "A test is on its way to your address.", saved: { id } });
    const db = await getDb();
    expect((await db.select({ to: outboxEmails.recipient }).from(outboxEmails)).map((row) => row.to)).toEqual([THERAPIST]);

    expect(await sendToAll({ id })).toMatchObject({ status: "invalid", fieldErrors: { confirm: [expect.any(String)] } });
    expect(await sendToAll({ id, confirm: "yes" })).toMatchObject({ status: "saved", saved: { id, recipients: 2 } });
    expect(await sendToAll({ id, confirm: "yes" })).toMatchObject({ status: "invalid", formError: "This issue has already been sent." });
    expect(await db.select().from(newsletterSends).where(eq(newsletterSends.issueId, id))).toHaveLength(2);
    expect(await issueProgress(id)).toMatchObject({ status: "sending", total: 2 });
    // A sent issue is never changed.
    expect(await editIssue({ id, subject: "Too late", body: "x" })).toMatchObject({ status: "invalid", formError: expect.stringContaining("cannot be changed"), values: { subject: "Too late" } });
    expect((await listIssues()).map((issue) => [issue.id, issue.recipientCount])).toEqual([[id, 2]]);

    expect((await audit()).map((event) => [event.actor, event.action, event.subjectType, event.subjectId])).toEqual([
      [THERAPIST, "change", "newsletter-issue", id],
      [THERAPIST, "change", "newsletter-issue", id],
      [THERAPIST, "send-test-issue", "newsletter-issue", id],
      [THERAPIST, "broadcast", "newsletter-issue", id],
    ]);
  });

  it("announces only a published post, prefilled from it", async () => {
    await signInAs(THERAPIST);
    const post = publishedPosts()[0]!;
    expect((await postsToAnnounce()).map((candidate) => candidate.slug)).toContain(post.slug);
    const result = await announcePost({ slug: post.slug });
    expect(result).toMatchObject({ status: "saved", saved: { issueId: expect.any(String) } });
    const issue = await readIssue(result.status === "saved" ? result.saved!.issueId : "");
    expect(issue.subject).toBe(`New post: ${post.title}`.slice(0, 150));
    expect(issue.postUrl).toBe(`/blog/${post.slug}`);
    const before = await databaseSnapshot();
    expect(await announcePost({ slug: "no-such-post" })).toMatchObject({ status: "invalid", fieldErrors: { slug: [expect.stringContaining("not published")] } });
    expect(await announcePost({ slug: "" })).toMatchObject({ status: "invalid", fieldErrors: { slug: [expect.any(String)] } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("answers a malformed or unknown issue id with a 404, and refuses sends to it", async () => {
    await signInAs(THERAPIST);
    for (const id of ["not-a-uuid", randomUUID(), "' or 1=1 --"]) {
      await expect(readIssue(id)).rejects.toSatisfy((error) => navigationOf(error)?.kind === "not-found");
      expect(await sendTest({ id })).toMatchObject({ status: "invalid" });
      expect(await sendToAll({ id, confirm: "yes" })).toMatchObject({ status: "invalid" });
    }
    expect(await audit()).toEqual([]);
  });
});

describe("the subscribers room", () => {
  it("searches, totals, exports (audited, formula-safe) and erases one subscriber (audited)", async () => {
    await signInAs(THERAPIST);
    const keep = await addSubscriber("keep@example.com", { firstName: "=HYPERLINK(\"http://evil\")" });
    const gone = await addSubscriber("gone@example.com", { status: "pending" });

    const found = await findSubscribers({ q: "keep", status: "confirmed", page: "1" });
    expect(found.subscribers.map((row) => row.id)).toEqual([keep]);
    expect((await findSubscribers({ q: ["odd"], status: "nonsense", page: "-5" })).total).toBe(2);
    expect(await newsletterTotals()).toMatchObject({ confirmed: 1, pending: 1, total: 2 });

    const csv = await subscribersCsv();
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toMatch(/,=HYPERLINK/);

    expect(await eraseOneSubscriber({ id: gone })).toEqual({ status: "saved", message: "The subscriber was erased, with every email addressed to them.", saved: { id: gone } });
    expect(await eraseOneSubscriber({ id: gone })).toMatchObject({ status: "invalid", formError: expect.stringContaining("could not be found") });
    expect(await eraseOneSubscriber({ id: "nope" })).toMatchObject({ status: "invalid", fieldErrors: { id: [expect.any(String)] } });
    expect((await findSubscribers({})).subscribers.map((row) => row.id)).toEqual([keep]);

    expect((await audit()).map((event) => [event.action, event.subjectType, event.subjectId, event.detail])).toEqual([
      ["export", "subscriber", null, { rows: 2 }],
      ["erase", "subscriber", gone, null],
    ]);
    expect(JSON.stringify(await audit())).not.toContain("gone@example.com");
  });

  it("takes a search by POST (form data), refusing one that is not a search", async () => {
    await signInAs(THERAPIST);
    const form = new FormData();
    form.set("q", "keep@example.com");
    form.set("status", "confirmed");
    expect(await checkSubscriberSearch(form)).toMatchObject({ status: "saved", saved: { q: "keep@example.com", status: "confirmed" } });
    expect(await checkSubscriberSearch({ q: "x".repeat(201) })).toMatchObject({ status: "invalid" });
    expect(await checkSubscriberSearch({ q: "a", status: "everyone" })).toMatchObject({ status: "invalid" });
    expect(readSubscriberSearch(JSON.stringify({ q: "keep", status: "pending" }))).toEqual({ q: "keep", status: "pending" });
    expect(readSubscriberSearch("not json")).toEqual({ q: "", status: "" });
  });

  for (const [who, becomeIntruder] of intruders) {
    it(`refuses every read and write for ${who}, and writes nothing`, async () => {
      await becomeIntruder();
      await expectEveryCallRefused(everyCall(await storedIssue(), await addSubscriber("someone@example.com")));
    });
  }
});
