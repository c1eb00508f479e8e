import type { FormRefusal } from "@/lib/forms/form-result";

/** The summary above a refused form: what went wrong as a whole, or a pointer to the fields. */
export function FormNotice({ state }: { state: FormRefusal<string, unknown> }) {
  const fieldCount = Object.keys(state.fieldErrors).length;
  return (
    <div className="notice notice-error" role="alert">
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
