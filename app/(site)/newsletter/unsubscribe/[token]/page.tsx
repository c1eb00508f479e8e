import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribeLinkState } from "@/lib/newsletter/unsubscribe";
import { unsubscribeAction } from "../../actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** Asks before unsubscribing: a link followed by a mail scanner changes nothing. */
export default async function UnsubscribePage({ params }: PageProps<"/newsletter/unsubscribe/[token]">) {
  const { token } = await params;
  const state = await unsubscribeLinkState(token);
  if (state === "invalid") {
    return (
      <div className="container prose">
        <h1>This unsubscribe link is not valid</h1>
        <p>
          It may be incomplete, or it may come from a test email. To stop the newsletter, use the unsubscribe link at the
          bottom of any newsletter email, or write to the practice and we will remove you.
        </p>
      </div>
    );
  }
  if (state === "unsubscribed") {
    return (
      <div className="container prose">
        <h1>You are already unsubscribed</h1>
        <p>
          No newsletter email will reach you. Changed your mind? You can <Link href="/newsletter">subscribe again</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="container prose">
      <h1>Unsubscribe from the newsletter?</h1>
      <p>You will receive no more newsletter emails, and the library of freebies will close for you straight away.</p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
