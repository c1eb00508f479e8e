import type { Route } from "next";
import Link from "next/link";
import { ELSEWHERE, licensedStatesText, locationName } from "@/lib/practice/us-states";

type WhereFormProps = {
  /** The address to reload, with the answer's anchor: the page then opens at the answer, with or without JavaScript. */
  action: string;
  /** The licensed state already chosen: the step then shows it with a way to change it. */
  where?: string;
  /** Where "Change" leads: this page without the answer. */
  changeHref?: Route;
  hidden?: Record<string, string | undefined>;
  licensedStates: readonly string[];
};

/**
 * "Where will you be during the session?", asked before anything else: a
 * therapist's license covers where the client is, so someone elsewhere
 * should hear it before they choose a time, not after filling in a form.
 * One press: a button for each licensed state and one for everywhere else,
 * in a plain GET form, so the answer lives in the address (?where=) and is
 * carried through every step, JavaScript or not. /book and the request page
 * (reached from an old link without the answer) both ask it with this form.
 */
export function WhereForm({ action, where, changeHref, hidden = {}, licensedStates }: WhereFormProps) {
  if (where && licensedStates.includes(where) && changeHref) {
    return (
      <p className="where-chosen">
        During the session you will be in <strong>{locationName(where)}</strong>. <Link href={changeHref}>Change</Link>
      </p>
    );
  }
  return (
    <form method="get" action={action} className="where-form">
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <fieldset aria-describedby="where-hint">
        <legend>Where will you be during the session?</legend>
        <p id="where-hint" className="hint">
          Licensing depends on where you physically are during each session, not where you live. This practice is licensed in{" "}
          {licensedStatesText(licensedStates)}.
        </p>
        <div className="where-choices">
          {licensedStates.map((code) => (
            <button key={code} type="submit" name="where" value={code} className="button button-secondary">
              {locationName(code)}
            </button>
          ))}
          <button type="submit" name="where" value={ELSEWHERE} className="button button-secondary">
            Somewhere else
          </button>
        </div>
      </fieldset>
    </form>
  );
}
