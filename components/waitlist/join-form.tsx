"use client";

import type { ReactNode } from "react";
import { Agreement, Field, FieldSet, RadioGroup } from "@/components/ui/field";
import { PersonFields } from "@/components/forms/person-fields";
import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import type { WaitlistJoinState } from "@/lib/waitlist/join";
import { waitlistJoinSchema } from "@/lib/waitlist/schema";
import { dayParts, waitlistDays } from "@/lib/waitlist/wishes";

type Option = readonly [value: string, label: string];

type WaitlistJoinFormProps = {
  formKey: string;
  action: (state: WaitlistJoinState, formData: FormData) => Promise<WaitlistJoinState>;
  sessionTypes: readonly Option[];
  formats: readonly Option[];
  locations: readonly Option[];
  defaults: { sessionType?: string; location?: string; timeZone: string; earliest: string };
  zoneLabel: string;
  crisisLines: ReactNode;
};

/**
 * Joining the waitlist: the kind of appointment, where she will be, the
 * days and parts of the day that work, from when and until when, and how to
 * reach her. With JavaScript it checks as she types; without it the same
 * action answers a plain post, with every message beside its field.
 */
export function WaitlistJoinForm({ formKey, action, sessionTypes, formats, locations, defaults, zoneLabel, crisisLines }: WaitlistJoinFormProps) {
  const form = useServerForm({
    action,
    schema: waitlistJoinSchema,
    defaults: { ...defaults, format: formats.length === 1 ? formats[0]![0] : undefined },
  });
  const { field } = form;
  const days = field("monday");
  const parts = field("morning");
  return (
    <ServerForm form={form} formKey={formKey} submitLabel="Join the waitlist" pendingLabel="Sending…">
      <input type="hidden" {...field("timeZone").input} />
      <Field label="What would you like to book?" {...field("sessionType").props}>
        <select {...field("sessionType").input}>
          {sessionTypes.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Where will you be during the session?"
        hint="Licensing depends on where you physically are during each session, not where you live."
        {...field("location", { hint: true }).props}
      >
        <select {...field("location", { hint: true }).input}>
          <option value="">Choose a state</option>
          {locations.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <RadioGroup legend="How would you like to meet?" field={field("format")} options={formats} />
      <FieldSet legend="Which days of the week work for you?" hint={`Tick every day that could work. Days and times are read in ${zoneLabel}.`} {...days.props}>
        {waitlistDays.map(([day, label]) => {
          const box = field(day).checkbox;
          return (
            <label key={day} className="choice" htmlFor={box.id}>
              <input type="checkbox" {...box} aria-describedby={days.input["aria-describedby"]} />
              {label}
            </label>
          );
        })}
      </FieldSet>
      <FieldSet legend="Which parts of the day work for you?" {...parts.props}>
        {dayParts.map(([part, label]) => {
          const box = field(part).checkbox;
          return (
            <label key={part} className="choice" htmlFor={box.id}>
              <input type="checkbox" {...box} aria-describedby={parts.input["aria-describedby"]} />
              {label}
            </label>
          );
        })}
      </FieldSet>
      <Field label="The first day you could come" {...field("earliest").props}>
        <input type="date" {...field("earliest").input} />
      </Field>
      <Field label="The last day you could come (optional)" hint="Leave it empty if any later day is fine." {...field("latest", { hint: true }).props}>
        <input type="date" {...field("latest", { hint: true }).input} />
      </Field>
      <PersonFields field={field} emailHint="We send a code to this address to confirm it, and write only when a time is offered to you or your place is about to end." />
      <Agreement
        field={field("consent", { hint: true })}
        className="field emergency-acknowledgement"
        after={
          <div className="notice notice-info" id="consent-hint">
            <p>A waitlist can take weeks. If you are in crisis or in danger, please don&apos;t wait:</p>
            {crisisLines}
          </div>
        }
      >
        The practice may keep these answers to offer me a time and write to me about it, and I understand the waitlist is not for emergencies.
      </Agreement>
    </ServerForm>
  );
}
