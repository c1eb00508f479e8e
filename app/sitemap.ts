import type { MetadataRoute } from "next";
import { absoluteUrl, postPath, publishedPosts } from "@/lib/blog/posts";

// Hourly, so a scheduled post is listed from its day on.
export const revalidate = 3600;

// The public pages that are not posts; each capability adds its page here when it ships.
const pages = ["/", "/blog", "/what-to-expect", "/contact", "/privacy"];

export default function sitemap(): MetadataRoute.Sitemap {
  const posts = publishedPosts();
  return [
    ...pages.map((page) => ({
      url: absoluteUrl(page),
      ...(page === "/blog" && posts[0] ? { lastModified: new Date(Math.max(...posts.map((post) => post.updatedAt.getTime()))) } : {}),
    })),
    ...posts.map((post) => ({ url: absoluteUrl(postPath(post.slug)), lastModified: post.updatedAt })),
  ];
}
