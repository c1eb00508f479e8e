import "server-only";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";
import { ensureAvailabilitySeeded } from "@/lib/booking/availability";
import { formKeyHash } from "@/lib/forms/form-key";
import { practice } from "@/lib/practice/practice";
import { DAY } from "@/lib/time";

const demoMessages = [
  {
    formKey: "5eed0000-0000-4000-8000-000000000001",
    name: "Alex Demo",
    email: "alex.demo@example.com",
    preferredContact: "email" as const,
    message: "Hello, I'm expecting my first baby in the spring and would like to know whether you offer sessions during pregnancy.",
    daysAgo: 2,
  },
  {
    formKey: "5eed0000-0000-4000-8000-000000000002",
    name: "Jamie Sample",
    email: "jamie.sample@example.com",
    phone: "+1 503 555 0123",
    preferredContact: "phone" as const,
    message: "Could you tell me about your fees and whether you work with parents of teenagers?",
    daysAgo: 5,
  },
];

/**
 * The demo practice's data for development, safe to run any number of times
 * (fixed keys, and inserts that skip what is already there). Run by
 * `npm run db:seed`, and by the dev server itself on start (SEED_DEMO=1, set
 * by `npm run dev`), so the embedded database is opened and migrated once.
 */
export async function seedDemo(): Promise<{ messages: number; week: boolean }> {
  const db = await getDb();
  const now = Date.now();
  const inserted = await db
    .insert(contactMessages)
    .values(
      demoMessages.map(({ daysAgo, phone, formKey, ...message }) => {
        const at = new Date(now - daysAgo * DAY);
        return { ...message, formKeyHash: formKeyHash(formKey), phone: phone ?? null, consentNoticeVersion: practice.privacy.noticeVersion, consentedAt: at, createdAt: at };
      }),
    )
    .onConflictDoNothing({ target: contactMessages.formKeyHash })
    .returning({ id: contactMessages.id });
  // Only the first time: after that the week is the therapist's to edit.
  return { messages: inserted.length, week: await ensureAvailabilitySeeded(db) };
}
