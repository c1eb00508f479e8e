"use server";

import { redirect } from "next/navigation";
import { cancelEmail, retryEmail } from "@/lib/admin/outbox";

export async function retryEmailAction(formData: FormData): Promise<void> {
  await retryEmail(formData);
  redirect("/admin/outbox");
}

export async function cancelEmailAction(formData: FormData): Promise<void> {
  await cancelEmail(formData);
  redirect("/admin/outbox");
}
