import "server-only";
import type { Adapter, AdapterSession } from "@auth/core/adapters";
import { storedSessionKey } from "./session-key";
import { HOUR } from "@/lib/time";

type Options = { secret: string; maxLifetimeHours: number; now?: () => Date };

/**
 * Wraps the Drizzle adapter so that the session table never holds a usable
 * cookie value: rows are keyed by HMAC(AUTH_SECRET, token). A leaked copy of
 * the table signs nobody in, and a server started with a missing or different
 * AUTH_SECRET finds no session at all: it fails closed.
 *
 * It also ends a session at its absolute lifetime. Auth.js slides `expires`
 * forward with every use (the idle timeout) and has no upper bound of its
 * own, so the row's fixed `createdAt` is checked here.
 */
export function withSessionRules(adapter: Adapter, { secret, maxLifetimeHours, now = () => new Date() }: Options): Adapter {
  const hashed = (sessionToken: string) => storedSessionKey(secret, sessionToken);
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter as Required<Adapter>;
  const withToken = <T extends AdapterSession | null | undefined>(session: T, sessionToken: string) =>
    (session ? { ...session, sessionToken } : session) as T;

  return {
    ...adapter,
    async createSession(session) {
      return withToken(await createSession({ ...session, sessionToken: hashed(session.sessionToken) }), session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const found = await getSessionAndUser(hashed(sessionToken));
      if (!found) return null;
      const createdAt = (found.session as AdapterSession & { createdAt?: Date }).createdAt;
      if (!createdAt || now().getTime() - createdAt.getTime() > maxLifetimeHours * HOUR) {
        await deleteSession(hashed(sessionToken));
        return null;
      }
      return { user: found.user, session: withToken(found.session, sessionToken) };
    },
    async updateSession(session) {
      return withToken(await updateSession({ ...session, sessionToken: hashed(session.sessionToken) }), session.sessionToken);
    },
    async deleteSession(sessionToken) {
      return withToken((await deleteSession(hashed(sessionToken))) ?? null, sessionToken);
    },
  };
}
