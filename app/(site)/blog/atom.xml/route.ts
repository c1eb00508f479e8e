import { feedResponse } from "@/lib/blog/blog-feeds";

// Built once and refreshed hourly, so a scheduled post joins the feed on its day.
export const dynamic = "force-static";
export const revalidate = 3600;

export function GET() {
  return feedResponse("atom");
}
