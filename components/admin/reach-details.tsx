import { HeldBackMark } from "./held-back-mark";

type ReachDetailsProps = {
  email: string;
  phone: string | null;
  /** The first email to the address was held back (the practice-wide ceiling): it is not confirmed as theirs. */
  emailHeldBack?: boolean;
};

/** How to reach the person who wrote or asked, as rows of a details list (<dl>). */
export function ReachDetails({ email, phone, emailHeldBack = false }: ReachDetailsProps) {
  return (
    <>
      <dt>Email</dt>
      <dd>
        {email}
        {emailHeldBack ? (
          <>
            {" "}
            <HeldBackMark />
          </>
        ) : null}
      </dd>
      {phone ? (
        <>
          <dt>Phone</dt>
          <dd>{phone}</dd>
        </>
      ) : null}
    </>
  );
}
