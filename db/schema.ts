import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** A message a visitor sent through /contact. */
export const contactMessages = pgTable(
  "contact_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    preferredContact: text("preferred_contact", { enum: ["email", "phone"] }).notNull(),
    message: text("message").notNull(),
    // Consent is kept with the notice version the visitor agreed to and when.
    consentNoticeVersion: text("consent_notice_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    // One per rendered form: a double click or a resubmitted page stores one message.
    formKey: uuid("form_key").notNull().unique(),
    readAt: timestamp("read_at", { withTimezone: true }),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("contact_message_created_at_idx").on(table.createdAt), index("contact_message_email_idx").on(table.email)],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed", "cancelled"]);

/** What Resend's webhooks last told us about an email after it left us. */
export const deliveryStatus = pgEnum("delivery_status", ["delivered", "delayed", "bounced", "complained"]);

/**
 * Every email the portal sends, inserted in the same transaction as the row
 * that causes it and delivered later by lib/email/dispatcher.ts.
 */
export const outboxEmails = pgTable(
  "outbox_email",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    props: jsonb("props").$type<Record<string, unknown>>().notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // A claimed row whose dispatcher died is picked up again after this.
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // Extra headers for this one email, e.g. a newsletter's List-Unsubscribe.
    headers: jsonb("headers").$type<Record<string, string>>(),
    deliveryStatus: deliveryStatus("delivery_status"),
    deliveryUpdatedAt: timestamp("delivery_updated_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("outbox_email_due_idx").on(table.status, table.nextAttemptAt),
    index("outbox_email_recipient_idx").on(table.recipient),
    index("outbox_email_provider_idx").on(table.providerId),
  ],
);

/** One row per delivery attempt, so the private area can show every try. */
export const emailAttempts = pgTable(
  "email_attempt",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    outboxEmailId: uuid("outbox_email_id")
      .notNull()
      .references(() => outboxEmails.id, { onDelete: "cascade" }),
    succeeded: boolean("succeeded").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("email_attempt_outbox_idx").on(table.outboxEmailId)],
);

/**
 * Fixed-window counters for public forms. Keys are salted hashes, so no IP or
 * email address is stored here.
 */
export const rateLimits = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

export const subscriberStatus = pgEnum("subscriber_status", ["pending", "confirmed", "unsubscribed"]);
export const suppressionReason = pgEnum("suppression_reason", ["bounced", "complained"]);

/**
 * A person on the newsletter list. Double opt-in: a signup stays pending until
 * its confirmation link is used, and pending signups are purged after 30 days.
 */
export const subscribers = pgTable(
  "subscriber",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Trimmed and lower-cased, so one person is one row.
    email: text("email").notNull().unique(),
    firstName: text("first_name"),
    status: subscriberStatus("status").notNull().default("pending"),
    // Where they signed up: footer, newsletter, freebies or post:<slug>.
    source: text("source").notNull(),
    consentNoticeVersion: text("consent_notice_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmTokenExpiresAt: timestamp("confirm_token_expires_at", { withTimezone: true }),
    confirmationSentAt: timestamp("confirmation_sent_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull().unique(),
    libraryLinkSentAt: timestamp("library_link_sent_at", { withTimezone: true }),
    // Set by a bounce or complaint: no newsletter mail goes to this address again.
    suppressedAt: timestamp("suppressed_at", { withTimezone: true }),
    suppressionReason: suppressionReason("suppression_reason"),
    createdAt: createdAt(),
  },
  (table) => [index("subscriber_status_idx").on(table.status), index("subscriber_created_at_idx").on(table.createdAt)],
);

export const libraryAccessKind = pgEnum("library_access_kind", ["link", "session"]);

/**
 * Ways into the freebie library: a link emailed to a subscriber, and the
 * cookie that link is exchanged for. Only hashes are stored; deleting the
 * subscriber (or unsubscribing) removes them, which closes the library at once.
 */
export const libraryAccess = pgTable(
  "library_access",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    kind: libraryAccessKind("kind").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("library_access_subscriber_idx").on(table.subscriberId), index("library_access_expires_idx").on(table.expiresAt)],
);

export const newsletterIssueStatus = pgEnum("newsletter_issue_status", ["draft", "sending", "sent"]);

/** One newsletter the therapist writes and sends to every confirmed subscriber. */
export const newsletterIssues = pgTable(
  "newsletter_issue",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subject: text("subject").notNull(),
    // Markdown, rendered into the email without raw HTML.
    body: text("body").notNull(),
    // Set when the issue announces a post.
    postUrl: text("post_url"),
    status: newsletterIssueStatus("status").notNull().default("draft"),
    createdBy: text("created_by").notNull(),
    recipientCount: integer("recipient_count"),
    testSentAt: timestamp("test_sent_at", { withTimezone: true }),
    sendStartedAt: timestamp("send_started_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // The sender holding this issue; another one may take over after it.
    runnerLockedUntil: timestamp("runner_locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("newsletter_issue_status_idx").on(table.status)],
);

export const newsletterSendStatus = pgEnum("newsletter_send_status", ["pending", "sent", "failed", "skipped"]);

/**
 * One recipient of one issue. The batch key is fixed before the batch is sent,
 * so a sender that dies mid-call resends the same batch under the same
 * Idempotency-Key and Resend delivers it once.
 */
export const newsletterSends = pgTable(
  "newsletter_send",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    issueId: uuid("issue_id")
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: "cascade" }),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    status: newsletterSendStatus("status").notNull().default("pending"),
    batchKey: text("batch_key"),
    providerId: text("provider_id"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveryStatus: deliveryStatus("delivery_status"),
    deliveryUpdatedAt: timestamp("delivery_updated_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    unique("newsletter_send_issue_subscriber_key").on(table.issueId, table.subscriberId),
    index("newsletter_send_issue_status_idx").on(table.issueId, table.status),
    index("newsletter_send_batch_idx").on(table.batchKey),
    index("newsletter_send_provider_idx").on(table.providerId),
    index("newsletter_send_subscriber_idx").on(table.subscriberId),
  ],
);

export type ContactMessage = typeof contactMessages.$inferSelect;
export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type EmailAttempt = typeof emailAttempts.$inferSelect;
export type Subscriber = typeof subscribers.$inferSelect;
export type LibraryAccess = typeof libraryAccess.$inferSelect;
export type NewsletterIssue = typeof newsletterIssues.$inferSelect;
export type NewsletterSend = typeof newsletterSends.$inferSelect;
