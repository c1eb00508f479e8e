/**
 * Whether a value has the shape of a token we put in a link: 43 base64url
 * characters, which is how 256 bits come out, whether drawn at random
 * (randomToken in ./hash.ts) or derived by an HMAC (manage-booking,
 * unsubscribe and sign-in links). Anything else is refused before any lookup,
 * so a path or form field of the wrong shape never reaches the database, and
 * a token is only ever echoed into a redirect once it is known to be harmless.
 */
export function isIssuedToken(value: unknown): value is string {
  return typeof value === "string" && ISSUED_TOKEN.test(value);
}

const ISSUED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
