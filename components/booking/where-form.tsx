import { OUTSIDE_US, usLocations } from "@/lib/practice/us-states";

type WhereFormProps = {
  /** The address to reload, with the answer's anchor: the page then opens at the answer, with or without JavaScript. */
  action: string;
  where?: string;
  hidden?: Record<string, string | undefined>;
  licensedStates: string;
};

/**
 * "Where will you be during the session?", asked before anything else: a
 * therapist's license covers where the client is, so someone elsewhere
 * should hear it before they choose a time, not after filling in a form. A
 * plain GET form, so the answer lives in the address (?where=) and is carried
 * through every step, JavaScript or not.
 */
export function WhereForm({ action, where, hidden = {}, licensedStates }: WhereFormProps) {
  return (
    <form method="get" action={action} className="where-form">
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label htmlFor="where">Where will you be during the session?</label>
      <p id="where-hint" className="hint">
        Licensing depends on where you physically are during each session, not where you live. This practice is licensed in {licensedStates}.
      </p>
      <div className="where-row">
        <select key={where} id="where" name="where" defaultValue={where ?? ""} aria-describedby="where-hint" required>
          <option value="" disabled>
            Choose a state…
          </option>
          {usLocations.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
          <option value={OUTSIDE_US}>Outside the United States</option>
        </select>
        <button type="submit" className="button button-small">
          {where ? "Change" : "Continue"}
        </button>
      </div>
    </form>
  );
}
