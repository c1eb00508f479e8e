import { type PracticeProps, previewPractice } from "./components/email-layout";
import { PrivateAreaNotice } from "./components/private-area-notice";

export type CalendarFailingProps = { calendars: number; availabilityUrl: string };

/**
 * Tells the therapist that one of her own calendars has not been readable
 * for over an hour, so /book is going by an old copy of it. At most one a
 * day (lib/booking/busy-calendars/failing-notice.ts). Counts only: which
 * calendar, and why, are behind the sign-in.
 */
export default function CalendarFailingEmail({ calendars, availabilityUrl, practice }: CalendarFailingProps & PracticeProps) {
  const which = calendars === 1 ? "One of your calendars has" : `${calendars} of your calendars have`;
  return (
    <PrivateAreaNotice
      preview="A calendar Attune reads could not be read for over an hour."
      news={`${which} not been readable for over an hour. Until it is, /book goes by the last copy that could be read, so a time you have since filled may still be offered.`}
      privacy="What went wrong, and what to paste instead, is shown on the Availability page after you sign in."
      href={availabilityUrl}
      action="Open Availability"
      practice={practice}
    />
  );
}

CalendarFailingEmail.PreviewProps = {
  calendars: 1,
  availabilityUrl: "http://localhost:3000/admin/availability",
  practice: previewPractice,
} satisfies CalendarFailingProps & PracticeProps;
