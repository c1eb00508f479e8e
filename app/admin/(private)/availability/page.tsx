import type { Metadata } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { ActionButton } from "@/components/admin/action-button";
import { EditForm, type EditField } from "@/components/admin/edit-form";
import { HoursForm } from "@/components/admin/hours-form";
import { WeekHoursForm } from "@/components/admin/week-hours-form";
import { When } from "@/components/admin/when";
import { availabilityForEditor, formatRanges } from "@/lib/admin/booking";
import { formatDay, formatDayRange, formatShortDay } from "@/lib/booking/format";
import { dayInZone } from "@/lib/booking/time";
import {
  addBusyCalendarAction,
  addTimeOffAction,
  refreshBusyCalendarAction,
  removeBusyCalendarAction,
  createFeedAction,
  removeDayOverrideAction,
  removeTimeOffAction,
  revokeFeedAction,
  saveDayOverrideAction,
  saveWeeklyHoursAction,
} from "./actions";
import { REFRESHED_CALENDAR_COOKIE } from "./refreshed-cookie";

export const metadata: Metadata = { title: "Availability" };

const dayNames = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
} as const;

const timeOffFields: EditField[] = [
  { name: "startsOn", label: "First day off", type: "date" },
  { name: "endsOn", label: "Last day off", type: "date" },
  { name: "note", label: "Note (for you only, optional)", maxLength: 200 },
];

const busyCalendarFields: EditField[] = [
  { name: "name", label: "Calendar name", hint: 'For you: "SimplePractice", "Google"…', maxLength: 80 },
  {
    name: "address",
    label: "Calendar address",
    type: "url",
    hint: "The private iCalendar address your calendar gives (webcal:// or https://): in Google Calendar, the \u201cSecret address in iCal format\u201d; in Apple Calendar, a Public Calendar\u2019s webcal:// link; in SimplePractice, the Calendar sync link. Attune keeps only when you are busy, never what the event says.",
    maxLength: 2000,
  },
  {
    name: "allDayBusy",
    label: "All-day events block the day",
    type: "checkbox",
    hint: "Google Calendar makes a new all-day event \u201cFree\u201d unless you change it, and Attune skips free events: a day off entered that way would still be offered on /book. Tick this to have every all-day event in this calendar block its whole day.",
  },
];

/** What "Refresh now" found, from what the read left on the calendar. */
function refreshAnswer(calendar: { errorMessage: string | null; answeredAt: Date | null; changedAt: Date | null }): string {
  if (calendar.errorMessage) return "it could not be read; its last good busy times still count.";
  if (calendar.changedAt && calendar.answeredAt && calendar.changedAt.getTime() === calendar.answeredAt.getTime()) return "its busy times changed, and /book follows them now.";
  return "nothing has changed.";
}

export default async function AvailabilityPage() {
  await connection();
  const availability = await availabilityForEditor();
  const refreshedId = (await cookies()).get(REFRESHED_CALENDAR_COOKIE.name)?.value;
  // Days off this year read without the year; any other year says it.
  const thisYear = Number(dayInZone(new Date(), availability.timeZone).slice(0, 4));
  return (
    <>
      <h1>Availability</h1>
      <p>All times are in the practice&apos;s time zone, {availability.timeZone}.</p>

      <h2 id="weekly-heading">Weekly hours</h2>
      <WeekHoursForm
        action={saveWeeklyHoursAction}
        days={Object.entries(dayNames).map(([day, name]) => ({
          day: day as keyof typeof dayNames,
          name,
          ranges: availability.weeklyHours[day as keyof typeof dayNames],
        }))}
      />

      {/* Two columns on a laptop, so the room fits a screen or two rather than five. */}
      <div className="availability-rooms">
        <section aria-labelledby="time-off-heading" className="availability-main">
          <h2 id="time-off-heading">Time off</h2>
          {availability.timeOff.length === 0 ? (
            <p>No time off planned.</p>
          ) : (
            <ul className="plain-list" aria-label="Time off">
              {availability.timeOff.map((off) => {
                const days = formatDayRange(off.startsOn, off.endsOn, { thisYear });
                return (
                  <li key={off.id} id={`time-off-${off.id}`} data-testid="time-off">
                    <strong>{days}</strong>
                    {off.note ? <span className="muted"> · {off.note}</span> : null}{" "}
                    <ActionButton action={removeTimeOffAction} fields={{ id: off.id }} formClassName="inline-form" label={`Remove time off ${days}`}>
                      Remove
                    </ActionButton>
                  </li>
                );
              })}
            </ul>
          )}
          <EditForm id="time-off" action={addTimeOffAction} submitLabel="Add time off" fields={timeOffFields} clearOnSave />
          <h2>One-day changes</h2>
          {availability.overrides.length === 0 ? (
            <p>No day differs from the usual week.</p>
          ) : (
            <ul className="plain-list" aria-label="One-day changes">
              {availability.overrides.map((override) => (
                <li key={override.day}>
                  {formatShortDay(override.day)} {override.day.slice(0, 4)}: {override.ranges.length === 0 ? "closed" : formatRanges(override.ranges)}{" "}
                  <ActionButton action={removeDayOverrideAction} fields={{ day: override.day }} formClassName="inline-form">
                    Back to usual hours on {override.day}
                  </ActionButton>
                </li>
              ))}
            </ul>
          )}
          <HoursForm
            id="override"
            action={saveDayOverrideAction}
            submitLabel="Save that day's hours"
            groups={[{ name: "ranges", legend: "Hours that day (none: closed)", ranges: [] }]}
            withDay
            clearOnSave
          />
        </section>

        <section aria-labelledby="calendars-heading" className="availability-side">
          <h2 id="calendars-heading">Your calendars</h2>
          <p>
            Attune reads your own calendars every few minutes and keeps /book from offering a time when any of them shows you busy. Free and cancelled events do
            not count. If a calendar cannot be read, its last good busy times still count.
          </p>
          {availability.calendars.length === 0 ? (
            <p>No calendar added.</p>
          ) : (
            <ul className="plain-list" aria-label="Your calendars">
              {availability.calendars.map((calendar) => (
                <li key={calendar.id} id={`calendar-${calendar.id}`} data-testid="busy-calendar">
                  <strong>{calendar.name}</strong> <span className="muted">({calendar.shownAddress})</span>
                  <br />
                  {calendar.readAt ? (
                    <>
                      {calendar.busyTimes} busy time{calendar.busyTimes === 1 ? "" : "s"}. Checked <When at={calendar.answeredAt ?? calendar.readAt} />
                      ; changed <When at={calendar.changedAt ?? calendar.readAt} />.
                      {calendar.allDayBusy ? " All-day events block the day." : " Free all-day events do not block the day."}
                    </>
                  ) : (
                    "Not read yet."
                  )}
                  {calendar.leftOut ? (
                    <span className="field-error" data-testid="busy-calendar-left-out">
                      {" "}
                      {calendar.leftOut}
                    </span>
                  ) : null}
                  {calendar.errorMessage && calendar.failingSince ? (
                    <span className="field-error" data-testid="busy-calendar-error">
                      {" "}
                      {calendar.errorMessage} Failing since <When at={calendar.failingSince} />.
                    </span>
                  ) : null}
                  {calendar.id === refreshedId ? (
                    <span role="status" data-testid="busy-calendar-refreshed">
                      {" "}
                      Refreshed just now: {refreshAnswer(calendar)}
                    </span>
                  ) : null}{" "}
                  <ActionButton
                    action={refreshBusyCalendarAction}
                    fields={{ id: calendar.id }}
                    formClassName="inline-form"
                    label={`Refresh ${calendar.name} now`}
                  >
                    Refresh now
                  </ActionButton>{" "}
                  <ActionButton
                    action={removeBusyCalendarAction}
                    fields={{ id: calendar.id }}
                    formClassName="inline-form"
                    className="button button-danger"
                    label={`Remove ${calendar.name}`}
                  >
                    Remove
                  </ActionButton>
                </li>
              ))}
            </ul>
          )}
          <EditForm id="calendars" action={addBusyCalendarAction} submitLabel="Add calendar" fields={busyCalendarFields} clearOnSave />
        </section>

        <section aria-labelledby="free-times-heading" className="availability-side">
          <h2 id="free-times-heading">Free times in the next two weeks</h2>
          <p>What the booking page offers now, with what is already booked taken out.</p>
          {availability.previews.map((preview) => (
            <details key={preview.sessionType} className="free-times" data-testid={`preview-${preview.sessionType}`}>
              <summary>
                {preview.name}:{" "}
                {preview.days.length === 0
                  ? "no free times"
                  : `${preview.days.reduce((sum, day) => sum + day.times.length, 0)} free times on ${preview.days.length} day${preview.days.length === 1 ? "" : "s"}`}
              </summary>
              {preview.days.length === 0 ? null : (
                <dl className="free-times-days">
                  {preview.days.map((day) => (
                    <div key={day.day} data-day={day.day}>
                      <dt>{formatShortDay(day.day)}</dt>
                      <dd>
                        <ul className="time-chips" aria-label={`${preview.name}, ${formatDay(day.day)}`}>
                          {day.times.map((time) => (
                            <li key={time.label}>{time.label}</li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </details>
          ))}

          <h2>Calendar feed</h2>
          <p>
            A private address your calendar app can subscribe to: your confirmed sessions, with no names or intake answers. Anyone with the address can read it,
            so it is long and unguessable, and only its fingerprint is stored: it is shown once, when you make it. Lost it? Make a new one; the old one stops
            working.
          </p>
          <p data-testid="feed-status">
            {availability.feed.active && availability.feed.createdAt ? (
              <>
                A feed is on, made <When at={availability.feed.createdAt} />.
              </>
            ) : (
              "No feed is on."
            )}
          </p>
          <EditForm
            id="feed"
            action={createFeedAction}
            submitLabel={availability.feed.active ? "Replace the feed address" : "Make a feed address"}
            fields={[]}
          />
          {availability.feed.active ? (
            <ActionButton action={revokeFeedAction} fields={{}} className="button button-danger">
              Turn the feed off
            </ActionButton>
          ) : null}
        </section>
      </div>
    </>
  );
}
