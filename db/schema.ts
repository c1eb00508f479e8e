import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
    // One per rendered form: a double click or a resubmitted page stores one
    // message. Only the key's sha256 (lib/forms/form-key.ts) is kept.
    formKeyHash: text("form_key").notNull().unique(),
    readAt: timestamp("read_at", { withTimezone: true }),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    // The acknowledgement to this unconfirmed address was held back (lib/email/unverified.ts): the room says so.
    emailHeldBackAt: timestamp("email_held_back_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("contact_message_created_at_idx").on(table.createdAt), index("contact_message_email_idx").on(table.email)],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed", "cancelled"]);

/**
 * One row per kind of notification to the therapist (lib/email/therapist-notices.ts):
 * when the current ten-minute window began, and the summary email gathering the
 * window's later events while it waits in the outbox for the window to close.
 */
export const therapistNotices = pgTable("therapist_notice", {
  kind: text("kind").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  summaryEmailId: uuid("summary_email_id"),
  /** What the waiting summary gathers so far, by event: { message: 3 } or { requested: 2, cancelled: 1 }. */
  counts: jsonb("counts").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
});

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
  /** The allowed hits still inside the window, oldest first: a sliding log (lib/security/rate-limit.ts). */
  hits: timestamp("hits", { withTimezone: true }).array().notNull().default(sql`'{}'`),
  /** Whether the latest hit was allowed: what the counting upsert returns. */
  lastHitAllowed: boolean("last_hit_allowed").notNull().default(true),
  // The fixed window's counter until 0010. Nullable and unread, so a server
  // still on the previous release keeps counting through a rolling deploy;
  // drop both in a later release.
  count: integer("count"),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }),
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
    // When this browser proved a passkey or spent a recovery code. While the
    // therapist has a passkey, a session without it is only half signed in
    // (lib/auth/guards.ts); it goes with the row at sign-out and expiry.
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true, mode: "date" }),
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

export const bookingStatus = pgEnum("booking_status", ["requested", "confirmed", "declined", "cancelled", "expired", "completed", "no_show"]);
/** The statuses that hold a time: the exclusion constraint applies only to these. */
export const activeBookingStatuses = ["requested", "confirmed"] as const;

/**
 * An appointment a visitor asked for on /book, with the little intake the
 * practice needs. Two active bookings can never overlap: the custom migration
 * `booking_no_overlap` adds an exclusion constraint over
 * [blocked_from, blocked_until), the session with its buffers.
 */
export const bookings = pgTable(
  "booking",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionType: text("session_type").notNull(),
    format: text("format", { enum: ["telehealth", "in-person"] }).notNull(),
    status: bookingStatus("status").notNull().default("requested"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // The session's buffers are frozen at booking time, so a later change of
    // configuration never makes two existing bookings overlap.
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    // Where the person will physically be: a licensed state's two-letter code.
    location: text("location").notNull(),
    whatBringsYou: text("what_brings_you"),
    heardAbout: text("heard_about").notNull(),
    // How she would like to pay, if she said (lib/booking/schema.ts); the plan's name only with "insurance".
    payment: text("payment", { enum: ["self-pay", "sliding-scale", "insurance"] }),
    insurancePlan: text("insurance_plan"),
    // A session type the practice confirms on its own that waits for the therapist instead: the
    // address's domain already had open bookings (lib/booking/mailbox-providers.ts says why).
    therapistApproves: boolean("therapist_approves").notNull().default(false),
    // The visitor's zone when they booked; emails show times in it.
    visitorTimeZone: text("visitor_time_zone").notNull(),
    consentNoticeVersion: text("consent_notice_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    emergencyAcknowledgedAt: timestamp("emergency_acknowledged_at", { withTimezone: true }).notNull(),
    // sha256 of the rendered form's key (lib/forms/form-key.ts): a replay of
    // the same submission finds its booking, and a leaked table names no key.
    formKeyHash: text("form_key").notNull().unique(),
    // sha256 of the manage link's token; the token itself is never stored.
    manageTokenHash: text("manage_token_hash").notNull().unique(),
    // When an unanswered request lapses; null once it is answered.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // Set while the time is only held for an address nobody has proven: the
    // visitor has not yet pressed "Confirm" from the email. The hold lapses
    // then and frees the time; null once the visitor confirmed (lib/booking/hold.ts).
    holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }),
    // While held: a keyed hash of the client network that asked (lib/booking/hold.ts),
    // so one network holds at most HOLDS_PER_NETWORK times at once; cleared when confirmed.
    holdNetwork: text("hold_network"),
    // The email asking her to confirm was held back (lib/email/unverified.ts): she
    // was told so, and the therapist sees this request, marked, although unconfirmed.
    emailHeldBackAt: timestamp("email_held_back_at", { withTimezone: true }),
    therapistNote: text("therapist_note"),
    cancelledBy: text("cancelled_by", { enum: ["visitor", "therapist"] }),
    // The therapist who last decided on it (from requireTherapist()).
    decidedBy: text("decided_by"),
    rescheduleCount: integer("reschedule_count").notNull().default(0),
    reminderQueuedAt: timestamp("reminder_queued_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    // When it stopped holding its time: declined, cancelled or expired. Retention counts from here.
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [
    index("booking_starts_at_idx").on(table.startsAt),
    index("booking_status_idx").on(table.status, table.startsAt),
    index("booking_email_idx").on(table.email),
    index("booking_hold_network_idx").on(table.holdNetwork).where(sql`${table.holdNetwork} is not null`),
    check("booking_times_in_order", sql`${table.blockedFrom} <= ${table.startsAt} and ${table.startsAt} < ${table.endsAt} and ${table.endsAt} <= ${table.blockedUntil}`),
  ],
);

/**
 * One emailed code that proves an address on the page where it was typed
 * (lib/security/email-code.ts). One row per purpose and subject (a booking's
 * id): a new code replaces the last. The step token addresses the page that
 * asks for the code; both are stored only as hashes.
 */
export const emailCodes = pgTable(
  "email_code",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: text("purpose").notNull(),
    subject: text("subject").notNull(),
    stepTokenHash: text("step_token_hash").notNull().unique("email_code_step_token_unique"),
    codeHash: text("code_hash").notNull(),
    // Which code of this step is current: the email derives its code from it when sent.
    issue: integer("issue").notNull().default(1),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [unique("email_code_subject_unique").on(table.purpose, table.subject)],
);

/** The practice's usual week: several ranges a day, in minutes from local midnight in the practice's zone. */
export const weeklyHours = pgTable(
  "availability_weekly_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // ISO weekday: 1 is Monday, 7 is Sunday.
    weekday: integer("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
  },
  (table) => [
    index("availability_weekly_hours_weekday_idx").on(table.weekday),
    check("availability_weekly_hours_valid", sql`${table.weekday} between 1 and 7 and ${table.startMinute} >= 0 and ${table.startMinute} < ${table.endMinute} and ${table.endMinute} <= 1440`),
  ],
);

/** Whole days off, first and last day included, in the practice's calendar. */
export const timeOff = pgTable(
  "availability_time_off",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (table) => [check("availability_time_off_in_order", sql`${table.startsOn} <= ${table.endsOn}`)],
);

/** One day's hours replacing the usual week's; no ranges means closed that day. */
export const dayOverrides = pgTable("availability_override", {
  day: date("day", { mode: "string" }).primaryKey(),
  ranges: jsonb("ranges").$type<{ startMinute: number; endMinute: number }[]>().notNull(),
  createdAt: createdAt(),
});

/**
 * One row, recording that availability was seeded from content/practice.ts,
 * so a therapist who clears her week does not get it back on the next start.
 */
export const bookingSettings = pgTable(
  "booking_setting",
  {
    id: integer("id").primaryKey().default(1),
    availabilitySeededAt: timestamp("availability_seeded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("booking_setting_single_row", sql`${table.id} = 1`)],
);

/** The therapist's private calendar feed; a new one revokes the old. */
export const calendarFeeds = pgTable("calendar_feed", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  createdBy: text("created_by").notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export type Booking = typeof bookings.$inferSelect;
export type WeeklyHoursRange = typeof weeklyHours.$inferSelect;
export type TimeOff = typeof timeOff.$inferSelect;
export type DayOverride = typeof dayOverrides.$inferSelect;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;

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
    // What a signup for an existing, unconfirmed row asked for: applied only
    // when the confirmation link is used, so a stranger typing someone's
    // address changes nothing stored about them (lib/newsletter/subscribe.ts).
    pendingFirstName: text("pending_first_name"),
    pendingConsentNoticeVersion: text("pending_consent_notice_version"),
    pendingConsentedAt: timestamp("pending_consented_at", { withTimezone: true }),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmTokenExpiresAt: timestamp("confirm_token_expires_at", { withTimezone: true }),
    // When the open confirmation link was first made: with the id it derives
    // the token (lib/newsletter/links.ts), so a repeat signup re-sends it.
    confirmTokenIssuedAt: timestamp("confirm_token_issued_at", { withTimezone: true }),
    confirmationSentAt: timestamp("confirmation_sent_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull().unique(),
    libraryLinkSentAt: timestamp("library_link_sent_at", { withTimezone: true }),
    // The series by email (issue 13): when they chose it, and how many parts have been queued since.
    seriesStartedAt: timestamp("series_started_at", { withTimezone: true }),
    seriesPartsSent: integer("series_parts_sent").notNull().default(0),
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
    // A draft with a time goes out then (the sweep starts it); cleared when cancelled or started.
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
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
export type Subscriber = typeof subscribers.$inferSelect;
export type LibraryAccess = typeof libraryAccess.$inferSelect;
export type NewsletterIssue = typeof newsletterIssues.$inferSelect;
export type NewsletterSend = typeof newsletterSends.$inferSelect;

/* ---- Busy times from the therapist's own calendars (issue 13, part 1) ---- */

/**
 * A calendar of hers that Attune reads for busy times (a practice-management
 * system's or Google's or Apple's secret iCalendar address). The address is a
 * secret, stored as given and never shown back in full; the rest records the
 * last fetch, so a failing calendar keeps its last good busy times and the
 * room can say what went wrong and since when.
 */
export const busyCalendars = pgTable("busy_calendar", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  address: text("address").notNull(),
  etag: text("etag"),
  lastModified: text("last_modified"),
  // Claimed before each fetch, so two servers' sweeps do not fetch the same calendar at once.
  checkedAt: timestamp("checked_at", { withTimezone: true }),
  // When the busy times were last read from a full copy: the window they cover moves on from there.
  readAt: timestamp("read_at", { withTimezone: true }),
  errorMessage: text("error_message"),
  failingSince: timestamp("failing_since", { withTimezone: true }),
  // What the last full read could not afford (lib/booking/busy-calendars/expand.ts's budget), in words for the room.
  leftOut: text("left_out"),
  // When the calendar last answered, a full copy or "unchanged" (304): "checked" in the room.
  answeredAt: timestamp("answered_at", { withTimezone: true }),
  // When her busy times last came out different from the copy before: "changed" in the room.
  changedAt: timestamp("changed_at", { withTimezone: true }),
  // A digest of the busy times last stored, to tell a changed copy from the same one sent again.
  busyDigest: text("busy_digest"),
  // When she was last emailed that a calendar keeps failing (lib/booking/busy-calendars/failing-notice.ts): one a day at most.
  failingNoticeAt: timestamp("failing_notice_at", { withTimezone: true }),
  // Her choice: every all-day event blocks its days, free or not (Google makes all-day events free by default).
  allDayBusy: boolean("all_day_busy").notNull().default(false),
  createdAt: createdAt(),
});

/** Only the times of her events: no title, attendee, place or description is ever stored. */
export const busyTimes = pgTable(
  "busy_time",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    calendarId: uuid("calendar_id")
      .notNull()
      .references(() => busyCalendars.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("busy_time_calendar_idx").on(table.calendarId),
    index("busy_time_range_idx").on(table.startsAt, table.endsAt),
    check("busy_time_in_order", sql`${table.startsAt} < ${table.endsAt}`),
  ],
);

export type BusyCalendar = typeof busyCalendars.$inferSelect;

// ─── The therapist's second factor (passkeys and recovery codes) ───────────

/** A WebAuthn credential the therapist registered in the private area's Security room. */
export const passkeys = pgTable(
  "passkey",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // base64url of the authenticator's credential id; public, but unique.
    credentialId: text("credential_id").notNull().unique(),
    // base64url of the COSE public key: verifies signatures, signs nothing.
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull().default(0),
    transports: jsonb("transports").$type<string[]>(),
    // What the therapist calls it ("Laptop"), or a default with the date.
    name: text("name").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (table) => [index("passkey_user_idx").on(table.userId)],
);

/** One-time codes shown once at registration; only a keyed hash is kept, and a used code stays, marked. */
export const recoveryCodes = pgTable(
  "recovery_code",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("recovery_code_user_idx").on(table.userId)],
);

/**
 * A WebAuthn challenge waiting for its answer: bound to the session that
 * asked, deleted when answered (single use) and refused past `expires`.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenge",
  {
    sessionToken: text("session_token")
      .notNull()
      .references(() => sessions.sessionToken, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["register", "authenticate"] }).notNull(),
    challenge: text("challenge").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.sessionToken, table.purpose] })],
);

export type Passkey = typeof passkeys.$inferSelect;

/* The therapist's week (issue 13, parts 2 and 3): replies, scheduled issues, the series by email. */

/**
 * The therapist's reply to a contact message or a booking request: her own
 * words, sent through the outbox from the practice's address. Kept with the
 * message or request (and gone with it), so the page shows the thread; the
 * delivery status is read from the outbox row it queued.
 */
export const replies = pgTable(
  "reply",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactMessageId: uuid("contact_message_id").references(() => contactMessages.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    sentBy: text("sent_by").notNull(),
    outboxEmailId: uuid("outbox_email_id").references(() => outboxEmails.id, { onDelete: "set null" }),
    /** The sha256 of the form's one-use key: a page sent again (a reload of the answer without JavaScript) sends nothing twice. */
    formKeyHash: text("form_key_hash"),
    createdAt: createdAt(),
  },
  (table) => [
    unique("reply_form_key_unique").on(table.formKeyHash),
    index("reply_contact_message_idx").on(table.contactMessageId),
    index("reply_booking_idx").on(table.bookingId),
    check("reply_to_one_thing", sql`num_nonnulls(${table.contactMessageId}, ${table.bookingId}) = 1`),
  ],
);
export type Reply = typeof replies.$inferSelect;

/* The waitlist (issue 21): people waiting for a time that fits, offered freed times in order. */

export const waitlistStatuses = ["unconfirmed", "waiting", "paused", "booked", "left", "removed", "expired"] as const;

/**
 * One person waiting for a time: what booking asks, and her wishes (the days
 * of the week as bits from Sunday = 1, the parts of the day as bits from
 * morning = 1, both in her zone; the first and last day she could come).
 * `position` orders the line; moving someone up swaps two positions.
 * Unconfirmed until the address is proven, like a held booking.
 */
export const waitlistEntries = pgTable(
  "waitlist_entry",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status", { enum: waitlistStatuses }).notNull().default("unconfirmed"),
    position: bigint("position", { mode: "number" })
      .notNull()
      .default(sql`nextval('waitlist_position_seq')`),
    sessionType: text("session_type").notNull(),
    format: text("format", { enum: ["telehealth", "in-person"] }).notNull(),
    location: text("location").notNull(),
    timeZone: text("time_zone").notNull(),
    days: integer("days").notNull(),
    parts: integer("parts").notNull(),
    earliest: date("earliest").notNull(),
    latest: date("latest"),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    consentNoticeVersion: text("consent_notice_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    // sha256 of the rendered form's key: a double submit stores one entry.
    formKeyHash: text("form_key").notNull().unique("waitlist_entry_form_key_unique"),
    // sha256 of the entry's link token (lib/waitlist/links.ts); the token is derived, never stored.
    tokenHash: text("token_hash").notNull().unique("waitlist_entry_token_hash_unique"),
    // While unconfirmed: the keyed client network (lib/booking/hold.ts), counted like a held time.
    network: text("network"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    // Unconfirmed: when the unproven entry lapses; waiting: the end of its 60 days.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // The "stay on the waitlist?" email went (a week before expiresAt); cleared when she stays.
    stayAskedAt: timestamp("stay_asked_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [
    index("waitlist_entry_line_idx").on(table.sessionType, table.position).where(sql`${table.status} = 'waiting'`),
    index("waitlist_entry_email_idx").on(table.email),
    index("waitlist_entry_network_idx").on(table.network).where(sql`${table.network} is not null`),
  ],
);
export type WaitlistEntry = typeof waitlistEntries.$inferSelect;

export const waitlistOfferStatuses = ["open", "booked", "declined", "lapsed", "withdrawn"] as const;

/**
 * An exclusive offer of one freed time to one person in line. The time is
 * held by a booking row (held like an unconfirmed booking, until
 * `expiresAt`), so /book no longer shows it and the booking exclusion
 * constraint refuses anyone else; the two partial unique indexes make "one
 * time, one live offer" and "one person, one live offer" the database's
 * rule, so two servers noticing the same freed time make one offer.
 */
export const waitlistOffers = pgTable(
  "waitlist_offer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    sessionType: text("session_type").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: waitlistOfferStatuses }).notNull().default("open"),
    // The therapist who offered it by hand; null when the sweep did.
    offeredBy: text("offered_by"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("waitlist_offer_one_per_time").on(table.startsAt).where(sql`${table.status} = 'open'`),
    uniqueIndex("waitlist_offer_one_per_person").on(table.entryId).where(sql`${table.status} = 'open'`),
    index("waitlist_offer_entry_idx").on(table.entryId, table.startsAt),
  ],
);
export type WaitlistOffer = typeof waitlistOffers.$inferSelect;
