"use client";

import type { InputHTMLAttributes } from "react";
import { Field } from "@/components/ui/field";

type Binding = { props: { name: string; error?: string }; input: InputHTMLAttributes<HTMLInputElement> };

/** Who is writing: name, email address and an optional phone number, as every visitor form asks them. */
export function PersonFields({ field, emailHint }: { field: (name: "name" | "email" | "phone", options?: { hint?: boolean }) => Binding; emailHint?: string }) {
  const email = field("email", { hint: Boolean(emailHint) });
  return (
    <>
      <Field label="Your name" {...field("name").props}>
        <input type="text" autoComplete="name" maxLength={100} {...field("name").input} />
      </Field>
      <Field label="Email address" hint={emailHint} {...email.props}>
        <input type="email" autoComplete="email" inputMode="email" maxLength={254} {...email.input} />
      </Field>
      <Field label="Phone number (optional)" {...field("phone").props}>
        <input type="tel" autoComplete="tel" maxLength={30} {...field("phone").input} />
      </Field>
    </>
  );
}
