import Link from "next/link";
import { bookingStatusLabels } from "@/components/admin/booking-status";
import { formatClock, formatDayRange, formatShortDay, formatTime, formatTimeRange } from "@/lib/booking/format";
import type { BookingStatus } from "@/lib/booking/requests";
import type { ScheduleDay, ScheduleEntry } from "@/lib/booking/week";

/*
 * Her days as a server-rendered grid: seven columns a week on a laptop, a
 * list of days on a phone (the CSS decides, so no script is needed to read
 * it). Every entry is a link to its record, except a hold nobody has proven.
 */

const kindWords: Record<ScheduleEntry["kind"], string> = {
  session: "Session",
  request: "Request",
  "held-back": "Address not confirmed",
  hold: "Held",
  busy: "Busy",
};

function EntryText({ entry, zone }: { entry: ScheduleEntry; zone: string }) {
  const time = <span className="week-entry-time">{formatTimeRange(entry.startsAt, entry.endsAt, zone)}</span>;
  switch (entry.kind) {
    case "busy":
      return (
        <>
          {time} Busy ({entry.calendarName})
        </>
      );
    case "hold":
      return (
        <>
          {time} {entry.sessionName}: held until {formatTime(entry.holdExpiresAt, zone)} while the visitor confirms
        </>
      );
    default:
      return (
        <>
          {time} <span className="week-entry-name">{entry.name}</span> <span className="week-entry-what">{entry.sessionName}</span>{" "}
          <span className="week-entry-status">{entry.kind === "held-back" ? kindWords["held-back"] : bookingStatusLabels[entry.status as BookingStatus]}</span>
        </>
      );
  }
}

/** One entry of a day: its record's link, and what kind it is for the eye as well as in words. */
export function ScheduleEntryItem({ entry, zone, current = false }: { entry: ScheduleEntry; zone: string; current?: boolean }) {
  const className = `week-entry week-entry-${entry.kind}${current ? " week-entry-current" : ""}`;
  if (entry.kind === "hold") {
    return (
      <li className={className} data-kind={entry.kind}>
        <EntryText entry={entry} zone={zone} />
      </li>
    );
  }
  return (
    <li className={className} data-kind={entry.kind}>
      <Link href={entry.href} aria-current={current ? "page" : undefined}>
        <EntryText entry={entry} zone={zone} />
      </Link>
      {current ? <span className="week-entry-status"> (this request)</span> : null}
    </li>
  );
}

/** The day's open hours in words, or why it has none. */
export function DayHours({ day }: { day: ScheduleDay }) {
  if (day.timeOff) {
    return (
      <p className="week-hours week-off">
        <Link href={day.timeOff.href}>Time off ({formatDayRange(day.timeOff.startsOn, day.timeOff.endsOn)})</Link>
      </p>
    );
  }
  if (day.hours.length === 0) return <p className="week-hours muted">Closed</p>;
  return (
    <p className="week-hours">
      <span className="visually-hidden">Hours: </span>
      {day.hours.map((range) => `${formatClock(range.startMinute)}–${formatClock(range.endMinute)}`).join(", ")}
      {day.changedHours ? <span className="muted"> (changed for this day)</span> : null}
    </p>
  );
}

export function WeekView({ weeks, timeZone }: { weeks: ScheduleDay[][]; timeZone: string }) {
  return (
    <div className="week-view">
      {weeks.map((days, index) => {
        const id = `week-${index}`;
        return (
          <section key={id} aria-labelledby={id} data-testid={id}>
            <h2 id={id}>
              {index === 0 ? "This week" : "Next week"} <span className="muted week-span">{formatDayRange(days[0]!.day, days.at(-1)!.day)}</span>
            </h2>
            <ol className="week-grid">
              {days.map((day) => (
                <li key={day.day} className={`week-day${day.isToday ? " week-today" : ""}`} data-day={day.day} aria-current={day.isToday ? "date" : undefined}>
                  <h3>
                    {formatShortDay(day.day)}
                    {day.isToday ? <span className="week-today-mark"> today</span> : null}
                  </h3>
                  <DayHours day={day} />
                  {day.entries.length > 0 ? (
                    <ul className="week-entries" aria-label={`${formatShortDay(day.day)}: what is on`}>
                      {day.entries.map((entry) => (
                        <ScheduleEntryItem key={`${entry.kind}-${entry.id}-${day.day}`} entry={entry} zone={timeZone} />
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
