"use client";

import { browserSupportsWebAuthn, startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import { z } from "zod";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { recoveryCodeSchema, type RecoveryCodeField } from "@/lib/auth/recovery-code-schema";

type Options<T> = () => Promise<T>;
type CodesResult = FormResult<string, { recoveryCodes: string[] }>;

/**
 * WebAuthn needs JavaScript and a browser that has it; until both are known
 * (and for good with JavaScript off) the page shows what to do instead, not
 * a button that cannot work. Rendered on the server rather than in
 * <noscript>, so it is also what a browser with scripts blocked shows.
 */
function useWebAuthn() {
  const [supported, setSupported] = useState<boolean | null>(null);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- whether the browser has WebAuthn is only known after hydration
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  return supported;
}

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
  optionsAction: Options<Parameters<typeof startRegistration>[0]>;
  registerAction: (state: CodesResult, formData: FormData) => Promise<CodesResult>;
}) {
  const supported = useWebAuthn();
  const router = useRouter();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();

  function add() {
    setProblem(null);
    startTransition(async () => {
      try {
        const credential = await startRegistration(await optionsAction());
        const form = new FormData();
        form.set("response", JSON.stringify(credential));
        form.set("name", name);
        const result = await registerAction({ status: "idle" }, form);
        if (result.status === "saved") {
          setCodes(result.saved?.recoveryCodes.length ? result.saved.recoveryCodes : null);
          setName("");
          router.refresh();
        } else if (result.status === "invalid") {
          setProblem(result.formError ?? Object.values(result.fieldErrors).flat().join(" "));
        }
      } catch {
        setProblem("No passkey was made: the prompt was closed or this device could not make one. Please try again.");
      }
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

/** "Use my passkey" on the second-factor page. */
export function PasskeySignIn({
  optionsAction,
  verifyAction,
  withoutScript,
}: {
  withoutScript: ReactNode;
  optionsAction: Options<Parameters<typeof startAuthentication>[0]>;
  verifyAction: (response: string) => Promise<{ status: "verified" } | { status: "refused"; message: string }>;
}) {
  const supported = useWebAuthn();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function verify() {
    setProblem(null);
    startTransition(async () => {
      try {
        const answer = await startAuthentication(await optionsAction());
        const result = await verifyAction(JSON.stringify(answer));
        if (result.status === "refused") setProblem(result.message);
      } catch {
        setProblem("Your passkey did not answer: the prompt was closed or timed out. Please try again, or use a recovery code.");
      }
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
