// Plain ASCII dot-atom addresses only: no quoted local parts, no comments,
// no IP literals. Nobody signs in to a private practice portal with those,
// and each is a way to make two different-looking strings one mailbox.
const PLAIN_ADDRESS = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/**
 * The one form of an email address we compare: trimmed, NFKC-normalised and
 * lower-cased. Anything still outside ASCII afterwards (a Cyrillic "а" in
 * place of a Latin "a", say) is refused rather than compared, so a look-alike
 * can never match a configured address. Null means "not an address we accept".
 */
export function normaliseEmailAddress(raw: string): string | null {
  const normalised = raw.normalize("NFKC").trim().toLowerCase();
  if (normalised.length === 0 || normalised.length > 254) return null;
  if (/[^\x21-\x7e]/.test(normalised)) return null;
  return PLAIN_ADDRESS.test(normalised) ? normalised : null;
}
