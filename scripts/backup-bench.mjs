// `npm run bench:backup`: how big a year of one therapist's practice is, and
// how long deploy/backup's dump and restore take at that size. A fresh
// database (on DATABASE_URL's server, else 127.0.0.1:5432) is migrated and
// filled with a year at the volumes below (YEARS=n for more), then dumped and
// restored by the very scripts the systemd timer and the README use.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const YEARS = Number(process.env.YEARS ?? 1);
// A busy solo practice's year: forms, bookings, a newsletter twice a month to
// a list that grows to 1,500, every email through the outbox, and what the
// audit log records of her days in the private area.
const YEAR = { contactMessages: 400, bookings: 300, subscribers: 1500, issues: 24, outboxEmails: 12000, auditEvents: 20000 };

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const base = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
const name = `attune_bench_backup_${Date.now()}`;
const urlOf = (database) => Object.assign(new URL(base), { pathname: `/${database}` }).toString();
const admin = postgres(urlOf("postgres"), { onnotice: () => {}, max: 1 });
const dir = mkdtempSync(path.join(tmpdir(), "attune-bench-backup-"));
const timed = (label, file, args, env = {}) => {
  const started = Date.now();
  const run = spawnSync(file, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stdout}${run.stderr}`);
  return (Date.now() - started) / 1000;
};

try {
  await admin.unsafe(`create database ${name}`);
  await admin.unsafe(`create database ${name}_restored`);
  timed("migrate", "npx", ["tsx", "--conditions=react-server", "db/migrate.ts"], { DATABASE_URL: urlOf(name) });
  const sql = postgres(urlOf(name), { onnotice: () => {}, max: 1 });
  const n = (count) => Math.round(count * YEARS);
  const lorem = "I have been struggling since the birth of my daughter and a friend said you work with this. ".repeat(3);
  await sql`
    insert into contact_message (name, email, phone, preferred_contact, message, consent_notice_version, consented_at, form_key, created_at)
    select 'Visitor ' || i, 'visitor.' || i || '@example.com', '+1 503 555 0100', 'email', ${lorem}, '2026-01', now(), md5('c' || i), now() - (i % 365) * interval '1 day'
    from generate_series(1, ${n(YEAR.contactMessages)}) i`;
  await sql`
    insert into booking (session_type, format, status, starts_at, ends_at, blocked_from, blocked_until, name, email, phone, location, what_brings_you,
      heard_about, visitor_time_zone, consent_notice_version, consented_at, emergency_acknowledged_at, form_key, manage_token_hash, created_at)
    select 'intake', 'telehealth', 'completed', t, t + interval '50 minutes', t - interval '10 minutes', t + interval '60 minutes', 'Client ' || i,
      'client.' || i || '@example.com', null, 'OR', ${lorem}, 'search', 'America/Los_Angeles', '2026-01', now(), now(), md5('b' || i), md5('m' || i), t - interval '3 days'
    from generate_series(1, ${n(YEAR.bookings)}) i, lateral (select now() - i * interval '1 day' + (i % 7) * interval '1 hour' as t) s`;
  await sql`
    insert into subscriber (email, status, source, consent_notice_version, consented_at, confirmed_at, unsubscribe_token_hash)
    select 'reader.' || i || '@example.com', 'confirmed', 'newsletter', '2026-01', now(), now(), md5('u' || i)
    from generate_series(1, ${n(YEAR.subscribers)}) i`;
  await sql`
    insert into newsletter_issue (subject, body, status, created_by, recipient_count, send_started_at, sent_at)
    select 'Issue ' || i, ${lorem.repeat(20)}, 'sent', 'therapist@example.com', ${n(YEAR.subscribers)}, now(), now()
    from generate_series(1, ${n(YEAR.issues)}) i`;
  // Every issue to everyone on the final list: more than a growing list really gets.
  await sql`
    insert into newsletter_send (issue_id, subscriber_id, status, batch_key, provider_id, sent_at, delivery_status)
    select issue.id, subscriber.id, 'sent', 'newsletter/' || issue.id, gen_random_uuid()::text, now(), 'delivered'
    from newsletter_issue issue cross join subscriber`;
  await sql`
    insert into outbox_email (recipient, template, subject, props, status, attempts, provider_id, sent_at, delivery_status)
    select 'client.' || i || '@example.com', 'booking-confirmed', 'Your intake session is confirmed',
      jsonb_build_object('bookingId', gen_random_uuid(), 'sessionName', 'Intake session', 'startsAt', now(), 'timeZone', 'America/Los_Angeles', 'sequence', 0),
      'sent', 1, gen_random_uuid()::text, now(), 'delivered'
    from generate_series(1, ${n(YEAR.outboxEmails)}) i`;
  await sql`insert into email_attempt (outbox_email_id, succeeded, status_code, duration_ms) select id, true, 200, 180 from outbox_email`;
  await sql`
    insert into audit_event (actor, action, subject_type, subject_id, detail, occurred_at)
    select 'therapist@example.com', 'read', 'booking', gen_random_uuid()::text, null, now() - (i % 365) * interval '1 day'
    from generate_series(1, ${n(YEAR.auditEvents)}) i`;
  await sql`vacuum analyze`;
  const [{ size }] = await sql`select pg_database_size(current_database())::bigint as size`;
  await sql.end();

  const key = path.join(dir, "practice.key");
  const keygen = spawnSync("age-keygen", ["-o", key], { encoding: "utf8" });
  writeFileSync(path.join(dir, "recipients.txt"), `${/age1[0-9a-z]+/.exec(keygen.stderr)[0]}\n`);
  const backups = path.join(dir, "backups");
  const dumpSeconds = timed("attune-backup", "deploy/backup/attune-backup", [], {
    DATABASE_URL: urlOf(name),
    BACKUP_DIR: backups,
    BACKUP_RECIPIENTS: path.join(dir, "recipients.txt"),
    ERASURES_FILE: path.join(dir, "erasures"),
  });
  const dump = path.join(backups, readdirSync(backups).find((file) => file.endsWith(".dump.age")));
  const restoreSeconds = timed("attune-restore", "deploy/backup/attune-restore", [dump, key, urlOf(`${name}_restored`), path.join(dir, "erasures")]);
  const mb = (bytes) => (Number(bytes) / 1e6).toFixed(1);
  console.info(`\nA practice's ${YEARS === 1 ? "year" : `${YEARS} years`}: ${Object.entries(YEAR).map(([k, v]) => `${n(v)} ${k}`).join(", ")}, ${n(YEAR.issues) * n(YEAR.subscribers)} newsletter sends`);
  console.info(`database on disk (indexes included): ${mb(size)} MB`);
  console.info(`encrypted dump (custom format, compressed): ${mb(statSync(dump).size)} MB`);
  console.info(`attune-backup: ${dumpSeconds.toFixed(1)} s; attune-restore (erasures re-applied included): ${restoreSeconds.toFixed(1)} s`);
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
  await admin.unsafe(`drop database if exists ${name}_restored with (force)`).catch(() => undefined);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
}
