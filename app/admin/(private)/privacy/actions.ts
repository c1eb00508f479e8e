"use server";

import { erasePerson } from "@/lib/admin/privacy";
import type { ErasePersonResult } from "@/lib/privacy/erase-schema";

export async function erasePersonAction(_previous: ErasePersonResult, formData: FormData): Promise<ErasePersonResult> {
  return erasePerson(formData);
}
