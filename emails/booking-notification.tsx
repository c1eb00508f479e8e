import { type PracticeProps, previewPractice } from "./components/email-layout";
import { PrivateAreaNotice } from "./components/private-area-notice";

export type BookingNotificationProps = {
  kind: "requested" | "booked" | "cancelled" | "rescheduled";
  /** Not shown: lets erasure and retention find this email. */
  bookingId: string;
  /** Link into the private area: /admin/requests/{id}. */
  bookingUrl: string;
  /**
   * Which session and when, on the practice's clock, so she knows the time
   * without signing in: never who asked or what they wrote. Rows queued
   * before these were stored have neither.
   */
  sessionName?: string;
  when?: string;
};

const what: Record<BookingNotificationProps["kind"], string> = {
  requested: "Someone has asked for an appointment and is waiting for your answer.",
  booked: "Someone has booked an appointment; it was confirmed at once.",
  cancelled: "A client has cancelled an appointment; the time is free again.",
  rescheduled: "A client has moved an appointment to another time.",
};

/** Tells the therapist something happened to a booking. */
export default function BookingNotificationEmail({ kind, bookingUrl, sessionName, when, practice }: BookingNotificationProps & PracticeProps) {
  const appointment = sessionName && when ? `${sessionName}, ${when}.` : undefined;
  return (
    <PrivateAreaNotice
      preview={appointment ?? "Something changed in your appointments."}
      news={what[kind]}
      appointment={appointment}
      privacy={appointment ? "For privacy, who it is and what they wrote are shown only after you sign in." : "For privacy, the details are only shown after you sign in."}
      href={bookingUrl}
      action={kind === "requested" ? "Open the request" : "Open the appointment"}
      practice={practice}
    />
  );
}

BookingNotificationEmail.PreviewProps = {
  kind: "requested",
  bookingId: "00000000-0000-4000-8000-000000000000",
  bookingUrl: "http://localhost:3000/admin/requests/00000000-0000-4000-8000-000000000000",
  sessionName: "Intake session",
  when: "Wednesday, March 3, 2027, 12:00 – 12:50 PM Pacific Time (50 minutes)",
  practice: previewPractice,
} satisfies BookingNotificationProps & PracticeProps;
