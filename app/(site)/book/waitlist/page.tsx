import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { connection } from "next/server";
import { DateTime } from "luxon";
import { CrisisLines } from "@/components/site/crisis-lines";
import { WaitlistJoinForm } from "@/components/waitlist/join-form";
import { visitorZone } from "@/lib/booking/booking-page";
import { zoneLabel } from "@/lib/booking/format";
import { formatLabels, sessionTypes } from "@/lib/booking/session-types";
import { practice } from "@/lib/practice/practice";
import { sessionFormats } from "@/lib/practice/practice-schema";
import { locationName } from "@/lib/practice/us-states";
import { env } from "@/lib/env";
import { WAITLIST_DAYS } from "@/lib/waitlist/join";
import { joinWaitlistAction } from "./actions";

export const metadata: Metadata = {
  title: "Join the waitlist",
  description: `When no time fits, wait for one: ${practice.therapist.name} offers freed times to the waitlist in order, one person at a time.`,
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Joining the waitlist, linked from /book where no time fits. It says
 * plainly what happens next: a code to confirm the address, then an email
 * only when a time that fits is hers to take, and that she can leave at any
 * time.
 */
export default async function WaitlistPage({ searchParams }: PageProps<"/book/waitlist">) {
  await connection();
  const params = await searchParams;
  const zone = visitorZone(one(params.tz));
  const type = sessionTypes.find((candidate) => candidate.slug === one(params.type));
  const where = one(params.where);
  const offerHours = env().WAITLIST_OFFER_HOURS;
  return (
    <div className="container booking">
      <div className="prose">
        <h1>Join the waitlist</h1>
        <p>
          When no time on the booking page works for you, tell us which days and parts of the day do. When such a time becomes free (someone
          cancels, or {practice.therapist.name} opens more hours), it is offered to the people waiting, in the order they joined, one person at a
          time: never to everyone at once.
        </p>
        <h2>What happens next</h2>
        <ol>
          <li>We email you a 6-digit code. Type it on the next page to confirm your place in line.</li>
          <li>
            When a time that fits becomes free and you are first in line for it, we email you. The time is held for you alone for about{" "}
            {offerHours === 1 ? "an hour" : `${offerHours} hours`} (never running out in the middle of your night), and one press books it.
          </li>
          <li>If it does not suit you, pass it on: you keep your place for the next one.</li>
        </ol>
        <p>
          Your place lasts {WAITLIST_DAYS} days; a week before it ends we ask whether you would like to stay. You can leave the waitlist at any time,
          with the link in every email we send about it.
        </p>
        <p>
          Prefer to talk first? <Link href="/contact">Send a message</Link> instead.
        </p>
      </div>
      <div className="section section-tight">
        <WaitlistJoinForm
          formKey={randomUUID()}
          action={joinWaitlistAction}
          sessionTypes={sessionTypes.map((candidate) => [candidate.slug, candidate.name] as const)}
          formats={sessionFormats.filter((format) => sessionTypes.some((candidate) => candidate.formats.includes(format))).map((format) => [format, formatLabels[format]] as const)}
          locations={practice.licensedStates.map((code) => [code, locationName(code)] as const)}
          defaults={{
            sessionType: type?.slug ?? sessionTypes[0]?.slug,
            location: where && practice.licensedStates.includes(where) ? where : undefined,
            timeZone: zone,
            earliest: DateTime.now().setZone(zone).toISODate()!,
          }}
          zoneLabel={zoneLabel(zone)}
          crisisLines={<CrisisLines />}
        />
      </div>
    </div>
  );
}
