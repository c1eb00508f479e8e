import { allTimeZones } from "@/lib/booking/format";

type TimeZoneFormProps = {
  /** The page the form reloads, with `hidden` kept. */
  action: string;
  zone: string;
  hidden?: Record<string, string | undefined>;
  /** Where the page should land after changing zone (an id on the page). */
  id?: string;
};

/**
 * "Show times in …": a plain GET form, so changing zone works without
 * JavaScript and the choice lives in the address (?tz=), not in a cookie.
 */
export function TimeZoneForm({ action, zone, hidden = {}, id = "tz" }: TimeZoneFormProps) {
  const zones = allTimeZones();
  if (!zones.includes(zone)) zones.unshift(zone);
  return (
    <form method="get" action={action} className="tz-form">
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label htmlFor={id}>Show times in</label>
      {/* Keyed by the zone: when the page switches zone (the detector, a link), the select follows rather than keeping what it first showed. */}
      <select key={zone} id={id} name="tz" defaultValue={zone}>
        {zones.map((candidate) => (
          <option key={candidate} value={candidate}>
            {candidate.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small">
        Show times
      </button>
    </form>
  );
}
