import "server-only";
import { BLOG_FEED_PATHS, BLOG_PATH, seriesFeedPaths } from "./blog-paths";
import { atomFeed, rssFeed, type Feed } from "./feeds";
import { absoluteUrl, allPosts, postPath, publishedPosts } from "./posts";
import { practice } from "@/lib/practice/practice";

export type FeedFormat = "rss" | "atom";

function feedFor(format: FeedFormat, seriesSlug?: string): Feed | undefined {
  const posts = publishedPosts(new Date(), seriesSlug);
  let title = `${practice.name}: blog`;
  let description = `Articles by ${practice.therapist.name}, ${practice.therapist.credentials}.`;
  let selfPath: string = BLOG_FEED_PATHS[format];
  let pagePath = BLOG_PATH;
  if (seriesSlug) {
    const series = allPosts().find((post) => post.seriesSlug === seriesSlug && !post.draft);
    if (!series) return undefined;
    title = `${series.series} · ${practice.name}`;
    description = `Each part of "${series.series}" by ${practice.therapist.name}, ${practice.therapist.credentials}, as it is published.`;
    selfPath = seriesFeedPaths(seriesSlug)[format];
    pagePath = `${BLOG_PATH}#${seriesSlug}`;
  }
  return {
    title,
    description,
    pageUrl: absoluteUrl(pagePath),
    selfUrl: absoluteUrl(selfPath),
    language: practice.locale,
    author: `${practice.therapist.name}, ${practice.therapist.credentials}`,
    entries: posts.map((post) => ({
      title: post.series ? `${post.title} (${post.series}, part ${post.part})` : post.title,
      url: absoluteUrl(postPath(post.slug)),
      summary: post.description,
      published: post.publishedAt,
      updated: post.updatedAt,
      categories: post.tags,
    })),
  };
}

const contentTypes = { rss: "application/rss+xml; charset=utf-8", atom: "application/atom+xml; charset=utf-8" } as const;

/** A feed of published posts, all of them or one series', as an HTTP response. */
export function feedResponse(format: FeedFormat, seriesSlug?: string): Response {
  const feed = feedFor(format, seriesSlug);
  if (!feed) return new Response("No such series.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(format === "rss" ? rssFeed(feed) : atomFeed(feed), { headers: { "Content-Type": contentTypes[format] } });
}
