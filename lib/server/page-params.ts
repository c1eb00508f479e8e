import { withinBookingWindow } from "@/lib/booking/booking-window";
import { practice } from "@/lib/practice/practice";

/*
 * The query strings of the pages that read one, checked at the edge
 * (proxy.ts) before the page runs. Each parameter has the shape our own links
 * give it; anything else is a hand-made address, answered with a plain 400
 * page instead of reaching the page's code (and, for a start time, the
 * database). Parameters a page does not read pass untouched, as they do on
 * every other page.
 */

export type PageParamsVerdict = "fine" | "invalid" | "time not available";

type Check = (value: string, params: URLSearchParams, now: Date) => PageParamsVerdict | boolean;

const YEARS = { first: 2000, last: 2199 };

function isCalendarDay(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < YEARS.first || year > YEARS.last) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const where: Check = (value) => /^(?:[A-Z]{2}|outside-us|elsewhere)$/.test(value);
const sessionType: Check = (value) => /^[a-z][a-z0-9-]{1,39}$/.test(value);
// A zone as our links write it, or as she typed it in "Another zone" ("new york", "São Paulo"): the page only looks it up.
const timeZone: Check = (value) => /^\p{L}[\p{L}\p{N}_+\-/ .']{0,63}$/u.test(value);
const day: Check = (value) => isCalendarDay(value);
const month: Check = (value) => /^\d{4}-\d{2}$/.test(value) && isCalendarDay(`${value}-01`);

/** A start as /book writes it (an ISO instant), within the chosen kind's window; an unknown kind gets the longest. */
const start: Check = (value, params, now) => {
  // Years past 9999 (the six-digit form a Date writes) are a shape of instant too: a time not available, not junk.
  if (!/^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  const startsAt = new Date(value);
  if (Number.isNaN(startsAt.getTime())) return false;
  const types = practice.booking.sessionTypes;
  const horizonDays = types.find((type) => type.slug === params.get("type"))?.horizonDays ?? Math.max(...types.map((type) => type.horizonDays));
  return withinBookingWindow(startsAt, horizonDays, now) ? true : "time not available";
};

/** The private area's words in its own links and redirects (`?status=requested`, `?test=sent`…) and its page numbers. */
const word: Check = (value) => /^[A-Za-z0-9_-]{1,40}$/.test(value);
const pageNumber: Check = (value) => /^[1-9]\d{0,5}$/.test(value);

const PAGES: { path: RegExp; params: Record<string, Check> }[] = [
  { path: /^\/book$/, params: { where, type: sessionType, day, month, tz: timeZone } },
  { path: /^\/book\/request$/, params: { where, type: sessionType, start, tz: timeZone } },
  { path: /^\/book\/manage\/[^/]+$/, params: { tz: timeZone, day } },
  { path: /^\/book\/waitlist$/, params: { where, type: sessionType, tz: timeZone } },
  { path: /^\/newsletter\/unsubscribe\/[^/]+$/, params: { series: word } },
  { path: /^\/admin\/requests$/, params: { status: word, when: word } },
  { path: /^\/admin\/newsletter\/[^/]+$/, params: { test: word, problem: word, unscheduled: word } },
  { path: /^\/admin\/subscribers$/, params: { page: pageNumber } },
  { path: /^\/admin\/waitlist$/, params: { done: word, problem: word } },
];

/** Longer than any link of ours: a query string past it is refused whole. */
const MAX_QUERY_LENGTH = 1024;

export function checkPageParams(pathname: string, search: string, now = new Date()): PageParamsVerdict {
  const page = PAGES.find(({ path }) => path.test(pathname));
  if (!page || search === "" || search === "?") return "fine";
  if (search.length > MAX_QUERY_LENGTH) return "invalid";
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return "invalid";
  }
  let verdict: PageParamsVerdict = "fine";
  for (const name of new Set(params.keys())) {
    if (!Object.hasOwn(page.params, name)) continue;
    const check = page.params[name]!;
    const values = params.getAll(name);
    // The pages read one value a name; a repeated one is not from our links.
    if (values.length > 1) return "invalid";
    const result = check(values[0]!, params, now);
    if (result === false || result === "invalid") return "invalid";
    if (result === "time not available") verdict = result;
  }
  return verdict;
}
