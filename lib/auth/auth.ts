import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { EmailConfig } from "@auth/core/providers/email";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { AUTH_BASE_PATH, CHECK_EMAIL_PATH, SIGN_IN_PATH, sessionCookieOptions } from "./auth.config";
import { withSessionRules } from "./session-adapter";
import { SIGN_IN_LINK_MINUTES } from "./sign-in-email";
import { isTherapistEmail } from "./therapists";

/**
 * Sign-in by emailed link. Links are requested through our own action
 * (lib/auth/sign-in-link.ts), which rate-limits, checks the allowlist and
 * writes the token and its email through the outbox in one transaction;
 * Auth.js's own sign-in endpoint is not mounted, and it would send the email
 * and store the token separately, after none of those checks. So Auth.js
 * only ever spends links and makes sessions here, and its send step refuses
 * rather than becoming a second, unchecked way in.
 */
const signInLinkProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  sendVerificationRequest() {
    throw new Error("Sign-in links are requested through lib/auth/sign-in-link.ts only.");
  },
};

/** The whole Auth.js configuration, built per request so env changes (a removed therapist) apply at once. */
export async function authConfig(): Promise<NextAuthConfig> {
  const { APP_URL, AUTH_SECRET, AUTH_SESSION_IDLE_MINUTES, AUTH_SESSION_MAX_HOURS } = env();
  const db = await getDb();
  const cookie = sessionCookieOptions(APP_URL);
  return {
    secret: AUTH_SECRET,
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    useSecureCookies: cookie.options.secure,
    adapter: withSessionRules(
      DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
      { secret: AUTH_SECRET, maxLifetimeHours: AUTH_SESSION_MAX_HOURS },
    ),
    providers: [signInLinkProvider],
    session: {
      strategy: "database",
      // Idle timeout: every use within this time moves the end forward…
      maxAge: AUTH_SESSION_IDLE_MINUTES * 60,
      // …written at most once a minute.
      updateAge: Math.min(60, AUTH_SESSION_IDLE_MINUTES * 15),
    },
    cookies: { sessionToken: cookie },
    pages: { signIn: SIGN_IN_PATH, verifyRequest: CHECK_EMAIL_PATH, error: SIGN_IN_PATH },
    callbacks: {
      // Checked again when the link is spent: an address removed since the link was sent gets no session.
      signIn: ({ user }) => isTherapistEmail(user.email),
      // Only what the guard needs leaves this callback: the user's id and address.
      session: ({ session, user }) => ({ expires: session.expires, user: { id: user.id, email: user.email } }),
    },
    logger: {
      // Auth.js logs whole error objects; ours carry no addresses or tokens.
      error: (error) => console.error(`auth: ${error.name}`),
      warn: () => {},
      debug: () => {},
    },
  };
}

export const { auth, signOut } = NextAuth(authConfig);
