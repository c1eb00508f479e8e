import { freebieKindLabels, type Freebie } from "@/lib/freebies/schema";

type FreebieListProps = {
  freebies: Freebie[];
  /** Inside the library: download links and video links. Outside: descriptions only. */
  open: boolean;
  headingLevel?: 2 | 3;
};

function hostOf(url: string) {
  return new URL(url).host;
}

/** What subscribers get, as cards. */
export function FreebieList({ freebies, open, headingLevel = 3 }: FreebieListProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="cards freebie-cards">
      {freebies.map((freebie) => (
        <li key={freebie.slug} className="card">
          <p className="freebie-kind">{freebieKindLabels[freebie.kind]}</p>
          <Heading id={`freebie-${freebie.slug}`}>{freebie.title}</Heading>
          <p>{freebie.summary}</p>
          <p className="freebie-time">{freebie.time}</p>
          {open && freebie.kind !== "video" ? (
            <a
              className="button"
              href={`/freebies/library/download/${freebie.slug}`}
              download={`${freebie.slug}.pdf`}
              aria-describedby={`freebie-${freebie.slug}`}
            >
              Download the PDF
            </a>
          ) : null}
          {open && freebie.kind === "video" ? (
            // A link rather than an embedded player: a player would load the
            // video host's scripts and cookies into this page.
            <div>
              <a className="button button-secondary" href={freebie.embedUrl} rel="noopener noreferrer" aria-describedby={`freebie-${freebie.slug}`}>
                Watch the video
              </a>
              <p className="freebie-host">Opens on {hostOf(freebie.embedUrl)}.</p>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
