import type { FormState } from "@/lib/forms/form-state";

/** The summary above a refused form: what went wrong as a whole, or a pointer to the fields. */
export function FormNotice<Field extends string>({ id, state }: { id: string; state: Extract<FormState<Field>, { status: "invalid" }> }) {
  const fieldCount = Object.keys(state.fieldErrors).length;
  return (
    <div className="notice notice-error" role="alert" id={id}>
      {state.formError ? <p>{state.formError}</p> : null}
      {fieldCount > 0 ? (
        <p>
          {fieldCount === 1 ? "One answer needs" : `${fieldCount} answers need`} your attention; see the message beside{" "}
          {fieldCount === 1 ? "it" : "each"}. Everything you typed is still here.
        </p>
      ) : null}
    </div>
  );
}
