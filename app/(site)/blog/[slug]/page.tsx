import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthorBox } from "@/components/blog/author-box";
import { ContentNote } from "@/components/blog/content-note";
import { JsonLd } from "@/components/blog/json-ld";
import { SeriesNav } from "@/components/blog/series-nav";
import { TableOfContents } from "@/components/blog/table-of-contents";
import { UnpublishedBanner } from "@/components/blog/unpublished-banner";
import { OG_IMAGE_SIZE, feedAlternates, openGraphLocale, postImagePath } from "@/lib/blog/blog-paths";
import { formatCalendarDate } from "@/lib/blog/dates";
import { renderPostBody } from "@/components/blog/post-body";
import { subscribeAction } from "../../newsletter/actions";
import { absoluteUrl, findPostPage, postPath, prerenderedSlugs } from "@/lib/blog/posts";
import { practice } from "@/lib/practice/practice";
import { blogPostingJsonLd, breadcrumbJsonLd } from "@/lib/blog/structured-data";

// Every post is built ahead; an unknown slug is a 404 without rendering.
export const dynamicParams = false;
// Hourly, so a scheduled post goes live on its day without a deploy.
export const revalidate = 3600;

export function generateStaticParams() {
  return prerenderedSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<"/blog/[slug]">): Promise<Metadata> {
  const page = findPostPage((await params).slug);
  if (!page) return {};
  const { post, status, series } = page;
  const image = { url: postImagePath(post.slug), ...OG_IMAGE_SIZE, alt: `${post.title}: part ${post.part} of ${series.title}` };
  return {
    title: post.title,
    description: post.description,
    alternates: { canonical: postPath(post.slug), types: feedAlternates(series) },
    openGraph: {
      type: "article",
      url: postPath(post.slug),
      title: post.title,
      description: post.description,
      siteName: practice.name,
      locale: openGraphLocale(),
      publishedTime: post.publishedAt.toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      authors: [practice.therapist.name],
      section: post.series,
      tags: post.tags,
      images: [image],
    },
    twitter: { card: "summary_large_image", title: post.title, description: post.description, images: [image] },
    ...(status === "published" ? {} : { robots: { index: false, follow: false } }),
  };
}

export default async function PostPage({ params }: PageProps<"/blog/[slug]">) {
  const page = findPostPage((await params).slug);
  if (!page) notFound();
  const { post, status, series, previous, next } = page;
  const { content, headings } = await renderPostBody(post, { subscribeAction: subscribeAction });
  const url = absoluteUrl(postPath(post.slug));
  const publishedOn = formatCalendarDate(post.published, practice.locale);

  return (
    <article className="container post">
      {status !== "published" ? <UnpublishedBanner status={status} date={publishedOn} /> : null}
      <header className="post-header prose">
        <nav aria-label="Breadcrumb" className="breadcrumbs">
          <ol>
            <li>
              <Link href="/">Home</Link>
            </li>
            <li>
              <Link href="/blog">Blog</Link>
            </li>
            <li>
              <a href={`/blog#${series.slug}`}>{series.title}</a>
            </li>
          </ol>
        </nav>
        <p className="post-part">
          Part {post.part} of {series.total}
        </p>
        <h1>{post.title}</h1>
        <p className="post-meta">
          By {practice.therapist.name}, {practice.therapist.credentials} · <time dateTime={post.published}>{publishedOn}</time>
          {post.updated !== post.published ? (
            <>
              {" "}
              · Updated <time dateTime={post.updated}>{formatCalendarDate(post.updated, practice.locale)}</time>
            </>
          ) : null}{" "}
          · {post.readingMinutes} min read
        </p>
        {post.contentNote ? <ContentNote note={post.contentNote} /> : null}
      </header>

      <TableOfContents headings={headings} />

      <div className="prose post-body">{content}</div>

      <footer className="post-footer prose">
        <SeriesNav previous={previous} next={next} seriesTitle={series.title} />
        <AuthorBox />
      </footer>

      <JsonLd
        data={blogPostingJsonLd({
          url,
          title: post.title,
          description: post.description,
          imageUrl: absoluteUrl(postImagePath(post.slug)),
          published: post.publishedAt,
          updated: post.updatedAt,
          tags: post.tags,
          wordCount: post.wordCount,
          language: practice.locale,
          series: { title: series.title, url: absoluteUrl(`/blog#${series.slug}`), part: post.part },
          author: { name: practice.therapist.name, jobTitle: practice.therapist.title, url: absoluteUrl("/") },
          publisher: { name: practice.name, url: absoluteUrl("/") },
        })}
      />
      <JsonLd
        data={breadcrumbJsonLd([
          { name: "Home", url: absoluteUrl("/") },
          { name: "Blog", url: absoluteUrl("/blog") },
          { name: post.title, url },
        ])}
      />
    </article>
  );
}
