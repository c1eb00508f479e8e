import { practice } from "@/lib/practice/practice";

const format = new Intl.DateTimeFormat(practice.locale, { dateStyle: "medium", timeStyle: "short", timeZone: practice.timeZone });

/** A moment in the practice's own time zone, with the exact instant for machines. */
export function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{format.format(at)}</time>;
}
