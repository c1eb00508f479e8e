/**
 * Where a person can be during a session: the U.S. states, the District of
 * Columbia and the territories, by postal code. A therapist's license covers
 * where the client physically is, not where they live.
 */
export const usLocations = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"],
  ["CO", "Colorado"], ["CT", "Connecticut"], ["DE", "Delaware"], ["DC", "District of Columbia"], ["FL", "Florida"],
  ["GA", "Georgia"], ["HI", "Hawaii"], ["ID", "Idaho"], ["IL", "Illinois"], ["IN", "Indiana"],
  ["IA", "Iowa"], ["KS", "Kansas"], ["KY", "Kentucky"], ["LA", "Louisiana"], ["ME", "Maine"],
  ["MD", "Maryland"], ["MA", "Massachusetts"], ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"],
  ["MO", "Missouri"], ["MT", "Montana"], ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire"],
  ["NJ", "New Jersey"], ["NM", "New Mexico"], ["NY", "New York"], ["NC", "North Carolina"], ["ND", "North Dakota"],
  ["OH", "Ohio"], ["OK", "Oklahoma"], ["OR", "Oregon"], ["PA", "Pennsylvania"], ["RI", "Rhode Island"],
  ["SC", "South Carolina"], ["SD", "South Dakota"], ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"],
  ["VT", "Vermont"], ["VA", "Virginia"], ["WA", "Washington"], ["WV", "West Virginia"], ["WI", "Wisconsin"],
  ["WY", "Wyoming"], ["AS", "American Samoa"], ["GU", "Guam"], ["MP", "Northern Mariana Islands"], ["PR", "Puerto Rico"],
  ["VI", "U.S. Virgin Islands"],
] as const satisfies readonly (readonly [string, string])[];

/** The choice for someone who will be outside the United States. */
export const OUTSIDE_US = "outside-us";

export const locationCodes: [string, ...string[]] = [OUTSIDE_US, ...usLocations.map(([code]) => code)];

/**
 * "Somewhere else", /book's answer beside the licensed states: it leads only
 * to the out-of-state help, so the intake form never takes it as a location.
 */
export const ELSEWHERE = "elsewhere";

/** What /book and the request page accept as ?where=: a location, or "somewhere else". */
export function askedWhere(value: string | undefined): string | undefined {
  return value && (value === ELSEWHERE || locationCodes.includes(value)) ? value : undefined;
}

/** "in Texas", or "there" for somewhere outside any one state. */
export function whereYouWillBe(code: string): string {
  return code === ELSEWHERE || code === OUTSIDE_US ? "there" : `in ${locationName(code)}`;
}

export function locationName(code: string): string {
  if (code === OUTSIDE_US) return "outside the United States";
  return usLocations.find(([candidate]) => candidate === code)?.[1] ?? code;
}

/**
 * The one way the practice's licensed states are written out, wherever a page
 * or a refusal names them: "Oregon, Washington or California" reads right both
 * in "licensed in …" and in "while they are in …".
 */
export function licensedStatesText(codes: readonly string[]): string {
  const names = codes.map(locationName);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
