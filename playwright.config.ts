import { rmSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_SIGN_IN_COOLDOWN_SECONDS, E2E_THERAPISTS } from "./e2e/fixtures/e2e-env";
import { E2E_BOOKING_LINK_SECRET } from "./e2e/fixtures/booking";
import { E2E_WEBHOOK_SECRET } from "./e2e/fixtures/webhook-secret";
import { CHROMIUM_ARGS, NO_CHROMIUM_HELP, findChromium } from "./scripts/find-chromium.mjs";

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_HELP);

const pgliteDir = process.env.E2E_PGLITE_DIR ?? ".data/e2e";
// The config is read again in every worker; only the runner starts afresh.
if (process.env.TEST_WORKER_INDEX === undefined && !process.env.DATABASE_URL) rmSync(pgliteDir, { recursive: true, force: true });

const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
// A second server whose database is unreachable, for the failure journeys.
const DOWN_APP_PORT = APP_PORT + 1;
const RESEND_PORT = Number(process.env.E2E_RESEND_PORT ?? 3025);

// Auth.js and cookies want a host name, not 127.0.0.1.
const appUrl = `http://localhost:${APP_PORT}`;

/** What every test server needs: production mode refuses to start without these. e2e/email-delivery.spec.ts starts one more with them. */
export const serverEnv = {
  RESEND_API_KEY: "re_test_e2e",
  RESEND_BASE_URL: `http://127.0.0.1:${RESEND_PORT}`,
  CRON_SECRET: "e2e-cron-secret-that-is-long-enough-000",
  RATE_LIMIT_SALT: "e2e-rate-limit-salt",
  AUTH_SECRET: E2E_AUTH_SECRET,
  THERAPIST_EMAILS: E2E_THERAPISTS.join(","),
  BOOKING_LINK_SECRET: E2E_BOOKING_LINK_SECRET,
  NEWSLETTER_TOKEN_SECRET: "e2e-newsletter-token-secret-long-enough-000",
  RESEND_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
  // The tests play the one proxy in front: each sends its own X-Forwarded-For
  // (e2e/fixtures/index.ts) so rate limits never leak between tests, and the
  // app takes the entry one hop from the right, as behind a real proxy.
  TRUSTED_PROXY_HOPS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // e2e/calendar-feeds.spec.ts serves the therapist's calendar from loopback.
  CALENDAR_FEEDS_ALLOW_PRIVATE: "1",
  // The journeys send more first emails than a real hour sees; the ceiling has its integration test.
  UNVERIFIED_EMAILS_PER_HOUR: "100000",
  // Journeys follow the notice of their own message or request; the ten-minute summary has its integration test.
  THERAPIST_NOTICE_MINUTES: "0",
  // The passkey journeys sign one address in several times a minute; the cooldown has its integration test.
  SIGN_IN_COOLDOWN_SECONDS: String(E2E_SIGN_IN_COOLDOWN_SECONDS),
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } } }],
  webServer: [
    {
      command: `node e2e/fixtures/fake-resend.mjs --port ${RESEND_PORT}`,
      url: `http://127.0.0.1:${RESEND_PORT}/__emails`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // The production build, as deployed; scripts/test.mjs builds it first.
      // Booking needs a known week and an expired link in the database first (e2e/fixtures/seed-booking.ts).
      command: `npx tsx --conditions=react-server e2e/fixtures/seed-booking.ts && npx next start -p ${APP_PORT}`,
      url: appUrl,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        ...serverEnv,
        APP_URL: appUrl,
        // A fresh embedded database per run unless DATABASE_URL says otherwise.
        PGLITE_DIR: pgliteDir,
        OUTBOX_SWEEP_INTERVAL_SECONDS: "2",
        // The blog's test draft and scheduled post (see .env.example); the build must have them too.
        POSTS_FIXTURES_DIR: "e2e/fixtures/posts",
      },
    },
    {
      command: `npx next start -p ${DOWN_APP_PORT}`,
      url: `http://localhost:${DOWN_APP_PORT}`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...serverEnv,
        APP_URL: `http://localhost:${DOWN_APP_PORT}`,
        // Nothing listens on port 1: every connection is refused at once.
        DATABASE_URL: "postgres://postgres@127.0.0.1:1/unreachable",
        OUTBOX_SWEEP_INTERVAL_SECONDS: "0",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
