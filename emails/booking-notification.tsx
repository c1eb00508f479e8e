import { type PracticeProps, previewPractice } from "./components/email-layout";
import { PrivateAreaNotice } from "./components/private-area-notice";

export type BookingNotificationProps = {
  kind: "requested" | "booked" | "cancelled" | "rescheduled";
  /** Not shown: lets erasure and retention find this email. */
  bookingId: string;
  /** Link into the private area: /admin/requests/{id}. */
  bookingUrl: string;
};

const what: Record<BookingNotificationProps["kind"], string> = {
  requested: "Someone has asked for an appointment and is waiting for your answer.",
  booked: "Someone has booked an appointment; it was confirmed at once.",
  cancelled: "A client has cancelled an appointment; the time is free again.",
  rescheduled: "A client has moved an appointment to another time.",
};

/** Tells the therapist something happened to a booking. */
export default function BookingNotificationEmail({ kind, bookingUrl, practice }: BookingNotificationProps & PracticeProps) {
  return (
    <PrivateAreaNotice
      preview="Something changed in your appointments."
      news={what[kind]}
      privacy="For privacy, the details are only shown after you sign in."
      href={bookingUrl}
      action="Open the appointment"
      practice={practice}
    />
  );
}

BookingNotificationEmail.PreviewProps = {
  kind: "requested",
  bookingId: "00000000-0000-4000-8000-000000000000",
  bookingUrl: "http://localhost:3000/admin/requests/00000000-0000-4000-8000-000000000000",
  practice: previewPractice,
} satisfies BookingNotificationProps & PracticeProps;
