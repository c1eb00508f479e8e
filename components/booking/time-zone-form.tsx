import { allTimeZones } from "@/lib/booking/format";
import { practice } from "@/lib/practice/practice";
import { DetectedZoneButton } from "./time-zone-detector";

type TimeZoneFormProps = {
  /** The page the form reloads, with `hidden` kept. */
  action: string;
  zone: string;
  hidden?: Record<string, string | undefined>;
  /** The id of the "another zone" input, unique on the page. */
  id?: string;
};

const zoneName = (zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(new Date()).find((part) => part.type === "timeZoneName")
    ?.value ?? zone.replaceAll("_", " ");

/**
 * "Show times in …": the two zones nearly everyone wants (her device's, the
 * practice's) as one press each, and every other zone behind "Another zone",
 * a field that searches the list as she types. Plain GET forms, so changing
 * zone works without JavaScript and the choice lives in the address (?tz=),
 * not in a cookie; the server also finds a zone typed as a city.
 */
export function TimeZoneForm({ action, zone, hidden = {}, id = "tz" }: TimeZoneFormProps) {
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null));
  return (
    <div className="tz-choice">
      <form method="get" action={action} className="tz-quick">
        {hiddenInputs}
        <DetectedZoneButton current={zone} />
        {zone === practice.timeZone ? null : (
          <button type="submit" name="tz" value={practice.timeZone} className="button button-secondary button-small">
            {zoneName(practice.timeZone)} (the practice&apos;s zone)
          </button>
        )}
      </form>
      <details className="tz-other">
        <summary>Another zone</summary>
        <form method="get" action={action} className="tz-form">
          {hiddenInputs}
          <label htmlFor={id}>Show times in</label>
          <p id={`${id}-hint`} className="hint">
            Type a city or a zone, such as Chicago or Europe/Berlin.
          </p>
          {/* Keyed by the zone: when the page switches zone (the detector, a link), the field follows rather than keeping what it first showed. */}
          <input
            key={zone}
            id={id}
            name="tz"
            type="text"
            list={`${id}-zones`}
            defaultValue={zone}
            required
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
          />
          <datalist id={`${id}-zones`}>
            {allTimeZones().map((candidate) => (
              // The identifier with spaces, so "new york" finds America/New_York as she types.
              <option key={candidate} value={candidate} label={candidate.replaceAll("_", " ")} />
            ))}
          </datalist>
          <button type="submit" className="button button-secondary button-small">
            Show times
          </button>
        </form>
      </details>
    </div>
  );
}
