// Our own fields in every public form, apart from the person's: in a module of
// their own, so a form that ships to the browser names them without bringing zod.

/** A field no person fills in: it is hidden from sight and from assistive tech. */
export const HONEYPOT_FIELD = "website";
/** One random key per rendered form, so a double submit stores one row. */
export const FORM_KEY_FIELD = "formKey";
