import "server-only";
import { z } from "zod";
import { normaliseEmailAddress } from "@/lib/forms/email-address";
import { practice } from "@/lib/practice/practice";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const positiveInt = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));
const appUrl = z.preprocess(emptyAsUndefined, z.url().optional());

/** Unset: in development the port the server listens on (`next dev -p` sets PORT), so `npm run dev -- -p 3500` links to 3500. */
function appUrlOr(appUrl: string | undefined, nodeEnv: string | undefined, port: string | undefined): string {
  if (appUrl) return appUrl;
  return nodeEnv !== "production" && port && /^\d+$/.test(port) ? `http://localhost:${port}` : "http://localhost:3000";
}
const postsFixturesDir = optionalString;

// Known to everyone who reads this file, so production refuses it; in
// development it makes `npm run dev` sign-in work with nothing configured.
const DEVELOPMENT_AUTH_SECRET = "attune-development-auth-secret-not-for-production";

/**
 * The therapist addresses allowed to sign in, comma-separated. Each must be
 * a plain ASCII address: one that normalisation would change or refuse is
 * rejected here rather than silently never matching.
 */
const therapistEmails = z.string().transform((value, ctx) => {
  const addresses = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  const normalised: string[] = [];
  for (const address of addresses) {
    const result = normaliseEmailAddress(address);
    if (!result || !z.email().safeParse(result).success) {
      ctx.addIssue({ code: "custom", message: `"${address}" is not a plain ASCII email address` });
      return z.NEVER;
    }
    normalised.push(result);
  }
  if (normalised.length === 0) {
    ctx.addIssue({ code: "custom", message: "list at least one address" });
    return z.NEVER;
  }
  return normalised;
});

const DEVELOPMENT_NEWSLETTER_SECRET = "attune-development-newsletter-secret-not-for-production";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // No default here: in development it follows the port (appUrlOr).
    APP_URL: appUrl,
    // Set by next dev/start to the port they listen on.
    PORT: optionalString,
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
    // The list of erased people (lib/privacy/erasure-ledger.ts), outside the database and its backups.
    // deploy/systemd sets /var/lib/attune/erasures: a release folder is replaced on every upgrade.
    ERASURES_FILE: z.preprocess(emptyAsUndefined, z.string().default(".data/erasures")),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    EMAIL_SEND_TIMEOUT_MS: positiveInt(15_000),
    OUTBOX_MAX_ATTEMPTS: positiveInt(8),
    OUTBOX_SWEEP_INTERVAL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(30)),
    CRON_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "use at least 32 random characters").optional()),
    // How the client's address is known (lib/security/client-ip.ts): a header
    // the proxy overwrites, or how many of our proxies append to
    // X-Forwarded-For. Neither: the TCP peer, which is only right with no proxy.
    TRUSTED_IP_HEADER: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .toLowerCase()
        .regex(/^[a-z0-9-]+$/, "a header name, e.g. x-real-ip")
        .refine((name) => name !== "x-forwarded-for", "a client can write X-Forwarded-For; set TRUSTED_PROXY_HOPS instead")
        .optional(),
    ),
    TRUSTED_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10).optional()),
    RATE_LIMIT_SALT: z.preprocess(emptyAsUndefined, z.string().default("attune-development-salt")),
    POSTS_FIXTURES_DIR: postsFixturesDir,
    AUTH_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, "use at least 32 random characters (openssl rand -base64 32)").default(DEVELOPMENT_AUTH_SECRET),
    ),
    // Unset outside production: the demo practice's own address may sign in.
    THERAPIST_EMAILS: z.preprocess(emptyAsUndefined, therapistEmails.optional()),
    AUTH_SESSION_IDLE_MINUTES: positiveInt(60),
    AUTH_SESSION_MAX_HOURS: positiveInt(12),
    BOOKING_LINK_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, "use at least 32 random characters").default("attune-development-booking-link-secret"),
    ),
    NEWSLETTER_TOKEN_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, "use at least 32 random characters").default(DEVELOPMENT_NEWSLETTER_SECRET),
    ),
    RESEND_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().startsWith("whsec_", "use the signing secret Resend shows, whsec_…").optional()),
    // Only the tests, whose calendar server listens on loopback, turn this on: see .env.example.
    CALENDAR_FEEDS_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")).transform((value) => value === "1"),
    // Practice-wide: emails an hour to addresses nobody has proven (lib/email/unverified.ts).
    // One sign-in link per address per this many seconds (lib/auth/sign-in-link.ts); the end-to-end suite shortens it.
    SIGN_IN_COOLDOWN_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).default(60)),
    UNVERIFIED_EMAILS_PER_HOUR: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(30)),
    // At most one notice of a kind to the therapist in this many minutes; the rest wait for one summary
    // (lib/email/therapist-notices.ts). 0 sends each at once, as the end-to-end suite does.
    THERAPIST_NOTICE_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(1440).default(10)),
    // Opt-in for /dev/mailbox, set by `npm run dev` (lib/email/transport.ts).
    DEV_MAILBOX: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")).transform((value) => value === "1"),
    // Set by `npm run dev`: the server adds the demo practice's data on start (lib/demo/seed-demo.ts).
    SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")).transform((value) => value === "1"),
    LIBRARY_ACCESS_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(30)),
    // How long a waitlist offer holds its time for the person it went to (lib/waitlist/offer-expiry.ts).
    WAITLIST_OFFER_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.25).max(72).default(2)),
  })
  .superRefine((env, ctx) => {
    if (env.TRUSTED_IP_HEADER && env.TRUSTED_PROXY_HOPS) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXY_HOPS"], message: "set either TRUSTED_IP_HEADER or TRUSTED_PROXY_HOPS, not both" });
    }
    if (env.NODE_ENV !== "production") return;
    if (!env.TRUSTED_IP_HEADER && !env.TRUSTED_PROXY_HOPS) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUSTED_IP_HEADER"],
        message:
          "say how the client's address is known: TRUSTED_IP_HEADER=x-real-ip behind deploy/nginx (proxy_set_header X-Real-IP $remote_addr), or TRUSTED_PROXY_HOPS=<proxies appending to X-Forwarded-For>",
      });
    }
    for (const key of ["RESEND_API_KEY", "CRON_SECRET", "THERAPIST_EMAILS"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
    if (env.DEV_MAILBOX) ctx.addIssue({ code: "custom", path: ["DEV_MAILBOX"], message: "the development mailbox never runs in production" });
    if (env.SEED_DEMO) ctx.addIssue({ code: "custom", path: ["SEED_DEMO"], message: "demo data never goes into a production database" });
    if (env.RATE_LIMIT_SALT === "attune-development-salt") {
      ctx.addIssue({ code: "custom", path: ["RATE_LIMIT_SALT"], message: "set a random value in production" });
    }
    if (env.AUTH_SECRET === DEVELOPMENT_AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (a random value)" });
    }
    if (env.BOOKING_LINK_SECRET === "attune-development-booking-link-secret") {
      ctx.addIssue({ code: "custom", path: ["BOOKING_LINK_SECRET"], message: "set a random value in production" });
    }
    if (env.NEWSLETTER_TOKEN_SECRET === DEVELOPMENT_NEWSLETTER_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEWSLETTER_TOKEN_SECRET"], message: "set a random value in production" });
    }
  })
  .transform(({ PORT, ...env }) => ({
    ...env,
    APP_URL: appUrlOr(env.APP_URL, env.NODE_ENV, PORT),
    THERAPIST_EMAILS: env.THERAPIST_EMAILS ?? [practice.notificationEmail.toLowerCase()],
  }));

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/**
 * The validated environment, read once. Lazy rather than at import so that
 * `next build` never needs runtime secrets; the server validates it on start
 * (instrumentation.ts), so a bad value still stops it early.
 */
export function env(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}\nSee .env.example.`);
  }
  cached = result.data;
  return cached;
}

/** An absolute address on this site, for emails, feeds and redirects: APP_URL joined to one of our paths. */
export function siteUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

/** For tests that change the environment between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

const contentEnvSchema = z.object({ APP_URL: appUrl, POSTS_FIXTURES_DIR: postsFixturesDir });

/**
 * The few variables that static pages, feeds and the sitemap read while
 * `next build` prerenders them. Apart from env() because a production build
 * has no runtime secrets, and env() would refuse to run without them.
 */
export function contentEnv(): { APP_URL: string; POSTS_FIXTURES_DIR?: string } {
  const result = contentEnvSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}\nSee .env.example.`);
  }
  return { ...result.data, APP_URL: appUrlOr(result.data.APP_URL, process.env.NODE_ENV, process.env.PORT) };
}
