import { Text } from "@react-email/components";
import { practice } from "@/lib/practice/practice";
import { AppointmentDetails, BookAgainButton, type BookAgainProps, type BookingEmailProps, previewBookAgain, previewBooking } from "./components/booking-details";
import { EmailLayout, paragraph, SignOff } from "./components/email-layout";

export type BookingExpiredProps = BookingEmailProps & BookAgainProps;

/** Sent when a request was not answered in time and its time was released. */
export default function BookingExpiredEmail({ bookUrl, ...booking }: BookingExpiredProps) {
  return (
    <EmailLayout preview="Your appointment request could not be confirmed in time.">
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        We are sorry: {practice.therapist.name} could not confirm your request in time, so this time has been released
        and is no longer held for you:
      </Text>
      <AppointmentDetails {...booking} />
      <Text style={paragraph}>
        This says nothing about you. You are welcome to choose another time, or to write to {practice.contactEmail}.
      </Text>
      <BookAgainButton bookUrl={bookUrl} />
      <SignOff afterButton />
    </EmailLayout>
  );
}

BookingExpiredEmail.PreviewProps = { ...previewBooking, ...previewBookAgain } satisfies BookingExpiredProps;
