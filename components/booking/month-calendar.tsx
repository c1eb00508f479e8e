import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import type { DayChoice } from "@/lib/booking/booking-page";
import { addDays, weekdayOf } from "@/lib/booking/time";

type MonthCalendarProps = {
  /** The days with free times, in the visitor's zone (YYYY-MM-DD), in order. */
  days: DayChoice[];
  /** The day whose times are shown. */
  chosen?: string;
  /** The month asked for (YYYY-MM); else the chosen day's, else the first free day's. */
  month?: string;
  dayHref: (day: string) => Route;
  monthHref: (month: string) => Route;
  /** The chosen day's times: beside the month on a wide screen, below it on a phone. */
  children?: ReactNode;
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const monthName = (month: string) =>
  new Intl.DateTimeFormat("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T12:00:00Z`));
const shiftMonth = (month: string, by: number) => {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, number - 1 + by, 1));
  return shifted.toISOString().slice(0, 7);
};

/**
 * One month as a grid, the way booking pages people know show it: days with
 * free times are links (named in full for screen readers, "Tuesday, December
 * 8, 3 times"), the rest are plain, dimmed and marked unavailable. Every
 * step is an ordinary link, so it works the same without JavaScript.
 */
export function MonthCalendar({ days, chosen, month: asked, dayHref, monthHref, children }: MonthCalendarProps) {
  const first = days[0]?.day.slice(0, 7);
  const last = days.at(-1)?.day.slice(0, 7);
  if (!first || !last) return null;
  const inRange = (candidate: string | undefined) => candidate && /^\d{4}-\d{2}$/.test(candidate) && candidate >= first && candidate <= last;
  const month = inRange(asked) ? asked! : inRange(chosen?.slice(0, 7)) ? chosen!.slice(0, 7) : first;
  const free = new Map(days.map((day) => [day.day, day]));

  const start = `${month}-01`;
  const weeks: (string | null)[][] = [];
  // Weeks start on Sunday, as US calendars do; weekdayOf counts Sunday as 7.
  let week: (string | null)[] = Array.from({ length: weekdayOf(start) % 7 }, () => null);
  for (let day = start; day.startsWith(month); day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);

  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div className="booking-picker">
      <div className="month">
        <div className="month-nav">
          {previous >= first ? (
            <Link href={monthHref(previous)} className="month-step" aria-label={`Earlier: ${monthName(previous)}`}>
              ‹
            </Link>
          ) : (
            <span className="month-step" aria-hidden="true" />
          )}
          <p className="month-name" aria-hidden="true">
            {monthName(month)}
          </p>
          {next <= last ? (
            <Link href={monthHref(next)} className="month-step" aria-label={`Later: ${monthName(next)}`}>
              ›
            </Link>
          ) : (
            <span className="month-step" aria-hidden="true" />
          )}
        </div>
        <table className="month-grid day-list">
          <caption className="visually-hidden">{monthName(month)}: days with free times are links</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((name) => (
                <th key={name} scope="col" abbr={name}>
                  {name.slice(0, 2)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((days) => (
              <tr key={days.find(Boolean)}>
                {days.map((day, index) => {
                  if (!day) return <td key={`blank-${index}`} />;
                  const number = Number(day.slice(8));
                  const choice = free.get(day);
                  return (
                    <td key={day}>
                      {choice ? (
                        <Link
                          href={dayHref(day)}
                          className="day-free"
                          aria-label={`${choice.label}, ${choice.count} ${choice.count === 1 ? "time" : "times"}`}
                          aria-current={chosen === day ? "date" : undefined}
                        >
                          {number}
                        </Link>
                      ) : (
                        <span className="day-off" aria-disabled="true">
                          {number}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children ? <div className="day-times">{children}</div> : null}
    </div>
  );
}
