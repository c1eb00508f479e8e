"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { moveUpOnWaitlist, offerTimeOnWaitlist, pauseOnWaitlist, removeOnWaitlist } from "@/lib/admin/waitlist";
import type { FormResult } from "@/lib/forms/form-result";
import { waitlistRoomProblems, type WaitlistRoomProblem } from "@/lib/waitlist/therapist";

/** Back to the room (post/redirect/get), with a word for what was done or refused. */
function back(result: FormResult<string>, done: string): never {
  if (result.status === "saved") redirect(`/admin/waitlist?done=${done}` as Route);
  const formError = result.status === "invalid" ? result.formError : undefined;
  const problem = (Object.entries(waitlistRoomProblems).find(([, message]) => message === formError)?.[0] ?? "invalid") as WaitlistRoomProblem;
  redirect(`/admin/waitlist?problem=${problem}` as Route);
}

export async function moveUpAction(formData: FormData): Promise<void> {
  back(await moveUpOnWaitlist(formData), "moved");
}

export async function pauseAction(formData: FormData): Promise<void> {
  back(await pauseOnWaitlist(formData), formData.get("paused") === "yes" ? "paused" : "resumed");
}

export async function removeAction(formData: FormData): Promise<void> {
  back(await removeOnWaitlist(formData), "removed");
}

export async function offerTimeAction(formData: FormData): Promise<void> {
  back(await offerTimeOnWaitlist(formData), "offered");
}
