import Link from "next/link";
import { FromTheBlog } from "@/components/blog/from-the-blog";
import { practice } from "@/lib/practice/practice";
import { licensedStatesText } from "@/lib/practice/us-states";

export default function HomePage() {
  const { therapist } = practice;
  return (
    <div className="container">
      <section className="hero" aria-labelledby="intro-heading">
        <h1 id="intro-heading">{practice.tagline}</h1>
        <p className="lead">
          I&apos;m {therapist.name}, {therapist.credentials}, a {therapist.title.toLowerCase()} in {practice.city}.{" "}
          {therapist.bio[0]}
        </p>
        <div className="actions">
          <Link href="/contact" className="button">
            Reach out
          </Link>
          <Link href="/book" className="button button-secondary">
            Book an intake session
          </Link>
        </div>
      </section>

      <section className="section" aria-labelledby="who-heading">
        <h2 id="who-heading">Who I help</h2>
        <ul className="cards">
          {practice.whoIHelp.map((group) => (
            <li key={group.title} className="card">
              <h3>{group.title}</h3>
              <p>{group.description}</p>
            </li>
          ))}
        </ul>
      </section>

      <FromTheBlog />

      <section className="section prose" aria-labelledby="about-heading">
        <h2 id="about-heading">About me</h2>
        {therapist.bio.slice(1).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>
          I see clients in {licensedStatesText(practice.licensedStates)}. If you are wondering whether we would be a good
          fit, <Link href="/contact">send me a message</Link>: there is no pressure and no commitment.
        </p>
      </section>
    </div>
  );
}
