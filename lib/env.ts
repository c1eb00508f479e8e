import "server-only";
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const positiveInt = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));

const DEVELOPMENT_NEWSLETTER_SECRET = "attune-development-newsletter-secret-not-for-production";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3000")),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    EMAIL_SEND_TIMEOUT_MS: positiveInt(15_000),
    OUTBOX_MAX_ATTEMPTS: positiveInt(8),
    OUTBOX_SWEEP_INTERVAL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(30)),
    CRON_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "use at least 32 random characters").optional()),
    TRUSTED_IP_HEADER: z.preprocess(emptyAsUndefined, z.string().toLowerCase().default("x-forwarded-for")),
    RATE_LIMIT_SALT: z.preprocess(emptyAsUndefined, z.string().default("attune-development-salt")),
    NEWSLETTER_TOKEN_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, "use at least 32 random characters").default(DEVELOPMENT_NEWSLETTER_SECRET),
    ),
    RESEND_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().startsWith("whsec_", "use the signing secret Resend shows, whsec_…").optional()),
    LIBRARY_ACCESS_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    for (const key of ["RESEND_API_KEY", "CRON_SECRET"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
    if (env.RATE_LIMIT_SALT === "attune-development-salt") {
      ctx.addIssue({ code: "custom", path: ["RATE_LIMIT_SALT"], message: "set a random value in production" });
    }
    if (env.NEWSLETTER_TOKEN_SECRET === DEVELOPMENT_NEWSLETTER_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEWSLETTER_TOKEN_SECRET"], message: "set a random value in production" });
    }
  });

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

/** For tests that change the environment between cases. */
export function resetEnvForTests() {
  cached = undefined;
}
