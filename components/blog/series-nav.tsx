import Link from "next/link";
import { formatCalendarDate } from "@/lib/blog/dates";
import type { ListedPart } from "@/lib/blog/posts";
import { practice } from "@/lib/practice/practice";

function Neighbour({ part, rel }: { part: ListedPart; rel: "prev" | "next" }) {
  const label = rel === "prev" ? "Previous" : "Next";
  if (part.status === "scheduled") {
    return (
      <p className={`series-nav-${rel}`}>
        <span className="series-nav-static">
          <span className="series-nav-label">
            {label}: Part {part.post.part}, coming {formatCalendarDate(part.post.published, practice.locale)}
          </span>{" "}
          <span className="series-nav-title">{part.post.title}</span>
        </span>
      </p>
    );
  }
  return (
    <p className={`series-nav-${rel}`}>
      <Link href={`/blog/${part.post.slug}`} rel={rel}>
        <span className="series-nav-label">
          {label}: Part {part.post.part}
        </span>{" "}
        <span className="series-nav-title">{part.post.title}</span>
      </Link>
    </p>
  );
}

/** Previous and next within the series. */
export function SeriesNav({ previous, next, seriesTitle }: { previous?: ListedPart; next?: ListedPart; seriesTitle: string }) {
  if (!previous && !next) return null;
  return (
    <nav className="series-nav" aria-label={`${seriesTitle}: previous and next part`}>
      {previous ? <Neighbour part={previous} rel="prev" /> : null}
      {next ? <Neighbour part={next} rel="next" /> : null}
    </nav>
  );
}
