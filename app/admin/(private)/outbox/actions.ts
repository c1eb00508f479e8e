"use server";

import { redirect } from "next/navigation";
import { dispatchAfterResponse } from "@/lib/email/dispatch-after-response";
import { cancelEmail, retryEmail } from "@/lib/admin/outbox";

export async function retryEmailAction(formData: FormData): Promise<void> {
  const result = await retryEmail(formData);
  if (result.status === "saved") dispatchAfterResponse();
  redirect("/admin/outbox");
}

export async function cancelEmailAction(formData: FormData): Promise<void> {
  await cancelEmail(formData);
  redirect("/admin/outbox");
}
