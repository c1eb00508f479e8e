"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { dispatchOutbox } from "@/lib/email/dispatcher";
import { cancelEmail, retryEmail } from "@/lib/email/outbox-admin";

export async function retryEmailAction(formData: FormData): Promise<void> {
  const result = await retryEmail(formData);
  if (result.ok) after(() => dispatchOutbox().catch((error: unknown) => console.error("outbox: dispatch after retry failed:", error instanceof Error ? error.message : "unknown error")));
  redirect("/admin/outbox");
}

export async function cancelEmailAction(formData: FormData): Promise<void> {
  await cancelEmail(formData);
  redirect("/admin/outbox");
}
