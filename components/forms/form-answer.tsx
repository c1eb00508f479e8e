"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * Where a form's answer shows, whatever it is (a refusal, a save, a thank
 * you): on a phone the person is scrolled down at the button, far below it.
 * So each new answer is scrolled into view and focused, which also has a
 * screen reader read it. Without JavaScript the post's address ends in this
 * id (useServerForm's permalink), and the browser opens the answer page there.
 */
export function FormAnswer({ id, answer, children }: { id: string; answer: unknown; children: ReactNode }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    element.current?.focus({ preventScroll: true });
    element.current?.scrollIntoView({ block: "start" });
  }, [answer]);
  return (
    <div id={id} ref={element} tabIndex={-1} className="form-answer">
      {children}
    </div>
  );
}
