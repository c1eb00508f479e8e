import { practice } from "@/lib/practice/practice";

/** Who wrote the post, from the practice's configuration. */
export function AuthorBox() {
  const { therapist } = practice;
  return (
    <section className="author-box" aria-labelledby="about-the-author">
      <h2 id="about-the-author">About the author</h2>
      <p className="author-name">
        {therapist.name}, {therapist.credentials}
        {therapist.pronouns ? <span className="author-pronouns"> ({therapist.pronouns})</span> : null}
      </p>
      <p className="author-role">
        {therapist.title} · {practice.name} · {practice.city}
      </p>
      {therapist.bio.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}
