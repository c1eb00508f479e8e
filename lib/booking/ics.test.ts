import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, foldLine } from "./ics";

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

const event = {
  uid: "3f1c2b9e-0000-4000-8000-000000000001@stillwater.example",
  startsAt: new Date("2026-03-10T16:00:00Z"),
  endsAt: new Date("2026-03-10T16:50:00Z"),
  summary: "Intake session with Still Water Therapy",
};

describe("buildCalendar", () => {
  it("writes an event a calendar parser reads back at the same instant, with a UID and a DTSTAMP", () => {
    const text = buildCalendar({ events: [event], now: new Date("2026-03-01T12:00:00Z") });
    const [parsed] = parse(text);
    expect(parsed!.uid).toBe(event.uid);
    expect(parsed!.startDate.toJSDate().toISOString()).toBe("2026-03-10T16:00:00.000Z");
    expect(parsed!.endDate.toJSDate().toISOString()).toBe("2026-03-10T16:50:00.000Z");
    expect(parsed!.startDate.zone?.tzid).toBe("UTC");
    expect(parsed!.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-01T12:00:00Z");
    expect(text).toContain("DTSTART:20260310T160000Z\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it("keeps commas, semicolons, line breaks and long accented text intact", () => {
    const location = "Still Water Therapy, 2240 SE Division Street; Suite 3\nPortland, OR — café entrance ".repeat(3);
    const [parsed] = parse(buildCalendar({ events: [{ ...event, location, description: "Bring: nothing\\nothing" }], now: new Date() }));
    expect(parsed!.location).toBe(location);
    expect(parsed!.description).toBe("Bring: nothing\\nothing");
  });

  it("carries several events, their status and sequence", () => {
    const text = buildCalendar({
      name: "Still Water Therapy sessions",
      events: [event, { ...event, uid: "second@stillwater.example", status: "CANCELLED", sequence: 2 }],
      now: new Date(),
    });
    const events = parse(text);
    expect(events.map((parsed) => parsed.uid)).toEqual([event.uid, "second@stillwater.example"]);
    expect(events[1]!.sequence).toBe(2);
    expect(events[1]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

describe("foldLine", () => {
  it("never splits a multi-byte character", () => {
    const folded = foldLine(`DESCRIPTION:${"é".repeat(80)}`);
    for (const line of folded.split("\r\n")) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${"é".repeat(80)}`);
  });
});
