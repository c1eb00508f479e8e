// Lighthouse (mobile preset) on a post, the blog hub and the home page,
// against the production build, in the system Chromium. Prints the four
// category scores of each page and, for any below 100, the audits that cost it.
//
//   node bench/lighthouse.mjs              starts the production build on a free port
//   node bench/lighthouse.mjs --url URL    audits a server that is already running
import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { withServer } from "./next-server.mjs";

export const LIGHTHOUSE_PAGES = ["/blog/secure-attachment-with-your-baby", "/blog", "/"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function lighthouseScores(baseUrl, pages = LIGHTHOUSE_PAGES) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
  const rows = [];
  try {
    for (const path of pages) {
      // Lighthouse's default configuration is the mobile preset: a mid-range phone on a slow 4G connection, simulated.
      const result = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
      const losses = [];
      for (const id of CATEGORIES) {
        if (scores[id] === 100) continue;
        for (const ref of lhr.categories[id].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
            losses.push(`${id}: ${audit.title} (${ref.id}, score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""})`);
          }
        }
      }
      const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
        .map((id) => `${id.split("-").map((word) => word[0]).join("").toUpperCase()} ${lhr.audits[id]?.displayValue ?? "?"}`)
        .join(" · ");
      rows.push({ path, scores, losses, metrics, lhr });
    }
  } finally {
    await chrome.kill();
  }

  // Full reports for digging into a score; bench/results is not committed.
  mkdirSync("bench/results", { recursive: true });
  for (const { path, lhr } of rows) {
    writeFileSync(`bench/results/lighthouse${path === "/" ? "-home" : path.replaceAll("/", "-")}.json`, JSON.stringify(lhr));
  }

  // Lighthouse's CPU benchmark of this machine at the time: scores on a busy shared machine run lower.
  const benchmarkIndex = rows.map((row) => Math.round(row.lhr.environment.benchmarkIndex)).join("/");
  console.info(`\nLighthouse ${rows[0]?.lhr.lighthouseVersion ?? ""} (mobile), ${baseUrl}, machine benchmark index ${benchmarkIndex}`);
  console.info(`${"page".padEnd(42)}${"perf".padStart(6)}${"a11y".padStart(6)}${"best".padStart(6)}${"seo".padStart(6)}`);
  for (const row of rows) {
    console.info(`${row.path.padEnd(42)}${CATEGORIES.map((id) => String(row.scores[id]).padStart(6)).join("")}`);
    console.info(`${"".padEnd(4)}${row.metrics}`);
    for (const loss of row.losses) console.info(`${"".padEnd(4)}below 100 because of: ${loss}`);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await withServer((baseUrl) => lighthouseScores(baseUrl));
}
