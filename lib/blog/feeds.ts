/** One post in a feed. URLs are absolute: feed readers have no base to resolve against. */
export type FeedEntry = {
  title: string;
  url: string;
  summary: string;
  published: Date;
  updated: Date;
  categories: string[];
};

export type Feed = {
  title: string;
  description: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** The feed's own address. */
  selfUrl: string;
  language: string;
  author: string;
  entries: FeedEntry[];
};

// XML 1.0 refuses most control characters even when escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function latest(feed: Feed): Date {
  const times = feed.entries.map((entry) => entry.updated.getTime());
  // A feed with nothing published yet still needs a date; the epoch says "never".
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

/** RSS 2.0, with the atom:link that validators expect for the feed's own address. */
export function rssFeed(feed: Feed): string {
  const items = feed.entries.map(
    (entry) => `    <item>
      <title>${escapeXml(entry.title)}</title>
      <link>${escapeXml(entry.url)}</link>
      <guid isPermaLink="true">${escapeXml(entry.url)}</guid>
      <pubDate>${entry.published.toUTCString()}</pubDate>
      <dc:creator>${escapeXml(feed.author)}</dc:creator>
      <description>${escapeXml(entry.summary)}</description>
${entry.categories.map((category) => `      <category>${escapeXml(category)}</category>\n`).join("")}    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.pageUrl)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>${escapeXml(feed.language)}</language>
    <lastBuildDate>${latest(feed).toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join("\n")}
  </channel>
</rss>
`;
}

/** Atom 1.0. Entry ids are the post URLs, which never change once published. */
export function atomFeed(feed: Feed): string {
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <id>${escapeXml(entry.url)}</id>
    <published>${entry.published.toISOString()}</published>
    <updated>${entry.updated.toISOString()}</updated>
    <summary>${escapeXml(entry.summary)}</summary>
${entry.categories.map((category) => `    <category term="${escapeXml(category)}"/>\n`).join("")}  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <id>${escapeXml(feed.selfUrl)}</id>
  <updated>${latest(feed).toISOString()}</updated>
  <author><name>${escapeXml(feed.author)}</name></author>
${entries.join("\n")}
</feed>
`;
}
