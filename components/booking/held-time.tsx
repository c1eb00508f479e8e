import type { HeldTime } from "@/lib/booking/hold";
import { formatLabels } from "@/lib/booking/session-types";

/** "another 9 minutes": how long the time stays held, as both pages that hold it say. */
export function holdLeft(time: HeldTime) {
  return `until ${time.heldUntil} (another ${time.holdMinutes} ${time.holdMinutes === 1 ? "minute" : "minutes"})`;
}

/** The time being held, on the page that asks for the code and on the page the email's link opens. */
export function HeldTimeDetails({ time, withHold = false }: { time: HeldTime; withHold?: boolean }) {
  return (
    <dl>
      <dt>Appointment</dt>
      <dd>{time.sessionName}</dd>
      <dt>When</dt>
      <dd>
        {time.when} ({time.zone})
      </dd>
      <dt>Where</dt>
      <dd>{formatLabels[time.format]}</dd>
      {withHold ? (
        <>
          <dt>Held for you</dt>
          <dd>{holdLeft(time)}</dd>
        </>
      ) : null}
    </dl>
  );
}
