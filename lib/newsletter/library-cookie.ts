import "server-only";
import { env } from "@/lib/env";

/**
 * The cookie that opens the library. In production it is Secure and
 * __Host-prefixed (so no subdomain can set or read it); HttpOnly, so no
 * script can read it; SameSite=Lax, so the emailed link still works.
 */
export function libraryCookie() {
  const secure = env().NODE_ENV === "production";
  return {
    name: secure ? "__Host-attune-library" : "attune-library",
    options: (expires: Date) => ({ httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires }),
  };
}
