import Link from "next/link";
import { connection } from "next/server";
import { readMailboxEmail } from "@/lib/email/mailbox";
import { readNewsletterCopy } from "@/lib/newsletter/dev-copies";

export default async function MailboxEmailPage({ params }: PageProps<"/dev/mailbox/[id]">) {
  await connection();
  const { id } = await params;
  const email = (await readNewsletterCopy(id)) ?? (await readMailboxEmail(id));
  return (
    <>
      <p>
        <Link href="/dev/mailbox">← All emails</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl>
        <dt>To</dt>
        <dd>{email.recipient}</dd>
        <dt>Status</dt>
        <dd>{email.status}</dd>
      </dl>
      <h2>As the recipient sees it</h2>
      <iframe className="email-frame" title={`Email: ${email.subject}`} srcDoc={email.html} sandbox="" />
      <h2>Plain-text part</h2>
      <pre className="plain-text">{email.text}</pre>
    </>
  );
}
