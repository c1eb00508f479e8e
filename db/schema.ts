import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

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

/*
 * Auth.js's tables, in the shape @auth/drizzle-adapter expects (property
 * names are the adapter's, column names ours). Only configured therapists
 * ever get a row in `user`.
 */
export const users = pgTable("user", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
});

export const accounts = pgTable(
  "account",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] })],
);

/**
 * A signed-in browser. `sessionToken` holds a keyed hash of the cookie's
 * value (lib/auth/session-adapter.ts), so neither a copy of this table nor a
 * server with another AUTH_SECRET can use it.
 */
export const sessions = pgTable(
  "session",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Slides forward with use: the idle timeout.
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
    // Never moves: the absolute lifetime is counted from here.
    createdAt: createdAt(),
  },
  (table) => [index("session_user_idx").on(table.userId)],
);

/** Emailed sign-in links: `token` is Auth.js's hash of the link's token with AUTH_SECRET. */
export const verificationTokens = pgTable(
  "verification_token",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

/**
 * What happened in the private area: who, what, when, which record. Never a
 * form's contents, and never an erased person's address.
 */
export const auditEvents = pgTable(
  "audit_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The therapist's address, or null for the system (the retention sweep).
    actor: text("actor"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    // Counts and states only, e.g. { messages: 2 } or { status: "handled" }.
    detail: jsonb("detail").$type<Record<string, string | number | boolean>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("audit_event_occurred_at_idx").on(table.occurredAt)],
);

export type ContactMessage = typeof contactMessages.$inferSelect;
export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type EmailAttempt = typeof emailAttempts.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
