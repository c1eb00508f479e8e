import type { Metadata } from "next";
import Link from "next/link";
import { BLOG_FEED_PATHS, BLOG_PATH, feedAlternates, openGraphLocale, seriesFeedPaths } from "@/lib/blog/blog-paths";
import { formatCalendarDate } from "@/lib/blog/dates";
import { allSeries, postPath, showsUnpublished } from "@/lib/blog/posts";
import { practice } from "@/lib/practice/practice";

// Hourly, so a scheduled part turns from "coming soon" into a link on its day.
export const revalidate = 3600;

const description = `Articles by ${practice.therapist.name}, ${practice.therapist.credentials}, on attachment, relational trauma and the bonds we build, written to be read slowly.`;

export const metadata: Metadata = {
  title: "Blog",
  description,
  alternates: { canonical: BLOG_PATH, types: feedAlternates() },
  openGraph: { type: "website", url: BLOG_PATH, title: `Blog · ${practice.name}`, description, siteName: practice.name, locale: openGraphLocale() },
  twitter: { card: "summary", title: `Blog · ${practice.name}`, description },
};

const statusLabel = { draft: "Draft: shown in development only", scheduled: "Scheduled: shown in development only" } as const;

export default function BlogPage() {
  const seriesList = allSeries();
  return (
    <div className="container blog-hub">
      <header className="prose">
        <h1>Blog</h1>
        <p className="lead">{description}</p>
        <p className="feed-links">
          Follow new posts by <a href={BLOG_FEED_PATHS.rss}>RSS</a> or <a href={BLOG_FEED_PATHS.atom}>Atom</a>.
        </p>
      </header>

      {seriesList.map((series) => {
        const feeds = seriesFeedPaths(series.slug);
        return (
          <section key={series.slug} id={series.slug} className="section series" aria-labelledby={`${series.slug}-heading`}>
            <h2 id={`${series.slug}-heading`}>{series.title}</h2>
            <p>
              A series in {series.total} {series.total === 1 ? "part" : "parts"}, best read in order. Follow this series by{" "}
              <a href={feeds.rss}>RSS</a> or <a href={feeds.atom}>Atom</a>.
            </p>
            <ol className="series-parts">
              {series.parts.map(({ post, status }) => {
                const date = formatCalendarDate(post.published, practice.locale);
                const linked = status === "published" || showsUnpublished();
                return (
                  <li key={post.slug} className="card series-part">
                    <p className="post-part">
                      Part {post.part} of {series.total}
                    </p>
                    <h3>{linked ? <Link href={postPath(post.slug)}>{post.title}</Link> : post.title}</h3>
                    {status === "published" ? <p>{post.description}</p> : null}
                    <p className="part-meta">
                      {status === "scheduled" ? (
                        <>
                          <strong>Coming soon:</strong> <time dateTime={post.published}>{date}</time>
                        </>
                      ) : (
                        <>
                          <time dateTime={post.published}>{date}</time> · {post.readingMinutes} min read
                        </>
                      )}
                    </p>
                    {status !== "published" && linked ? <p className="unpublished-tag">{statusLabel[status]}</p> : null}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
