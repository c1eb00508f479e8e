// Reads a server-rendered form the way a browser without JavaScript would post
// it, for the scripts that drive the app over plain HTTP (the topology test,
// the booking benchmark).

export const decode = (value) => value.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");

/**
 * The hidden fields React renders into a form: with `field`, only the form
 * that has a field of that name (pages also carry the footer's newsletter
 * form, whose action fields must not be mixed in); without it, the page's.
 */
export function hiddenInputs(html, field) {
  const form = field ? [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map(([text]) => text).find((text) => text.includes(`name="${field}"`)) : html;
  if (!form) return {};
  const fields = {};
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    const value = /value="([^"]*)"/.exec(input)?.[1] ?? "";
    if (name) fields[decode(name)] = decode(value);
  }
  return fields;
}

/** What a visitor types into the intake form, for scripts that book over HTTP: answers only, the hidden fields come from the page. */
export function intakeAnswers({ name, email }) {
  return { website: "", name, email, phone: "", location: "OR", format: "telehealth", whatBringsYou: "", heardAbout: "search", consent: "yes" };
}
