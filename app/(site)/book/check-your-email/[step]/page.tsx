import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { HoldCodeForm } from "@/components/booking/hold-code-form";
import { holdByCodeStep } from "@/lib/booking/hold";
import type { NewCodeAnswer } from "@/lib/booking/hold-code";
import { emailCodeMessages } from "@/lib/security/email-code";
import { confirmHoldByCodeAction, newHoldCodeAction } from "../../actions";
import { HeldTimeDetails } from "@/components/booking/held-time";
import { TokenButton } from "@/components/forms/token-button";

// The path carries the code step's token: keep it out of search engines and Referer headers.
export const metadata: Metadata = {
  title: "Check your email to confirm this time",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

const newCodeNotices: Record<NewCodeAnswer, { tone: "success" | "error"; text: string }> = {
  sent: { tone: "success", text: "A new code is on its way to the same address. The codes sent before it no longer work." },
  "held-back": {
    tone: "error",
    text: "We could not send a new code just now: too many emails are going to addresses nobody has confirmed yet. Please call or email the practice instead.",
  },
  limit: { tone: "error", text: emailCodeMessages.reissueLimit },
  "too-many": {
    tone: "error",
    text: "Several codes or requests have been sent for this in a short time, so no new code was sent. Please wait a while, or use the link in the email.",
  },
  gone: { tone: "error", text: "This time is no longer held, so no new code was sent." },
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Where "Request this time" lands: the same journey, one field more. It
 * repeats the time being held and until when, asks for the code the email
 * carries, and offers a new one. The manage link goes only to the address,
 * so this page shows none until the code proves it.
 */
export default async function CheckYourEmailPage({ params, searchParams }: PageProps<"/book/check-your-email/[step]">) {
  await connection();
  const { step } = await params;
  const asked = one((await searchParams)["new-code"]);
  const notice = asked && asked in newCodeNotices ? newCodeNotices[asked as NewCodeAnswer] : undefined;
  const hold = await holdByCodeStep(step);
  if (hold.state === "gone") {
    return (
      <div className="container prose">
        <h1>This time is no longer held</h1>
        <p>
          A time is held for a short while only, until the code from the email is typed. This one lapsed, was confirmed already, or the link is
          not complete. If you confirmed it, the email you received has the link to your booking.
        </p>
        <p>
          <Link href="/book">Choose a time again</Link>
        </p>
      </div>
    );
  }
  const { time, step: codeStep } = hold;
  return (
    <div className="container prose">
      <h1>Check your email to confirm this time</h1>
      <p>
        We sent a 6-digit code to the address you gave. Type it here to confirm this time: only then is your request sent on.
      </p>
      <HeldTimeDetails time={time} withHold />
      {notice ? (
        <div className={`notice notice-${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
          <p>{notice.text}</p>
        </div>
      ) : null}
      <div className="section section-tight">
        <HoldCodeForm stepToken={step} action={confirmHoldByCodeAction} />
      </div>
      <h2>No code?</h2>
      <p>
        It can take a minute or two; look in your spam folder too. The email also has a link that confirms this time if you open it on this
        device or another.
      </p>
      {codeStep.newCodesLeft > 0 ? (
        <TokenButton action={newHoldCodeAction} token={step} secondary>
          Send a new code
        </TokenButton>
      ) : null}
      <p className="section">
        If the time lapses, you can <Link href="/book">choose a time again</Link>.
      </p>
    </div>
  );
}
