"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { RadioGroup } from "@/components/ui/field";
import type { ManageFormState } from "@/lib/booking/manage-booking";
import { rescheduleBookingSchema } from "@/lib/booking/manage-schema";
import type { TimeChoice } from "@/lib/booking/request-booking";

type RescheduleFormProps = {
  token: string;
  /** The free times of the chosen day, labelled in the visitor's zone. */
  times: TimeChoice[];
  dayLabel: string;
  zoneLabel: string;
  action: (state: ManageFormState, formData: FormData) => Promise<ManageFormState>;
};

/**
 * Moves the booking to one of the day's free times. If that time goes in the
 * meantime, the booking keeps its old time and the nearest free ones are
 * offered instead.
 */
export function RescheduleForm({ token, times, dayLabel, zoneLabel, action }: RescheduleFormProps) {
  const form = useServerForm({
    noticeId: "reschedule-problem",
    action,
    schema: rescheduleBookingSchema,
    defaults: { token },
    idPrefix: "reschedule",
  });
  const alternatives = form.state.status === "invalid" ? form.state.detail?.alternatives : undefined;
  return (
    <ServerForm form={form} submitLabel="Move my appointment to this time" pendingLabel="Moving…">
      <input type="hidden" {...form.field("token").input} />
      <RadioGroup
        legend={alternatives ? "The nearest free times" : `Free times on ${dayLabel}`}
        hint={`Times in ${zoneLabel}.`}
        field={form.field("startsAt", { hint: true })}
        options={(alternatives ?? times).map((time) => [time.startsAt, time.label] as const)}
      />
    </ServerForm>
  );
}
