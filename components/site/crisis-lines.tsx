import { practice } from "@/lib/practice/practice";

/** The crisis lines of the practice's locale, as tappable links. */
export function CrisisLines() {
  return (
    <ul className="crisis-lines">
      {practice.crisisLines.map((line) => (
        <li key={line.name}>
          <strong>{line.name}</strong>: <a href={line.href}>{line.how}</a>
        </li>
      ))}
    </ul>
  );
}
