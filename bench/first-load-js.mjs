// First-load JavaScript of blog pages beside a bare page of the same app.
// Fetches each page's HTML from `next start` and sums the gzip size of every
// script it loads: the <script src> chunks (what Next calls first-load JS)
// and, apart, the inline scripts, which carry the React Server Components
// payload (the page's content again, for client navigation).
//
//   node bench/first-load-js.mjs              starts the production build on a free port
//   node bench/first-load-js.mjs --url URL    measures a server that is already running
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { withServer } from "./next-server.mjs";

export const FLOOR_PAGE = "/privacy";
export const BLOG_PAGES = ["/blog/secure-attachment-with-your-baby", "/blog"];

const gzipBytes = (text) => gzipSync(Buffer.from(text)).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function scriptUrls(html, baseUrl) {
  const urls = new Set();
  for (const [tag, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    // Polyfills for browsers without modules: every current browser skips them unfetched.
    if (/\bnomodule\b/i.test(tag)) continue;
    urls.add(new URL(src.replaceAll("&amp;", "&"), baseUrl).toString());
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && (/rel="modulepreload"/.test(tag) || (/rel="preload"/.test(tag) && /as="script"/.test(tag)))) urls.add(new URL(href, baseUrl).toString());
  }
  return [...urls];
}

/** The scripts of one page, each fetched and gzipped. */
export async function measurePage(baseUrl, path) {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  let external = 0;
  const urls = scriptUrls(html, baseUrl);
  for (const url of urls) {
    const script = await fetch(url);
    if (!script.ok) throw new Error(`${url} answered ${script.status}`);
    external += gzipBytes(await script.text());
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter(([tag]) => !/type="application\/ld\+json"/.test(tag))
    .map(([, body]) => body)
    .join("");
  return { path, scripts: urls.length, external, inline: gzipBytes(inline), html: gzipBytes(html) };
}

export async function firstLoadJs(baseUrl, pages = BLOG_PAGES) {
  const floor = await measurePage(baseUrl, FLOOR_PAGE);
  const rows = [floor];
  for (const path of pages) rows.push(await measurePage(baseUrl, path));
  console.info(`\nFirst-load JavaScript (gzip), ${baseUrl}`);
  console.info(`${"page".padEnd(42)}${"scripts".padStart(8)}${"chunks".padStart(10)}${"Δ floor".padStart(10)}${"inline".padStart(10)}${"Δ floor".padStart(10)}`);
  for (const row of rows) {
    const label = row === floor ? `${row.path} (floor: a bare page)` : row.path;
    const delta = (value) => (row === floor ? "" : `${value >= 0 ? "+" : ""}${kB(value)}`);
    console.info(
      `${label.padEnd(42)}${String(row.scripts).padStart(8)}${kB(row.external).padStart(10)}${delta(row.external - floor.external).padStart(10)}${kB(row.inline).padStart(10)}${delta(row.inline - floor.inline).padStart(10)}`,
    );
  }
  console.info("chunks: <script src> files (first-load JS); inline: the RSC payload and bootstrap scripts in the HTML.");
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await withServer((baseUrl) => firstLoadJs(baseUrl));
}
