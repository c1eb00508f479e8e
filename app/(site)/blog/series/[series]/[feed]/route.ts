import { feedResponse, type FeedFormat } from "@/lib/blog/blog-feeds";
import { seriesSlugs } from "@/lib/blog/posts";

/** A series' two feeds, rss.xml and atom.xml: the same posts, in each reader's format. */
const formats = new Map<string, FeedFormat>([
  ["rss.xml", "rss"],
  ["atom.xml", "atom"],
]);

// Built once and refreshed hourly, so a scheduled part joins the feed on its day.
export const dynamic = "force-static";
export const revalidate = 3600;
export const dynamicParams = false;

export function generateStaticParams() {
  return seriesSlugs().flatMap((series) => [...formats.keys()].map((feed) => ({ series, feed })));
}

export async function GET(_request: Request, { params }: RouteContext<"/blog/series/[series]/[feed]">) {
  const { series, feed } = await params;
  const format = formats.get(feed);
  // Only the two names are built (dynamicParams is false); this keeps any other from reaching the feed.
  if (!format) return new Response("No such feed.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return feedResponse(format, series);
}
