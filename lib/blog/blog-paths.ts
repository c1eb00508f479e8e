import type { Metadata } from "next";
import { practice } from "@/lib/practice/practice";

export const BLOG_PATH = "/blog";
export const BLOG_FEED_PATHS = { rss: "/blog/rss.xml", atom: "/blog/atom.xml" } as const;

export function seriesFeedPaths(seriesSlug: string) {
  return { rss: `/blog/series/${seriesSlug}/rss.xml`, atom: `/blog/series/${seriesSlug}/atom.xml` } as const;
}

/** <link rel="alternate"> tags so feed readers find the feeds from any blog page. */
export function feedAlternates(series?: { title: string; slug: string }): NonNullable<Metadata["alternates"]>["types"] {
  const rss: { url: string; title: string }[] = [{ url: BLOG_FEED_PATHS.rss, title: `${practice.name}: all posts (RSS)` }];
  const atom: { url: string; title: string }[] = [{ url: BLOG_FEED_PATHS.atom, title: `${practice.name}: all posts (Atom)` }];
  if (series) {
    const paths = seriesFeedPaths(series.slug);
    rss.push({ url: paths.rss, title: `${series.title} (RSS)` });
    atom.push({ url: paths.atom, title: `${series.title} (Atom)` });
  }
  return { "application/rss+xml": rss, "application/atom+xml": atom };
}

/** OpenGraph wants en_US where the practice writes en-US. */
export function openGraphLocale(): string {
  return practice.locale.replace("-", "_");
}

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The post's link-preview card, drawn by app/(site)/blog/[slug]/og-image.png. */
export function postImagePath(slug: string): string {
  return `/blog/${slug}/og-image.png`;
}
