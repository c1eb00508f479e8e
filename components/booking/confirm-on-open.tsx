"use client";

import { useEffect, useRef } from "react";

/**
 * Presses the form's one button when the page opens in a browser that runs
 * JavaScript, so following the email's link confirms the time without a
 * second "Confirm" step. A mail scanner that only fetches the link confirms
 * nothing (the confirmation is a POST); without JavaScript the person presses
 * the button herself.
 */
export function ConfirmOnOpen({ formId }: { formId: string }) {
  const pressed = useRef(false);
  useEffect(() => {
    if (pressed.current) return;
    pressed.current = true;
    const form = document.getElementById(formId);
    if (form instanceof HTMLFormElement) form.requestSubmit();
  }, [formId]);
  return null;
}
