import Image from "next/image";
import Link from "next/link";
import { FromTheBlog } from "@/components/blog/from-the-blog";
import { PracticeContact } from "@/components/site/practice-contact";
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

      <section className="section about" aria-labelledby="about-heading">
        <Image
          className="therapist-photo"
          src={therapist.photo.src}
          width={therapist.photo.width}
          height={therapist.photo.height}
          alt={therapist.photo.alt}
          sizes="(min-width: 48rem) 16rem, 12rem"
        />
        <div className="prose">
          <h2 id="about-heading">About me</h2>
          {therapist.bio.slice(1).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p>
            I see clients in {licensedStatesText(practice.licensedStates)}, by telehealth or at my office in {practice.city}.
            If you are wondering whether we would be a good fit, <Link href="/contact">send me a message</Link>: there is no
            pressure and no commitment. <Link href="/what-to-expect">What to expect</Link> covers the first session, fees,
            insurance and the sliding scale.
          </p>
        </div>
      </section>

      <div className="section">
        <PracticeContact />
      </div>
    </div>
  );
}
