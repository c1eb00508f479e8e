"use client";

// The Security page's side of the second factor: making a passkey and new
// recovery codes. Proving them at sign-in is second-factor-sign-in.tsx.
import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { usePasskeyPrompt } from "./use-web-authn";

type CodesResult = FormResult<string, { recoveryCodes: string[] }>;

/** The codes, once: nothing keeps them after this page is left. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <section className="notice notice-success" aria-labelledby="recovery-codes-heading">
      <h3 id="recovery-codes-heading">Your recovery codes</h3>
      <p>
        Write these down or print them now and keep them apart from your devices: they are shown only this once. Each code
        works once, in place of your passkey.
      </p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "Add a passkey": the browser makes it, the server checks it against this session's challenge. */
export function AddPasskey({
  optionsAction,
  registerAction,
  withoutScript,
}: {
  withoutScript: ReactNode;
  optionsAction: () => Promise<Parameters<typeof startRegistration>[0]>;
  registerAction: (state: CodesResult, formData: FormData) => Promise<CodesResult>;
}) {
  const { supported, problem, pending, prompt } = usePasskeyPrompt("No passkey was made: the prompt was closed or this device could not make one. Please try again.");
  const router = useRouter();
  const [name, setName] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);

  function add() {
    prompt(async () => {
      const credential = await startRegistration(await optionsAction());
      const form = new FormData();
      form.set("response", JSON.stringify(credential));
      form.set("name", name);
      const result = await registerAction({ status: "idle" }, form);
      if (result.status === "saved") {
        setCodes(result.saved?.recoveryCodes.length ? result.saved.recoveryCodes : null);
        setName("");
        router.refresh();
      }
      return result.status === "invalid" ? (result.formError ?? Object.values(result.fieldErrors).flat().join(" ")) : null;
    });
  }

  if (supported === null) return withoutScript;
  if (supported === false) return <p>This browser cannot make passkeys. Please add one from a browser that can.</p>;
  return (
    <div className="form">
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {codes ? <RecoveryCodeList codes={codes} /> : null}
      <Field name="passkey-name" label="A name for this passkey (optional), e.g. the device it lives on">
        <input id="passkey-name" maxLength={60} value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <div>
        <button type="button" className="button" onClick={add} disabled={pending} aria-disabled={pending}>
          {pending ? "Waiting for your device…" : "Add a passkey"}
        </button>
      </div>
    </div>
  );
}

/** New codes replace the old ones: a plain form, so it works with JavaScript off too. */
export function NewRecoveryCodesForm({ action }: { action: (state: CodesResult, formData: FormData) => Promise<CodesResult> }) {
  const form = useServerForm<string, { recoveryCodes: string[] }>({ action, schema: z.object({}), idPrefix: "new-codes", noticeId: "new-codes-notice" });
  const codes = form.state.status === "saved" ? form.state.saved?.recoveryCodes : undefined;
  return (
    <>
      {codes ? <RecoveryCodeList codes={codes} /> : null}
      <ServerForm form={form} submitLabel="Make new recovery codes" pendingLabel="Making codes…" buttonClassName="button button-secondary">
        <p>The codes you have now stop working at once.</p>
      </ServerForm>
    </>
  );
}
