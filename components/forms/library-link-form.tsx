"use client";

import { Field, Honeypot, fieldA11y } from "@/components/ui/field";
import type { LibraryLinkFormState } from "@/lib/newsletter/library";
import { libraryLinkSchema, type LibraryLinkField, type LibraryLinkInput } from "@/lib/newsletter/schema";
import { FormNotice } from "./form-notice";
import { useServerForm } from "./use-server-form";

type LibraryLinkFormProps = {
  action: (state: LibraryLinkFormState, formData: FormData) => Promise<LibraryLinkFormState>;
};

/** "Email me a new link": for a subscriber on a new device, or whose link has expired. */
export function LibraryLinkForm({ action }: LibraryLinkFormProps) {
  const { state, pending, typed, register, errorFor, formProps } = useServerForm<LibraryLinkField, LibraryLinkInput>({
    action,
    schema: libraryLinkSchema,
    defaultValues: (typed) => ({ email: typed.email ?? "" }),
  });

  if (state.status === "success") {
    return (
      <div className="notice notice-success" role="status">
        <h2>Check your inbox</h2>
        <p>If that address is subscribed, a new link to the library is on its way. It works for 7 days.</p>
        <p>If nothing arrives within a few minutes, please look in your spam folder, or subscribe again below.</p>
      </div>
    );
  }

  const error = errorFor("email");
  return (
    <form
      {...formProps}
      className="form"
      aria-describedby={state.status === "invalid" ? "library-link-problem" : undefined}
    >
      {state.status === "invalid" ? <FormNotice id="library-link-problem" state={state} /> : null}
      <Honeypot />
      <Field name="email" label="Your subscribed email address" error={error}>
        <input
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          defaultValue={typed.email}
          {...fieldA11y("email", { error })}
          {...register("email")}
        />
      </Field>
      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Sending…" : "Email me a new link"}
        </button>
      </div>
    </form>
  );
}
