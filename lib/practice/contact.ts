import type { Practice } from "./practice-schema";

/** "+1 503 555 0142" as an American reads it, "(503) 555-0142"; any other number as written. */
export function phoneForPeople(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) return `(${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`;
  return phone;
}

/** The number as a tel: link dials it from any country. */
export function phoneHref(phone: string): `tel:${string}` {
  return `tel:+${phone.replace(/\D/g, "")}`;
}

/** The office's street, city and ZIP, without the practice's name on the first line. */
export function officeAddress(practice: Practice): string[] {
  const lines = practice.booking.inPersonAddress;
  return lines.length > 1 && lines[0] === practice.name ? lines.slice(1) : lines;
}

/** A plain link to the address on OpenStreetMap: nothing is embedded, so the page loads nothing from elsewhere. */
export function mapHref(practice: Practice): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(officeAddress(practice).join(", "))}`;
}
