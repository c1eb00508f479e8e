"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addTimeOffFromForm,
  createFeed,
  removeDayOverrideFromForm,
  removeTimeOffFromForm,
  revokeFeed,
  saveDayOverrideFromForm,
  saveWeeklyHoursFromForm,
} from "@/lib/admin/booking";
import type { EditState } from "@/lib/admin/edit-state";
import type { OperationResult } from "@/lib/admin/therapist-operation";

const PATH = "/admin/availability";

/** Trims an operation's result to what the form shows; never a raw row. */
function toState(result: OperationResult<{ stranded: number }>, saved: string): EditState {
  if (!result.ok) return { status: "invalid", message: result.error, fieldErrors: result.fieldErrors, values: result.values };
  revalidatePath(PATH);
  const stranded = result.value.stranded;
  return {
    status: "saved",
    message: stranded > 0 ? `${saved} ${stranded} upcoming booking${stranded === 1 ? " is" : "s are"} now outside your hours; see Requests.` : saved,
  };
}

export async function saveWeeklyHoursAction(_previous: EditState, formData: FormData): Promise<EditState> {
  return toState(await saveWeeklyHoursFromForm(formData), "Weekly hours saved.");
}

export async function addTimeOffAction(_previous: EditState, formData: FormData): Promise<EditState> {
  return toState(await addTimeOffFromForm(formData), "Time off added.");
}

export async function saveDayOverrideAction(_previous: EditState, formData: FormData): Promise<EditState> {
  return toState(await saveDayOverrideFromForm(formData), "That day's hours are saved.");
}

export async function createFeedAction(_previous: EditState, formData: FormData): Promise<EditState> {
  const result = await createFeed(formData);
  if (!result.ok) return { status: "invalid", message: result.error, fieldErrors: {}, values: {} };
  revalidatePath(PATH);
  return {
    status: "saved",
    message: "Your new calendar feed. Copy it into your calendar app now: it is shown only this once. Any earlier feed URL has stopped working.",
    url: result.value.url,
  };
}

// Buttons without text inputs: post/redirect/get.
export async function removeTimeOffAction(formData: FormData): Promise<void> {
  await removeTimeOffFromForm(formData);
  redirect(PATH);
}

export async function removeDayOverrideAction(formData: FormData): Promise<void> {
  await removeDayOverrideFromForm(formData);
  redirect(PATH);
}

export async function revokeFeedAction(formData: FormData): Promise<void> {
  await revokeFeed(formData);
  redirect(PATH);
}
