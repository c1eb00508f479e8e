/*
 * Why a domain's open bookings matter, and why these domains are spared.
 *
 * A free consultation is confirmed as soon as the address is proven. Whoever
 * receives the mail for a whole domain of their own (a "catch-all") can prove
 * any number of addresses there, and so fill the consultation calendar with
 * times the therapist must cancel by hand (issue 18, finding 4). So past
 * DOMAIN_OPEN_BOOKINGS open bookings from one domain, a new consultation
 * waits for the therapist, as an intake request does.
 *
 * The large mailbox providers below are the exception: each address there is
 * a separate person's account, nobody receives the mail of the whole domain,
 * and most of the practice's real visitors write from one of them. Counting
 * gmail.com as one sender would send every visitor's consultation to the
 * therapist for approval. Only exact domains are listed: a subdomain of a
 * provider is someone else's mail server.
 */

/** How many open bookings one domain may have before a new consultation waits for the therapist. */
export const DOMAIN_OPEN_BOOKINGS = 2;

export const mailboxProviders: ReadonlySet<string> = new Set([
  // Google
  "gmail.com",
  "googlemail.com",
  // Microsoft
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "live.com",
  "msn.com",
  // Yahoo and AOL
  "yahoo.com",
  "yahoo.co.uk",
  "ymail.com",
  "rocketmail.com",
  "aol.com",
  // Apple
  "icloud.com",
  "me.com",
  "mac.com",
  // Proton
  "proton.me",
  "protonmail.com",
  "pm.me",
  // U.S. internet providers' mailboxes
  "comcast.net",
  "att.net",
  "sbcglobal.net",
  "verizon.net",
  "charter.net",
  "cox.net",
  // Other large providers
  "gmx.com",
  "gmx.net",
  "mail.com",
  "zoho.com",
  "fastmail.com",
  "hey.com",
]);

export function isMailboxProvider(domain: string): boolean {
  return mailboxProviders.has(domain.toLowerCase());
}

// Second-level labels under which a country's registry sells names ("example.co.uk").
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "ac", "edu", "gov"]);

/**
 * The domain a booking is counted under: the registered name, so that
 * a.example.com and b.example.com (one owner, one catch-all) count together.
 * Without a public-suffix list this may group two owners under one name,
 * which costs them only the therapist's approval, never a refusal.
 */
export function registeredDomain(domain: string): string {
  const labels = domain.toLowerCase().split(".").filter(Boolean);
  const take = labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-take).join(".");
}
