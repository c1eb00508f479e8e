"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { FieldSet } from "@/components/ui/field";
import type { ManageActionState } from "@/lib/booking/manage-booking";
import { type RescheduleBookingInput, rescheduleBookingSchema } from "@/lib/booking/manage-schema";
import type { TimeChoice } from "@/lib/booking/request-booking";

type RescheduleFormProps = {
  token: string;
  /** The free times of the chosen day, labelled in the visitor's zone. */
  times: TimeChoice[];
  dayLabel: string;
  action: (state: ManageActionState, formData: FormData) => Promise<ManageActionState>;
};

/**
 * Moves the booking to one of the day's free times. If that time goes in the
 * meantime, the booking keeps its old time and the nearest free ones are
 * offered instead.
 */
export function RescheduleForm({ token, times, dayLabel, action }: RescheduleFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const choices = state.status === "refused" && state.alternatives ? state.alternatives : times;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RescheduleBookingInput>({ resolver: zodResolver(rescheduleBookingSchema), defaultValues: { token } });
  const error = errors.startsAt?.message ?? (state.status === "refused" ? state.fieldErrors?.startsAt?.join(" ") : undefined);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) =>
        handleSubmit(() => {
          startTransition(() => formAction(new FormData(formRef.current!)));
        })(event)
      }
      noValidate
      className="form"
    >
      {state.status === "refused" ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" {...register("token")} value={token} />
      <FieldSet
        name="startsAt"
        legend={state.status === "refused" && state.alternatives ? "The nearest free times" : `Free times on ${dayLabel}`}
        error={error}
      >
        {choices.map((time, index) => (
          <label key={time.startsAt} className="choice" htmlFor={`startsAt-${index}`}>
            <input type="radio" id={`startsAt-${index}`} value={time.startsAt} {...register("startsAt")} />
            {time.label}
          </label>
        ))}
      </FieldSet>
      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Moving…" : "Move my appointment to this time"}
        </button>
      </div>
    </form>
  );
}
