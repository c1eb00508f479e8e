import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The Chromium the tests drive: $CHROMIUM_PATH, then Debian's, then the one
 * Playwright downloaded (where downloads work). Null when there is none.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = createRequire(import.meta.url)("@playwright/test");
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright not installed or knows of no browser: fall through.
  }
  return null;
}

export const NO_CHROMIUM_HELP = `No Chromium found for the end-to-end tests. Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)
  - anywhere with internet: npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome binary.`;

// Flags for a headless Chromium on a machine with no network but loopback.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
