import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionButton } from "@/components/admin/action-button";
import { readWaitlist } from "@/lib/admin/waitlist";
import { env } from "@/lib/env";
import { waitlistRoomProblems } from "@/lib/waitlist/therapist";
import { moveUpAction, offerTimeAction, pauseAction, removeAction } from "./actions";

export const metadata: Metadata = { title: "Waitlist" };

const doneWords: Record<string, string> = {
  moved: "Moved up one place.",
  paused: "Paused: no time is offered to her until you resume.",
  resumed: "Resumed: she waits in the same place.",
  removed: "Removed from the waitlist.",
  offered: "Offered. She has the email; the time is held for her until the offer ends.",
};

const offerWords: Record<string, string> = { booked: "booked", declined: "passed on", lapsed: "let it lapse", withdrawn: "withdrawn" };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * The line in order: who waits for what, who holds an offer and until when,
 * what was offered before; move someone up, pause, remove, or offer a free
 * time by hand. Freed times are offered by the sweep on their own.
 */
export default async function WaitlistRoomPage({ searchParams }: PageProps<"/admin/waitlist">) {
  await connection();
  const line = await readWaitlist();
  const params = await searchParams;
  const done = doneWords[one(params.done) ?? ""];
  const problem = waitlistRoomProblems[(one(params.problem) ?? "") as keyof typeof waitlistRoomProblems];
  return (
    <>
      <h1>Waitlist</h1>
      <p>
        When a time frees (a cancellation, a decline, a lapsed hold, more hours), it is offered to the first person in line whose wishes fit it, alone,
        for {env().WAITLIST_OFFER_HOURS} hours (never ending in her night). If she passes or lets it lapse, the next person is offered it.
      </p>
      {done ? (
        <div className="notice notice-success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      {line.length === 0 ? (
        <p>Nobody is waiting.</p>
      ) : (
        <ol className="waitlist-line">
          {line.map((entry) => (
            <li key={entry.id} className="card">
              <h2>
                {entry.place}. {entry.name} {entry.status === "paused" ? <span className="meta">(paused)</span> : null}
              </h2>
              <dl>
                <dt>Contact</dt>
                <dd>
                  {entry.email}
                  {entry.phone ? `, ${entry.phone}` : ""}
                </dd>
                <dt>Waiting for</dt>
                <dd>
                  {entry.sessionName}, {entry.format.toLowerCase()}, from {entry.where}
                </dd>
                <dt>Wishes</dt>
                <dd>
                  {entry.days.join(", ")}; {entry.parts.join(", ").toLowerCase()}; from {entry.from}
                  {entry.until ? ` until ${entry.until}` : ""}
                </dd>
                <dt>Joined</dt>
                <dd>
                  {entry.joined} (place lasts until {entry.lastsUntil})
                </dd>
                <dt>Offer</dt>
                <dd>{entry.openOffer ? `Holds ${entry.openOffer.when} until ${entry.openOffer.until}${entry.openOffer.byHand ? " (offered by hand)" : ""}` : "None now"}</dd>
                {entry.history.length > 0 ? (
                  <>
                    <dt>Offered before</dt>
                    <dd>{entry.history.map((offer) => `${offer.when}: ${offerWords[offer.status] ?? offer.status}`).join("; ")}</dd>
                  </>
                ) : null}
              </dl>
              <div className="actions">
                {entry.place > 1 ? (
                  <ActionButton action={moveUpAction} fields={{ id: entry.id }} label={`Move ${entry.name} up one place`}>
                    Move up
                  </ActionButton>
                ) : null}
                <ActionButton action={pauseAction} fields={{ id: entry.id, paused: entry.status === "paused" ? "no" : "yes" }} label={`${entry.status === "paused" ? "Resume" : "Pause"} ${entry.name}`}>
                  {entry.status === "paused" ? "Resume" : "Pause"}
                </ActionButton>
                <ActionButton action={removeAction} fields={{ id: entry.id }} className="button button-danger" label={`Remove ${entry.name} from the waitlist`}>
                  Remove
                </ActionButton>
              </div>
              {entry.status === "waiting" && !entry.openOffer && entry.offerable.length > 0 ? (
                <form action={offerTimeAction} className="form form-inline">
                  <input type="hidden" name="id" value={entry.id} />
                  <div className="field">
                    <label htmlFor={`offer-${entry.id}`}>Offer her a free time (your zone)</label>
                    <select id={`offer-${entry.id}`} name="startsAt">
                      {entry.offerable.map((time) => (
                        <option key={time.startsAt} value={time.startsAt}>
                          {time.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button button-secondary">
                    Offer this time
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
