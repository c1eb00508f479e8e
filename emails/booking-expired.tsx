import { Text } from "@react-email/components";
import {
  AppointmentDetails,
  type AppointmentProps,
  BookAgainButton,
  type BookAgainProps,
  type BookingEmailProps,
  previewAppointment,
  previewBookAgain,
  previewBooking,
} from "./components/booking-details";
import { EmailLayout, paragraph, type PracticeProps, previewPractice, SignOff } from "./components/email-layout";

// `bookUrl` is stored since it became part of the email; rows queued before then get it when they are sent.
export type BookingExpiredProps = BookingEmailProps & Partial<BookAgainProps>;
type Shown = BookingExpiredProps & BookAgainProps & AppointmentProps & PracticeProps;

/** Sent when a request was not answered in time and its time was released. */
export default function BookingExpiredEmail({ bookUrl, appointment, practice }: Shown) {
  return (
    <EmailLayout preview="Your appointment request could not be confirmed in time." practice={practice}>
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        We are sorry: {practice.therapistName} could not confirm your request in time, so this time has been released
        and is no longer held for you:
      </Text>
      <AppointmentDetails appointment={appointment} />
      <Text style={paragraph}>
        This says nothing about you. You are welcome to choose another time, or to write to {practice.contactEmail}.
      </Text>
      <BookAgainButton bookUrl={bookUrl} />
      <SignOff practice={practice} afterButton />
    </EmailLayout>
  );
}

BookingExpiredEmail.PreviewProps = { ...previewBooking, ...previewBookAgain, ...previewAppointment, practice: previewPractice } satisfies Shown;
