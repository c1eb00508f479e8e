import type { Metadata } from "next";
import Link from "next/link";
import { SERIES_TITLE, seriesStateForToken } from "@/lib/newsletter/series";
import { unsubscribeLinkState } from "@/lib/newsletter/unsubscribe";
import { chooseSeriesAction, unsubscribeAction } from "../../actions";
import { TokenButton } from "@/components/forms/token-button";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** Asks before unsubscribing: a link followed by a mail scanner changes nothing. */
export default async function UnsubscribePage({ params, searchParams }: PageProps<"/newsletter/unsubscribe/[token]">) {
  const { token } = await params;
  const { series: seriesNotice } = await searchParams;
  const state = await unsubscribeLinkState(token);
  const series = state === "subscribed" ? await seriesStateForToken(token) : "invalid";
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
      {seriesNotice === "chosen" ? (
        <p className="notice notice-success" role="status">
          The series is on its way: its first part arrives shortly, then one a week.
        </p>
      ) : null}
      <h1>Unsubscribe from the newsletter?</h1>
      <p>You will receive no more newsletter emails, and the library of freebies will close for you straight away.</p>
      <TokenButton action={unsubscribeAction} token={token}>
        Unsubscribe
      </TokenButton>
      {series === "offer" ? (
        <section className="section" aria-labelledby="series-heading">
          <h2 id="series-heading">Or receive the series by email</h2>
          <p>
            The four parts of <em>{SERIES_TITLE}</em>, one a week: a short excerpt and a link to each post.
            Unsubscribing stops it too.
          </p>
          <TokenButton action={chooseSeriesAction} token={token} secondary>
            Send me the series
          </TokenButton>
        </section>
      ) : null}
    </div>
  );
}
