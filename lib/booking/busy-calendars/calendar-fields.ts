import { z } from "zod";

/*
 * One of her calendars as she types it, for the form in the browser
 * (lib/admin/booking-schemas.ts) and the domain on the server
 * (busy-calendars.ts): the same words for the same mistakes. Each side adds
 * its own check that the address is a calendar's.
 */

export const calendarName = z.string().trim().min(1, "Please give the calendar a name.").max(80, "Please keep the name under 80 characters.");

export const calendarAddress = z.string().trim().max(2000, "That address is longer than any calendar's.");

export const NOT_A_CALENDAR_ADDRESS = "Paste the calendar's address, starting webcal:// or https://.";
