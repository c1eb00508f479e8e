import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState, useTransition } from "react";

/**
 * WebAuthn needs JavaScript and a browser that has it; until both are known
 * (and for good with JavaScript off) the page shows what to do instead, not
 * a button that cannot work. Rendered on the server rather than in
 * <noscript>, so it is also what a browser with scripts blocked shows.
 */
export function useWebAuthn() {
  const [supported, setSupported] = useState<boolean | null>(null);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- whether the browser has WebAuthn is only known after hydration
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  return supported;
}

/**
 * One passkey prompt at a time: the button waits while the browser asks, and
 * a prompt closed or timed out (the browser throws) becomes `failure`, in the
 * page's words. `ceremony` answers with the server's problem, or null.
 */
export function usePasskeyPrompt(failure: string) {
  const supported = useWebAuthn();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function prompt(ceremony: () => Promise<string | null>) {
    setProblem(null);
    startTransition(async () => {
      try {
        setProblem(await ceremony());
      } catch {
        setProblem(failure);
      }
    });
  }
  return { supported, problem, pending, prompt };
}
