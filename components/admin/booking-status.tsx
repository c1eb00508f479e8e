import type { BookingStatus } from "@/lib/booking/requests";

export const bookingStatusLabels: Record<BookingStatus, string> = {
  requested: "Awaiting your answer",
  confirmed: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
  expired: "Expired (no answer in time)",
  completed: "Completed",
  no_show: "No-show",
};
