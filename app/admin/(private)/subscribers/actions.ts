"use server";

import { redirect } from "next/navigation";
import { eraseOneSubscriber } from "@/lib/admin/newsletter";

export async function eraseSubscriberAction(formData: FormData): Promise<void> {
  const result = await eraseOneSubscriber(formData);
  redirect(result.status === "saved" ? "/admin/subscribers?erased=1" : "/admin/subscribers?problem=erase");
}
