import { expect } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { redirectOf } from "./request-scope";
import { databaseSnapshot } from "./snapshot";
import { signInAs } from "./therapist-session";

/** Whoever the private area's door must turn away, and how to become them. */
export const intruders = [
  ["no session", async () => {}],
  ["a signed-in user who is not a therapist", async () => void (await signInAs("intruder@example.com"))],
] as const;

/** Makes each call and expects it sent to the sign-in page, with nothing in the database changed by any of them. */
export async function expectEveryCallRefused(calls: Record<string, () => Promise<unknown>>) {
  const before = await databaseSnapshot();
  for (const [name, call] of Object.entries(calls)) expect(await redirectOf(call), name).toBe("/admin/sign-in");
  expect(await databaseSnapshot()).toEqual(before);
}

/** The audit log as written so far, in the order it was written. */
export async function auditTrail() {
  const db = await getDb();
  const { actor, action, subjectType, subjectId, detail } = auditEvents;
  return db.select({ actor, action, subjectType, subjectId, detail }).from(auditEvents);
}
