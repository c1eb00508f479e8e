import type { ReactNode } from "react";

type ActionButtonProps = {
  action: (formData: FormData) => Promise<void>;
  /** What the action acts on, posted as hidden fields (an id, the state to set). */
  fields: Record<string, string>;
  className?: string;
  formClassName?: string;
  /** For a button whose text alone does not say which record it acts on. */
  label?: string;
  children: ReactNode;
};

/**
 * One button that posts to a server action: a plain form, so it works with
 * JavaScript off, and the action redirects back (post/redirect/get).
 */
export function ActionButton({ action, fields, className = "button button-secondary", formClassName, label, children }: ActionButtonProps) {
  return (
    <form action={action} className={formClassName}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} aria-label={label}>
        {children}
      </button>
    </form>
  );
}
