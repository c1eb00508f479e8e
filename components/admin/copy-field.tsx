"use client";

import { useId, useState, useSyncExternalStore } from "react";

const subscribeNever = () => () => {};
const clipboardHere = () => typeof navigator !== "undefined" && Boolean(navigator.clipboard?.writeText);
const noClipboardOnServer = () => false;

/**
 * An address she is meant to copy into another app: a read-only field she
 * can select and copy by hand (so it works with JavaScript off), and, where
 * the browser offers a clipboard, a Copy button beside it that says when it
 * has copied.
 */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const canCopy = useSyncExternalStore(subscribeNever, clipboardHere, noClipboardOnServer);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        <input id={id} type="text" readOnly value={value} data-testid={testId} onFocus={(event) => event.currentTarget.select()} />
        {canCopy ? (
          <button type="button" className="button button-secondary" onClick={copy}>
            Copy
          </button>
        ) : null}
      </div>
      <p role="status" className="muted">
        {copied === "copied" ? "Copied." : copied === "failed" ? "It could not be copied here: select the address and copy it by hand." : ""}
      </p>
    </div>
  );
}
