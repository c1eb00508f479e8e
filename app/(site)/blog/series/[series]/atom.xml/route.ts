import { feedResponse } from "@/lib/blog/blog-feeds";
import { seriesSlugs } from "@/lib/blog/posts";

// Built once and refreshed hourly, so a scheduled part joins the feed on its day.
export const dynamic = "force-static";
export const revalidate = 3600;
export const dynamicParams = false;

export function generateStaticParams() {
  return seriesSlugs().map((series) => ({ series }));
}

export async function GET(_request: Request, { params }: RouteContext<"/blog/series/[series]/atom.xml">) {
  return feedResponse("atom", (await params).series);
}
