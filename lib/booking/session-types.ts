import { practice } from "@/lib/practice/practice";
import type { SessionFormat } from "@/lib/practice/practice-schema";

export type SessionType = (typeof practice.booking.sessionTypes)[number];

export const sessionTypes: readonly SessionType[] = practice.booking.sessionTypes;

export function findSessionType(slug: string | undefined | null): SessionType | undefined {
  return sessionTypes.find((type) => type.slug === slug);
}

export const formatLabels: Record<SessionFormat, string> = {
  telehealth: "Telehealth (video)",
  "in-person": "In person",
};

/** "50 minutes" / "15 minutes". */
export function durationLabel(type: SessionType): string {
  return `${type.durationMinutes} minutes`;
}

/** "Fee: $190" / "Fee: free", the one way a session's fee is written on the pages and in the emails. */
export function feeLine(fee: string): string {
  return `Fee: ${/^free$/i.test(fee) ? "free" : fee}`;
}
