import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/blog/posts";

export default function robots(): MetadataRoute.Robots {
  return {
    // The private area and the development tools are not for search engines;
    // both also refuse or hide themselves, so this is courtesy, not a gate.
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/dev"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
