/**
 * JSON for a <script type="application/ld+json"> block. JSON.stringify alone
 * is not safe inside HTML: a title containing "</script>" would end the block
 * early, so every character that HTML or old JavaScript parsers treat
 * specially is written as a \u escape, which JSON reads back unchanged.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export type BlogPostingInput = {
  url: string;
  title: string;
  description: string;
  imageUrl: string;
  published: Date;
  updated: Date;
  tags: string[];
  wordCount: number;
  language: string;
  series: { title: string; url: string; part: number };
  author: { name: string; jobTitle: string; url: string };
  publisher: { name: string; url: string };
};

/** schema.org BlogPosting, as search engines read an article. */
export function blogPostingJsonLd(post: BlogPostingInput) {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "@id": `${post.url}#article`,
    mainEntityOfPage: { "@type": "WebPage", "@id": post.url },
    url: post.url,
    headline: post.title,
    description: post.description,
    image: [post.imageUrl],
    datePublished: post.published.toISOString(),
    dateModified: post.updated.toISOString(),
    inLanguage: post.language,
    keywords: post.tags.join(", "),
    wordCount: post.wordCount,
    position: post.series.part,
    isPartOf: { "@type": "CreativeWorkSeries", name: post.series.title, url: post.series.url },
    author: { "@type": "Person", name: post.author.name, jobTitle: post.author.jobTitle, url: post.author.url },
    publisher: { "@type": "Organization", name: post.publisher.name, url: post.publisher.url },
  };
}

/** schema.org BreadcrumbList: the trail from the home page to this one. */
export function breadcrumbJsonLd(trail: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({ "@type": "ListItem", position: index + 1, name: crumb.name, item: crumb.url })),
  };
}
