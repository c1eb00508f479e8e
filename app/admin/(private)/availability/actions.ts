"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import {
  addBusyCalendarFromForm,
  addTimeOffFromForm,
  refreshBusyCalendarFromForm,
  removeBusyCalendarFromForm,
  createFeed,
  removeDayOverrideFromForm,
  removeTimeOffFromForm,
  revokeFeed,
  saveDayOverrideFromForm,
  saveWeeklyHoursFromForm,
} from "@/lib/admin/booking";
import type { AvailabilityFormResult } from "@/lib/admin/booking-schemas";
import { REFRESHED_CALENDAR_COOKIE } from "./refreshed-cookie";

const PATH = "/admin/availability";

/** A saved change shows at once in the preview and lists on the page; a refusal keeps the form as typed. */
function refreshedWhenSaved(result: AvailabilityFormResult): AvailabilityFormResult {
  if (result.status === "saved") revalidatePath(PATH);
  return result;
}

export async function saveWeeklyHoursAction(_previous: AvailabilityFormResult, formData: FormData): Promise<AvailabilityFormResult> {
  return refreshedWhenSaved(await saveWeeklyHoursFromForm(formData));
}

export async function addTimeOffAction(_previous: AvailabilityFormResult, formData: FormData): Promise<AvailabilityFormResult> {
  return refreshedWhenSaved(await addTimeOffFromForm(formData));
}

export async function saveDayOverrideAction(_previous: AvailabilityFormResult, formData: FormData): Promise<AvailabilityFormResult> {
  return refreshedWhenSaved(await saveDayOverrideFromForm(formData));
}

export async function createFeedAction(_previous: AvailabilityFormResult, formData: FormData): Promise<AvailabilityFormResult> {
  return refreshedWhenSaved(await createFeed(formData));
}

export async function addBusyCalendarAction(_previous: AvailabilityFormResult, formData: FormData): Promise<AvailabilityFormResult> {
  return refreshedWhenSaved(await addBusyCalendarFromForm(formData));
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

export async function removeBusyCalendarAction(formData: FormData): Promise<void> {
  await removeBusyCalendarFromForm(formData);
  redirect(PATH);
}

/** "Refresh now" answers: the page says, beside that calendar, what the read found. */
export async function refreshBusyCalendarAction(formData: FormData): Promise<void> {
  const result = await refreshBusyCalendarFromForm(formData);
  const id = formData.get("id");
  if (result.status === "saved" && typeof id === "string") (await cookies()).set(REFRESHED_CALENDAR_COOKIE.name, id, REFRESHED_CALENDAR_COOKIE.options);
  redirect(PATH);
}
