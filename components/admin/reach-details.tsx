/** How to reach the person who wrote or asked, as rows of a details list (<dl>). */
export function ReachDetails({ email, phone }: { email: string; phone: string | null }) {
  return (
    <>
      <dt>Email</dt>
      <dd>{email}</dd>
      {phone ? (
        <>
          <dt>Phone</dt>
          <dd>{phone}</dd>
        </>
      ) : null}
    </>
  );
}
