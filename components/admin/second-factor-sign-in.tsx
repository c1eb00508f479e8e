"use client";

// The sign-in side of the second factor: the passkey, or a recovery code in
// its place. Registering them is passkey-registration.tsx (the Security page).
import { startAuthentication } from "@simplewebauthn/browser";
import type { ReactNode } from "react";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { recoveryCodeSchema, type RecoveryCodeField } from "@/lib/auth/recovery-code-schema";
import { usePasskeyPrompt } from "./use-web-authn";

/** "Use my passkey" on the second-factor page. */
export function PasskeySignIn({
  optionsAction,
  verifyAction,
  withoutScript,
}: {
  withoutScript: ReactNode;
  optionsAction: () => Promise<Parameters<typeof startAuthentication>[0]>;
  verifyAction: (response: string) => Promise<{ status: "verified" } | { status: "refused"; message: string }>;
}) {
  const { supported, problem, pending, prompt } = usePasskeyPrompt("Your passkey did not answer: the prompt was closed or timed out. Please try again, or use a recovery code.");

  function verify() {
    prompt(async () => {
      const answer = await startAuthentication(await optionsAction());
      const result = await verifyAction(JSON.stringify(answer));
      return result.status === "refused" ? result.message : null;
    });
  }

  if (supported === null) return withoutScript;
  if (supported === false) return <p>This browser cannot use passkeys. Please use a recovery code below, or another browser.</p>;
  return (
    <div>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <button type="button" className="button" onClick={verify} disabled={pending} aria-disabled={pending}>
        {pending ? "Waiting for your passkey…" : "Use my passkey"}
      </button>
    </div>
  );
}

/** A recovery code in place of the passkey: a plain form, the way in with JavaScript off. */
export function RecoveryCodeForm({ action }: { action: (state: FormResult<RecoveryCodeField>, formData: FormData) => Promise<FormResult<RecoveryCodeField>> }) {
  const form = useServerForm<RecoveryCodeField>({ action, schema: recoveryCodeSchema, idPrefix: "recovery", noticeId: "recovery-problem" });
  const { field } = form;
  return (
    <ServerForm form={form} submitLabel="Sign in with this code" pendingLabel="Checking…" buttonClassName="button button-secondary">
      <Field label="Recovery code" {...field("code").props}>
        <input autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} maxLength={40} {...field("code").input} />
      </Field>
    </ServerForm>
  );
}
