import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { contactMessages } from "@/db/schema";

/** A contact message as a visitor would have left it, written straight to the table. */
export async function storedMessage(overrides: Partial<typeof contactMessages.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(contactMessages)
    .values({
      name: "Jordan Rivers",
      email: `jordan.${randomUUID().slice(0, 8)}@example.com`,
      preferredContact: "email",
      message: "I would like to ask about sessions for new parents.",
      consentNoticeVersion: "2026-11-01",
      consentedAt: new Date(),
      formKeyHash: randomUUID(),
      ...overrides,
    })
    .returning();
  return row!;
}
