import { z } from "zod";

/*
 * One of her calendars as she types it, for the form in the browser
 * (lib/admin/booking-schemas.ts) and the domain on the server
 * (busy-calendars.ts): the same words for the same mistakes. Each side adds
 * its own check that the address is a calendar's.
 */

export const calendarName = z.string().trim().min(1, "Please give the calendar a name.").max(80, "Please keep the name under 80 characters.");

export const calendarAddress = z.string().trim().max(2000, "That address is longer than any calendar's.");

/**
 * The box "all-day events block the day": ticked, the form posts "yes";
 * unticked, nothing (the browser's check sees false, or "" after a reset).
 */
export const allDayBusyChoice = z.union([z.literal(["yes", ""]), z.literal(false)]).optional();

export const NOT_A_CALENDAR_ADDRESS = "Paste the calendar's address, starting webcal:// or https://.";

/**
 * Where each calendar she is likely to use keeps the address Attune can
 * read: its private iCalendar (ICS) address, never the page she views it on.
 */
export const WHAT_TO_PASTE =
  "Paste the calendar's private iCalendar address, not the page you view it on. " +
  "Google Calendar: Settings, then your calendar, then \u201cSecret address in iCal format\u201d. " +
  "Apple (iCloud) Calendar: share the calendar as a Public Calendar and copy its webcal:// link. " +
  "SimplePractice: Settings, then Calendar, then Calendar sync, and copy the subscription link.";
