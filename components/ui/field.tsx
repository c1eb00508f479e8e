import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * The ids and ARIA attributes that tie an input to its label, hint and error.
 * Spread onto the input inside <Field>.
 */
export function fieldA11y(name: string, { error, hint }: { error?: string; hint?: boolean }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return {
    id: name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
};

/** A labelled field with an optional hint and its error right beside it. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <FieldHint name={name} hint={hint} />
      {children}
      <FieldError name={name} error={error} />
    </div>
  );
}

/** A group of radios or checkboxes, labelled by its legend. */
export function FieldSet({ name, legend, hint, error, children }: Omit<FieldProps, "label"> & { legend: ReactNode }) {
  const { "aria-describedby": describedBy } = fieldA11y(name, { error, hint: Boolean(hint) });
  return (
    <div className="field">
      <fieldset aria-describedby={describedBy}>
        <legend>{legend}</legend>
        <FieldHint name={name} hint={hint} />
        {children}
      </fieldset>
      <FieldError name={name} error={error} />
    </div>
  );
}

export function FieldHint({ name, hint }: { name: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p className="hint" id={`${name}-hint`}>
      {hint}
    </p>
  );
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      {error}
    </p>
  );
}

/**
 * A field no person fills in. Bots that fill every input give themselves away.
 * Pass an id when a page holds more than one form.
 */
export function Honeypot({ id = "website" }: { id?: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>Website (leave this empty)</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

type FieldBinding = { props: { name: string; error?: string }; checkbox: InputHTMLAttributes<HTMLInputElement> & { id: string } };

/** A box the person ticks to agree, its words beside it and its error below; `children` are the words. */
export function Agreement({ field, className = "field", children, after }: { field: FieldBinding; className?: string; children: ReactNode; after?: ReactNode }) {
  return (
    <div className={className}>
      <label className="choice" htmlFor={field.checkbox.id}>
        <input type="checkbox" {...field.checkbox} />
        <span>{children}</span>
      </label>
      {after}
      <FieldError {...field.props} />
    </div>
  );
}

type ChoiceBinding = { props: { name: string; error?: string }; choice: (value: string) => InputHTMLAttributes<HTMLInputElement> & { id: string } };

/** One answer out of a few, as radios under a legend. */
export function RadioGroup({ field, legend, hint, options }: { field: ChoiceBinding; legend: ReactNode; hint?: ReactNode; options: readonly (readonly [value: string, label: ReactNode])[] }) {
  return (
    <FieldSet legend={legend} hint={hint} {...field.props}>
      {options.map(([value, label]) => {
        const choice = field.choice(value);
        return (
          <label key={value} className="choice" htmlFor={choice.id}>
            <input type="radio" {...choice} />
            {label}
          </label>
        );
      })}
    </FieldSet>
  );
}
