type TokenButtonProps = {
  /** The server action behind the button (lib/forms/token-form.ts's door). */
  action: (formData: FormData) => void | Promise<void>;
  /** The emailed token (or a step's) that is the form's only credential. */
  token: string;
  secondary?: boolean;
  id?: string;
  children: string;
};

/**
 * A form that is one button on a page an emailed link opened: it posts only
 * the token, so opening the page (a GET, as a mail scanner does) changes
 * nothing and one press does.
 */
export function TokenButton({ action, token, secondary = false, id, children }: TokenButtonProps) {
  return (
    <form id={id} action={action}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={secondary ? "button button-secondary" : "button"}>
        {children}
      </button>
    </form>
  );
}
