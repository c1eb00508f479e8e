"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Agreement, Field, FieldSet, RadioGroup } from "@/components/ui/field";
import type { BookingRequestState, TimeChoice } from "@/lib/booking/request-booking";
import { INSURANCE_PLAN_MAX_LENGTH, WHAT_BRINGS_YOU_MAX_LENGTH, bookingRequestSchema, heardAboutOptions, paymentOptions } from "@/lib/booking/schema";
import type { SessionFormat } from "@/lib/practice/practice-schema";
import { PersonFields } from "./person-fields";
import { ServerForm } from "./server-form";
import { useServerForm } from "./use-server-form";

type BookingRequestFormProps = {
  formKey: string;
  action: (state: BookingRequestState, formData: FormData) => Promise<BookingRequestState>;
  sessionType: {
    slug: string;
    name: string;
    formats: { value: SessionFormat; label: string }[];
    confirmation: "therapist" | "immediate";
  };
  timeZone: string;
  /** The chosen time, when it is still free as the page renders. */
  choice: TimeChoice | null;
  /** Otherwise, the nearest free times to pick from. */
  alternatives: TimeChoice[];
  /** Where the visitor said they will be, asked before the form. */
  location: string;
  crisisLines: ReactNode;
  outOfStateHelp: ReactNode;
};

/**
 * The intake form. With JavaScript it validates as you go and posts through
 * the server action; without it, the same action answers a plain post. On
 * success the action sends the visitor to their booking's page; a refusal
 * comes back with every message beside its field and everything typed.
 */
export function BookingRequestForm({
  formKey,
  action,
  sessionType,
  timeZone,
  choice,
  alternatives,
  location,
  crisisLines,
  outOfStateHelp,
}: BookingRequestFormProps) {
  const onlyFormat = sessionType.formats.length === 1 ? sessionType.formats[0]!.value : undefined;
  const form = useServerForm({
    action,
    schema: bookingRequestSchema,
    defaults: {
      sessionType: sessionType.slug,
      timeZone,
      startsAt: choice?.startsAt,
      format: onlyFormat,
      location,
    },
  });
  const { state, field } = form;
  const refusal = state.status === "invalid" ? state.detail : undefined;
  // A time to pick again: the one chosen was taken (now, or before the page loaded).
  const choices = refusal?.alternatives ?? (choice ? null : alternatives);
  const startsAt = field("startsAt");

  const where = refusal?.outOfState?.locationName;
  return (
    <ServerForm
      form={form}
      formKey={formKey}
      submitLabel={sessionType.confirmation === "immediate" ? "Book this time" : "Request this time"}
      pendingLabel="Sending…"
      refusalNotice={
        where ? (
          <div className="notice notice-info" role="alert">
            <h2>We&apos;re sorry: this practice can&apos;t see you {where === "outside the United States" ? "there" : `in ${where}`}</h2>
            {outOfStateHelp}
          </div>
        ) : undefined
      }
    >
      <input type="hidden" {...field("sessionType").input} />
      <input type="hidden" {...field("timeZone").input} />
      {choices ? (
        choices.length > 0 ? (
          <RadioGroup
            legend="Choose another time"
            hint="The time you chose is no longer free. These are the nearest free times:"
            field={field("startsAt", { hint: true })}
            options={choices.map((time) => [time.startsAt, time.label] as const)}
          />
        ) : (
          <FieldSet legend="No other time is free just now" {...startsAt.props}>
            <p>
              Please <Link href="/book">look for another day</Link>.
            </p>
          </FieldSet>
        )
      ) : (
        <input type="hidden" {...startsAt.input} />
      )}

      <PersonFields field={field} emailHint="Your confirmation and the link to manage your booking go here." />
      {/* Asked before this form, on /book or on this page's own first step (components/booking/where-form.tsx). */}
      <input type="hidden" {...field("location").input} />
      <RadioGroup
        legend="How would you like to meet?"
        field={field("format")}
        options={sessionType.formats.map(({ value, label }) => [value, label] as const)}
      />
      <RadioGroup
        legend="How would you like to pay? (optional)"
        hint="It helps to know before you meet; you can change your mind later."
        field={field("payment", { hint: true })}
        options={paymentOptions}
      />
      <Field
        label="Your insurance plan's name"
        hint="Only if you chose insurance: the plan's name as it is on your card."
        {...field("insurancePlan", { hint: true }).props}
      >
        <input type="text" maxLength={INSURANCE_PLAN_MAX_LENGTH} autoComplete="off" {...field("insurancePlan", { hint: true }).input} />
      </Field>
      <Field
        label="What brings you to therapy? (optional)"
        hint={`A sentence or two is plenty, at most ${WHAT_BRINGS_YOU_MAX_LENGTH} characters. Please don't share details you would not want written down; there will be time to talk when we meet.`}
        {...field("whatBringsYou", { hint: true }).props}
      >
        <textarea rows={4} maxLength={WHAT_BRINGS_YOU_MAX_LENGTH} {...field("whatBringsYou", { hint: true }).input} />
      </Field>
      <Field label="How did you hear about the practice? (optional)" {...field("heardAbout").props}>
        <select {...field("heardAbout").input}>
          <option value="">No answer</option>
          {heardAboutOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Agreement
        field={field("consent", { hint: true })}
        className="field emergency-acknowledgement"
        after={
          <div className="notice notice-info" id="consent-hint">
            <p>If you are in crisis or in danger, please don&apos;t wait for an appointment:</p>
            {crisisLines}
          </div>
        }
      >
        I understand that booking is not for emergencies and no one reads this form right away, and I agree that the practice may keep these answers
        to arrange my appointment and contact me about it, as described in the <Link href="/privacy">privacy notice</Link>.
      </Agreement>
    </ServerForm>
  );
}
