import Link from "next/link";
import { allSeries, postPath } from "@/lib/blog/posts";

/** The home page's pointer to the blog: the first series, where it starts, and the way to the hub. */
export function FromTheBlog() {
  const series = allSeries()[0];
  if (!series) return null;
  const first = series.parts.find((part) => part.status === "published")?.post;
  return (
    <section className="section prose" aria-labelledby="blog-heading">
      <h2 id="blog-heading">From the blog</h2>
      <p>
        <strong>{series.title}</strong>, a series in {series.total} {series.total === 1 ? "part" : "parts"}
        {first ? (
          <>
            , starts with <Link href={postPath(first.slug)}>{first.title}</Link>: {first.description}
          </>
        ) : (
          "."
        )}
      </p>
      <p>
        <Link href="/blog">See every part of the series on the blog</Link>
      </p>
    </section>
  );
}
