import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState } from "react";

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
