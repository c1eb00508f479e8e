import type { Therapist } from "@/lib/auth/guards";

export const THERAPIST_EMAIL = "maya@stillwater.example";

/**
 * The test-only door: a Therapist for tests that call lib/booking and
 * lib/newsletter directly, without a signed-in request. Production code has
 * no such door; lib/auth/therapist-brand.test.ts fails if a Therapist is
 * made anywhere but lib/auth/guards.ts and lib/testing.
 */
export function therapistForTests(email = THERAPIST_EMAIL): Therapist {
  return { email, userId: "00000000-0000-4000-8000-00000000face", sessionKey: "test-session" } as Therapist;
}
