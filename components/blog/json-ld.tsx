import { serializeJsonLd } from "@/lib/blog/structured-data";

/** Structured data for search engines, escaped so no value can break out of the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
