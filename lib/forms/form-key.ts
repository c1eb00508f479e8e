import "server-only";
import { sha256 } from "@/lib/security/hash";

/**
 * What is stored of a rendered form's key: its sha256, never the key.
 *
 * Plain sha256 rather than a keyed hash: the key is a random UUID the server
 * rendered into the page (122 random bits), so no table of guesses can turn
 * a stored hash back into a key, and a copy of the database opens nothing.
 * Without a secret in it, the migration that hashed the keys already stored
 * could do so in SQL, and rotating a secret can never make a resubmitted page
 * look new and book twice. Lower-cased first: the column held UUIDs in their
 * canonical form.
 */
export function formKeyHash(formKey: string): string {
  return sha256(formKey.toLowerCase());
}
