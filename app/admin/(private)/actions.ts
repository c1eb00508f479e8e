"use server";

import { signOutTherapist } from "@/lib/auth/sign-out";

/** Deletes this browser's session row and clears its cookie. */
export async function signOutAction(): Promise<void> {
  await signOutTherapist();
}
