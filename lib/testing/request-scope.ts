import { vi } from "vitest";

/**
 * A stand-in for the request Next.js would give a server action or page, so
 * integration tests can call guarded lib functions, actions and pages
 * directly: `next/headers` reads from here. Only the framework's request
 * scope is replaced; the database, Auth.js and the guards are the real ones.
 */
export const request = {
  cookies: new Map<string, string>(),
  headers: new Headers(),
  reset() {
    this.cookies.clear();
    this.headers = new Headers();
  },
};

function cookieHeader() {
  return [...request.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

export const fakeNextHeaders = {
  headers: async () => {
    const all = new Headers(request.headers);
    if (request.cookies.size > 0) all.set("cookie", cookieHeader());
    if (!all.has("host")) all.set("host", "localhost:3000");
    return all;
  },
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string, options?: { maxAge?: number; expires?: Date }) => {
      const cookie = typeof name === "string" ? { name, value: value ?? "" } : name;
      const expired = options?.maxAge === 0 || (options?.expires && options.expires.getTime() <= Date.now()) || cookie.value === "";
      if (expired) request.cookies.delete(cookie.name);
      else request.cookies.set(cookie.name, cookie.value);
    },
    delete: (name: string | { name: string }) => request.cookies.delete(typeof name === "string" ? name : name.name),
  }),
  draftMode: async () => ({ isEnabled: false }),
};

/** What a caught redirect() or notFound() was, or null for any other error. */
export function navigationOf(error: unknown): { kind: "redirect"; to: string } | { kind: "not-found" } | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", to: digest.split(";")[2]! };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "not-found" };
  return null;
}

/** Runs `call` and returns where it redirected to, failing if it did not. */
export async function redirectOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (error) {
    const navigation = navigationOf(error);
    if (navigation?.kind === "redirect") return navigation.to;
    throw error;
  }
  throw new Error("expected a redirect, but the call returned");
}

export const deferred: (() => unknown)[] = [];

vi.mock("next/headers", () => fakeNextHeaders);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
  // after() work is collected, not run: tests that care run it themselves.
  after: (task: () => unknown) => {
    deferred.push(task);
  },
}));
