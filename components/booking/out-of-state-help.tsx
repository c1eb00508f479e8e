import { practice } from "@/lib/practice/practice";
import { licensedStatesText } from "@/lib/practice/us-states";
import { CrisisLines } from "@/components/site/crisis-lines";

/** Where to look when the practice cannot see someone: shown with the kind refusal, nothing stored. */
export function OutOfStateHelp() {
  return (
    <>
      <p>
        A therapist&apos;s license covers the place where the client is during the session, so {practice.therapist.name} can only work with people who
        will be in {licensedStatesText(practice.licensedStates)}. This is about the law, not about you, and nothing you chose or typed has been kept.
      </p>
      <p>These may help you find someone who can see you where you are:</p>
      <ul>
        {practice.booking.elsewhere.map((place) => (
          <li key={place.name}>
            <strong>{place.name}</strong>: {place.how}
          </li>
        ))}
      </ul>
      <p>If you are in crisis right now, please reach out straight away:</p>
      <CrisisLines />
    </>
  );
}
