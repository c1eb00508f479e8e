import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
    createdAt: createdAt(),
  },
  (table) => [
    index("outbox_email_due_idx").on(table.status, table.nextAttemptAt),
    index("outbox_email_recipient_idx").on(table.recipient),
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

export type ContactMessage = typeof contactMessages.$inferSelect;
export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type EmailAttempt = typeof emailAttempts.$inferSelect;
