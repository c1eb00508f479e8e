// Plain ASCII dot-atom addresses only: no quoted local parts, no comments,
// no IP literals. Nobody books a session with those, and each is a way to
// make two different-looking strings one mailbox. A label is 1 to 63
// characters and neither starts nor ends with a hyphen (RFC 1035).
const PLAIN_ADDRESS =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The one form of an email address the portal stores and compares: trimmed,
 * NFKC-normalised and lower-cased. Anything still outside ASCII afterwards (a
 * Cyrillic "а" in place of a Latin "a", say) is refused rather than compared,
 * so a look-alike can never match a stored address. Null means "not an
 * address we accept".
 */
export function normaliseEmailAddress(raw: string): string | null {
  const normalised = raw.normalize("NFKC").trim().toLowerCase();
  if (normalised.length === 0 || normalised.length > 254) return null;
  if (/[^\x21-\x7e]/.test(normalised)) return null;
  const at = normalised.lastIndexOf("@");
  if (at < 1 || at > 64) return null;
  return PLAIN_ADDRESS.test(normalised) ? normalised : null;
}

/** Gmail's two domains reach one inbox, and Gmail ignores dots in the local part. */
const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox a per-address limit counts: `v+1@` and `v+2@` reach one inbox,
 * so they share one count, as do `v.ictim@gmail.com`, `vi.ctim@gmail.com` and
 * `victim@googlemail.com`. Only for counting; the address is stored and sent
 * as given.
 */
export function mailboxKey(normalised: string): string {
  const at = normalised.lastIndexOf("@");
  const domain = normalised.slice(at + 1);
  const local = normalised.slice(0, at).split("+")[0] || normalised.slice(0, at);
  if (!GMAIL_DOMAINS.has(domain)) return `${local}@${domain}`;
  return `${local.replaceAll(".", "") || local}@gmail.com`;
}
