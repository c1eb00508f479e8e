import { Button, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { button, EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./email-layout";

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
  /** The session's fee when it was booked ("$190", "Free"); rows queued before fees were shown have none. */
  fee?: string;
};

/**
 * The appointment as the email shows it, formatted by lib/booking from the
 * stored props when the email is rendered: times in the visitor's zone, the
 * format in the practice's words.
 */
export type AppointmentLines = {
  sessionName: string;
  /** "Tuesday, March 10, 2026, 9:00–9:50 AM Pacific Time (50 minutes)" */
  when: string;
  /** "Pacific Time (America/Los Angeles)" */
  zone: string;
  /** "Telehealth (video)" */
  format: string;
  /** "Fee: $190" */
  fee?: string;
};
export type AppointmentProps = { appointment: AppointmentLines };

/** Where to go, or how the video session works: the practice's words for the booking's format. */
export type HowToAttendProps = { attend: { inPersonAt: string[] } | { telehealth: string } };

/**
 * The private link that manages the booking. It is made when the email is
 * sent (lib/booking/booking-emails.ts), never stored: the outbox holds no link that
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
  fee: "$190",
};

export const previewAppointment: AppointmentProps = {
  appointment: {
    sessionName: "Intake session",
    when: "Tuesday, March 10, 2026, 9:00–9:50 AM Pacific Time (50 minutes)",
    zone: "Pacific Time (America/Los Angeles)",
    format: "Telehealth (video)",
    fee: "Fee: $190",
  },
};
export const previewHowToAttend: HowToAttendProps = {
  attend: {
    telehealth:
      "Telehealth sessions use a private video room. The link arrives by email the day before your appointment; you will need a quiet, private space and a device with a camera.",
  },
};

/** What every letter about a booking is given when it is rendered. */
export type LetterProps = AppointmentProps & PracticeProps;
export const previewLetter: LetterProps = { ...previewAppointment, practice: previewPractice };

export const previewManageLink: ManageLinkProps = { manageUrl: "http://localhost:3000/book/manage/preview-token" };
export const previewBookAgain: BookAgainProps = { bookUrl: "http://localhost:3000/book" };

const detail = { ...paragraph, margin: "0 0 6px" } as const;

export function AppointmentDetails({ appointment: { sessionName, when, zone, format, fee } }: AppointmentProps) {
  return (
    <Section style={{ backgroundColor: "#f3efe8", borderRadius: 8, padding: "14px 18px", margin: "0 0 16px" }}>
      <Text style={detail}>
        <strong>{sessionName}</strong>
      </Text>
      <Text style={detail}>{when}</Text>
      <Text style={detail}>{`Times are in ${zone}.`}</Text>
      <Text style={fee ? detail : { ...detail, margin: 0 }}>{format}</Text>
      {fee ? <Text style={{ ...detail, margin: 0 }}>{fee}</Text> : null}
    </Section>
  );
}

/** Where to go, or how the video session works. */
export function HowToAttend({ attend }: HowToAttendProps) {
  if ("inPersonAt" in attend) {
    return (
      <Text style={paragraph}>
        The session is at:
        <br />
        {attend.inPersonAt.map((line, index) => (
          <span key={line}>
            {index > 0 ? <br /> : null}
            {line}
          </span>
        ))}
      </Text>
    );
  }
  return <Text style={paragraph}>{attend.telehealth}</Text>;
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
export function TherapistNote({ note, therapistName }: { note: string | null; therapistName: string }) {
  if (!note) return null;
  return (
    <Text style={{ ...paragraph, borderLeft: "3px solid #3f6b5c", paddingLeft: 12 }}>
      {`A note from ${therapistName}:`}
      <br />
      {note}
    </Text>
  );
}

/**
 * Every email to a visitor about their booking reads the same way: a greeting,
 * what happened, the appointment, her note if she wrote one, how to attend
 * where it matters; then what the email asks of them, and the sign-off.
 */
export function BookingLetter({
  preview,
  opening,
  appointment,
  practice,
  note = null,
  attend,
  afterButton = false,
  children,
}: LetterProps & {
  preview: string;
  /** What happened, the first paragraph after the greeting. */
  opening: ReactNode;
  note?: string | null;
  attend?: HowToAttendProps["attend"];
  /** The letter's last part ends with a button. */
  afterButton?: boolean;
  children: ReactNode;
}) {
  return (
    <EmailLayout preview={preview} practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>{opening}</Text>
      <AppointmentDetails appointment={appointment} />
      <TherapistNote note={note} therapistName={practice.therapistName} />
      {attend ? <HowToAttend attend={attend} /> : null}
      {children}
      <SignOff practice={practice} afterButton={afterButton} />
    </EmailLayout>
  );
}
