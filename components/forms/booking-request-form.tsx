"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { type ReactNode, startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { Field, FieldError, FieldSet, Honeypot, fieldA11y } from "@/components/ui/field";
import type { BookingRequestState, TimeChoice } from "@/lib/booking/request-booking";
import { type BookingField, type BookingRequestInput, WHAT_BRINGS_YOU_MAX_LENGTH, bookingRequestSchema, heardAboutOptions } from "@/lib/booking/schema";
import { OUTSIDE_US, usLocations } from "@/lib/practice/us-states";
import type { SessionFormat } from "@/lib/practice/practice-schema";
import { FORM_KEY_FIELD } from "@/lib/forms/parse-form";
import { FormNotice } from "./form-notice";

type BookingRequestFormProps = {
  formKey: string;
  action: (state: BookingRequestState, formData: FormData) => Promise<BookingRequestState>;
  sessionType: { slug: string; name: string; formats: { value: SessionFormat; label: string }[]; confirmation: "therapist" | "immediate" };
  timeZone: string;
  /** The chosen time, when it is still free as the page renders. */
  choice: TimeChoice | null;
  /** Otherwise, the nearest free times to pick from. */
  alternatives: TimeChoice[];
  licensedStates: string;
  crisisLines: ReactNode;
  outOfStateHelp: ReactNode;
};

/**
 * The intake form. With JavaScript it validates as you go and posts through
 * the server action; without it, the same action answers a plain post. On
 * success the action sends the visitor to their booking's page; a refusal
 * comes back with every message beside its field and everything typed.
 */
export function BookingRequestForm({ formKey, action, sessionType, timeZone, choice, alternatives, licensedStates, crisisLines, outOfStateHelp }: BookingRequestFormProps) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state.status === "invalid" ? state.values : {};
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  // A time to pick again: the one chosen was taken (now, or before the page loaded).
  const choices = state.status === "invalid" && state.alternatives ? state.alternatives : choice ? null : alternatives;
  const onlyFormat = sessionType.formats.length === 1 ? sessionType.formats[0]!.value : undefined;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<BookingRequestInput>({
    resolver: zodResolver(bookingRequestSchema),
    mode: "onTouched",
    defaultValues: {
      sessionType: sessionType.slug,
      timeZone,
      startsAt: choices ? undefined : choice?.startsAt,
      name: typed.name ?? "",
      email: typed.email ?? "",
      phone: typed.phone ?? "",
      location: typed.location ?? "",
      format: (typed.format as SessionFormat | undefined) ?? onlyFormat,
      whatBringsYou: typed.whatBringsYou ?? "",
      heardAbout: typed.heardAbout ?? "",
    },
  });

  const errorFor = (field: BookingField) => errors[field]?.message ?? serverErrors[field]?.join(" ");

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
      aria-describedby={state.status === "invalid" ? "form-problem" : undefined}
    >
      {state.status === "invalid" && state.outOfState ? (
        <div className="notice notice-info" role="alert" id="form-problem">
          <h2>We&apos;re sorry: this practice can&apos;t see you {state.outOfState.locationName === "outside the United States" ? "there" : `in ${state.outOfState.locationName}`}</h2>
          {outOfStateHelp}
        </div>
      ) : state.status === "invalid" ? (
        <FormNotice id="form-problem" state={state} />
      ) : null}
      <input type="hidden" name={FORM_KEY_FIELD} value={formKey} />
      <input type="hidden" {...register("sessionType")} value={sessionType.slug} />
      <input type="hidden" {...register("timeZone")} value={timeZone} />
      <Honeypot />

      {choices ? (
        <FieldSet
          name="startsAt"
          legend={choices.length > 0 ? "Choose another time" : "No other time is free just now"}
          hint={choices.length > 0 ? "The time you chose is no longer free. These are the nearest free times:" : undefined}
          error={errorFor("startsAt")}
        >
          {choices.length === 0 ? (
            <p>
              Please <Link href="/book">look for another day</Link>.
            </p>
          ) : (
            choices.map((alternative, index) => (
              <label key={alternative.startsAt} className="choice" htmlFor={`startsAt-${index}`}>
                <input type="radio" id={`startsAt-${index}`} value={alternative.startsAt} {...register("startsAt")} />
                {alternative.label}
              </label>
            ))
          )}
        </FieldSet>
      ) : (
        <input type="hidden" {...register("startsAt")} value={choice!.startsAt} />
      )}

      <Field name="name" label="Your name" error={errorFor("name")}>
        <input type="text" autoComplete="name" maxLength={100} defaultValue={typed.name} {...fieldA11y("name", { error: errorFor("name") })} {...register("name")} />
      </Field>

      <Field name="email" label="Email address" hint="Your confirmation and the link to manage your booking go here." error={errorFor("email")}>
        <input
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          defaultValue={typed.email}
          {...fieldA11y("email", { error: errorFor("email"), hint: true })}
          {...register("email")}
        />
      </Field>

      <Field name="phone" label="Phone number (optional)" error={errorFor("phone")}>
        <input type="tel" autoComplete="tel" maxLength={30} defaultValue={typed.phone} {...fieldA11y("phone", { error: errorFor("phone") })} {...register("phone")} />
      </Field>

      <Field
        name="location"
        label="Where will you be during the session?"
        hint={`Licensing depends on where you physically are during each session, not where you live. This practice is licensed in ${licensedStates}.`}
        error={errorFor("location")}
      >
        <select defaultValue={typed.location ?? ""} {...fieldA11y("location", { error: errorFor("location"), hint: true })} {...register("location")}>
          <option value="">Choose a state…</option>
          {usLocations.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
          <option value={OUTSIDE_US}>Outside the United States</option>
        </select>
      </Field>

      <FieldSet name="format" legend="How would you like to meet?" error={errorFor("format")}>
        {sessionType.formats.map(({ value, label }) => (
          <label key={value} className="choice" htmlFor={`format-${value}`}>
            <input type="radio" id={`format-${value}`} value={value} defaultChecked={(typed.format ?? onlyFormat) === value} {...register("format")} />
            {label}
          </label>
        ))}
      </FieldSet>

      <Field
        name="whatBringsYou"
        label="What brings you to therapy? (optional)"
        hint={`A sentence or two is plenty, at most ${WHAT_BRINGS_YOU_MAX_LENGTH} characters. Please don't share details you would not want written down; there will be time to talk when we meet.`}
        error={errorFor("whatBringsYou")}
      >
        <textarea
          rows={4}
          maxLength={WHAT_BRINGS_YOU_MAX_LENGTH}
          defaultValue={typed.whatBringsYou}
          {...fieldA11y("whatBringsYou", { error: errorFor("whatBringsYou"), hint: true })}
          {...register("whatBringsYou")}
        />
      </Field>

      <Field name="heardAbout" label="How did you hear about the practice?" error={errorFor("heardAbout")}>
        <select defaultValue={typed.heardAbout ?? ""} {...fieldA11y("heardAbout", { error: errorFor("heardAbout") })} {...register("heardAbout")}>
          <option value="">Choose an answer…</option>
          {heardAboutOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>

      <div className="field">
        <label className="choice" htmlFor="consent">
          <input type="checkbox" value="yes" defaultChecked={typed.consent === "yes"} {...fieldA11y("consent", { error: errorFor("consent") })} {...register("consent")} />
          <span>
            I agree that the practice may keep these answers to arrange my appointment and contact me about it, as described in
            the <Link href="/privacy">privacy notice</Link>.
          </span>
        </label>
        <FieldError name="consent" error={errorFor("consent")} />
      </div>

      <div className="field emergency-acknowledgement">
        <label className="choice" htmlFor="notEmergency">
          <input
            type="checkbox"
            value="yes"
            defaultChecked={typed.notEmergency === "yes"}
            {...fieldA11y("notEmergency", { error: errorFor("notEmergency"), hint: true })}
            {...register("notEmergency")}
          />
          <span>I understand that booking is not for emergencies, and that no one reads this form right away.</span>
        </label>
        <div className="notice notice-info" id="notEmergency-hint">
          <p>If you are in crisis or in danger, please don&apos;t wait for an appointment:</p>
          {crisisLines}
        </div>
        <FieldError name="notEmergency" error={errorFor("notEmergency")} />
      </div>

      <div>
        <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
          {pending ? "Sending…" : sessionType.confirmation === "immediate" ? "Book this time" : "Request this time"}
        </button>
      </div>
    </form>
  );
}
