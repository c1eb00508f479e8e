"use server";

import { valuesToKeep } from "@/lib/forms/parse-form";
import { erasePerson } from "@/lib/privacy/erase";
import { erasePersonFields, type ErasePersonState } from "@/lib/privacy/erase-schema";

export async function erasePersonAction(_previous: ErasePersonState, formData: FormData): Promise<ErasePersonState> {
  const result = await erasePerson(formData);
  if (result.ok) return { status: "erased", erased: result.value };
  const hasFieldErrors = Object.keys(result.fieldErrors).length > 0;
  return {
    status: "invalid",
    fieldErrors: result.fieldErrors,
    formError: hasFieldErrors ? undefined : result.error,
    values: valuesToKeep(result.values as Record<string, string>, erasePersonFields),
  };
}
