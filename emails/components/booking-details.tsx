import { Button, Section, Text } from "@react-email/components";
import { formatAppointment, zoneLabel } from "@/lib/booking/format";
import { formatLabels } from "@/lib/booking/session-types";
import { practice } from "@/lib/practice/practice";
import { button, paragraph } from "./email-layout";

/**
 * What every booking email says about the appointment: the kind, the time in the
 * visitor's zone, the format. Never the name or anything else the visitor typed:
 * the address is not proven, so a typed name would let a stranger put their
 * own words in the practice's mail to someone else.
 */
export type BookingEmailProps = {
  bookingId: string;
  sessionName: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  /** The visitor's zone when they booked. */
  timeZone: string;
  format: "telehealth" | "in-person";
};

/**
 * The private link that manages the booking. It is made when the email is
 * sent (lib/email/render.ts), never stored: the outbox holds no link that
 * opens a booking.
 */
export type ManageLinkProps = { manageUrl: string };

/** Where to choose another time: the booking page. */
export type BookAgainProps = { bookUrl: string };

export const previewBooking: BookingEmailProps = {
  bookingId: "00000000-0000-4000-8000-000000000000",
  sessionName: "Intake session",
  startsAt: "2026-03-10T16:00:00.000Z",
  endsAt: "2026-03-10T16:50:00.000Z",
  timeZone: "America/Los_Angeles",
  format: "telehealth",
};

export const previewManageLink: ManageLinkProps = { manageUrl: "http://localhost:3000/book/manage/preview-token" };
export const previewBookAgain: BookAgainProps = { bookUrl: "http://localhost:3000/book" };

const detail = { ...paragraph, margin: "0 0 6px" } as const;

export function AppointmentDetails({ sessionName, startsAt, endsAt, timeZone, format }: Pick<BookingEmailProps, "sessionName" | "startsAt" | "endsAt" | "timeZone" | "format">) {
  const at = new Date(startsAt);
  return (
    <Section style={{ backgroundColor: "#f3efe8", borderRadius: 8, padding: "14px 18px", margin: "0 0 16px" }}>
      <Text style={detail}>
        <strong>{sessionName}</strong>
      </Text>
      <Text style={detail}>{formatAppointment(at, new Date(endsAt), timeZone)}</Text>
      <Text style={detail}>{`Times are in ${zoneLabel(timeZone, at)}.`}</Text>
      <Text style={{ ...detail, margin: 0 }}>{formatLabels[format]}</Text>
    </Section>
  );
}

/** Where to go, or how the video session works. */
export function HowToAttend({ format }: { format: BookingEmailProps["format"] }) {
  if (format === "in-person") {
    return (
      <Text style={paragraph}>
        The session is at:
        <br />
        {practice.booking.inPersonAddress.map((line, index) => (
          <span key={line}>
            {index > 0 ? <br /> : null}
            {line}
          </span>
        ))}
      </Text>
    );
  }
  return <Text style={paragraph}>{practice.booking.telehealthInstructions}</Text>;
}

export function ManageButton({ manageUrl }: ManageLinkProps) {
  return (
    <>
      <Button href={manageUrl} style={button}>
        See or change your booking
      </Button>
      <Text style={{ ...paragraph, fontSize: 14, marginTop: 12 }}>
        This link is private to you: anyone who has it can change your booking, so please don&apos;t forward this email.
      </Text>
    </>
  );
}

export function BookAgainButton({ bookUrl }: BookAgainProps) {
  return (
    <Button href={bookUrl} style={button}>
      Choose a new time
    </Button>
  );
}

/** The therapist's own words, set apart from the practice's. */
export function TherapistNote({ note }: { note: string | null }) {
  if (!note) return null;
  return (
    <Text style={{ ...paragraph, borderLeft: "3px solid #3f6b5c", paddingLeft: 12 }}>
      {`A note from ${practice.therapist.name}:`}
      <br />
      {note}
    </Text>
  );
}
