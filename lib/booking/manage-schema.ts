import { z } from "zod";

/** The manage page's forms, shared by their react-hook-form clients and the server actions. */
export const cancelBookingSchema = z.strictObject({ token: z.string().max(100) });

export const rescheduleBookingSchema = z.strictObject({
  token: z.string().max(100),
  startsAt: z.iso.datetime({ error: "Please choose a new time." }),
});

export type RescheduleBookingInput = z.input<typeof rescheduleBookingSchema>;
