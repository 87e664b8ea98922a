// Reading the new-incident form: one schema for what ops type, with the start time they
// type in India Standard Time, and the same time shown back as the form's default.

import { z } from "zod";
import { INCIDENT_IMPACTS, PROVIDER_IMPACTS } from "../../db/schema/enums";
import { zoneOffsetMs } from "../../db/time";
import { OPENING_STATUSES, providerImpactsOf, TITLE_MAX_CHARS, UPDATE_MAX_CHARS } from "./incident-forms";

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** `datetime-local` has no zone: the console, like the pages, speaks India Standard Time. */
function fromLocalDateTime(value: string): Date {
  const [date, time] = value.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(":").map(Number) as [number, number, number?];
  const asIfUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
  return new Date(asIfUtc - zoneOffsetMs(asIfUtc));
}

export const toLocalDateTime = (ms: number) => new Date(ms + zoneOffsetMs(ms)).toISOString().slice(0, 16);

const NewIncidentForm = z.object({
  title: z.string({ error: "Give the incident a title." }).trim().min(1, "Give the incident a title.").max(TITLE_MAX_CHARS, `Keep the title under ${TITLE_MAX_CHARS} characters.`),
  providers: z
    .array(z.object({ providerId: z.coerce.number().int().positive(), impact: z.enum(PROVIDER_IMPACTS) }), { error: "Choose the affected providers." })
    .min(1, "Choose at least one affected provider and the impact on it."),
  workflowIds: z.array(z.coerce.number().int().positive(), { error: "Choose workflows from the list." }),
  // Optional fields may be left out of the form altogether: absent means blank.
  causeId: z.union([z.literal("").transform(() => null), z.coerce.number().int().positive()], { error: "Choose a cause from the list." }).default(null),
  impactOverride: z.union([z.literal("").transform(() => null), z.enum(INCIDENT_IMPACTS)], { error: "Choose an impact from the list." }).default(null),
  startedAt: z
    .string()
    .trim()
    .refine((v) => v === "" || LOCAL_DATE_TIME.test(v), "Enter the start time as a date and time.")
    .transform((v) => (v === "" ? new Date() : fromLocalDateTime(v)))
    .default(() => new Date()),
  status: z.enum(OPENING_STATUSES, { error: "Choose the status to open with." }),
  body: z
    .string({ error: "Write the first update merchants will read." })
    .trim()
    .min(1, "Write the first update merchants will read.")
    .max(UPDATE_MAX_CHARS, `Keep the update under ${UPDATE_MAX_CHARS} characters.`),
});

/** What was typed, to give back with the errors: the workflow checkboxes repeat their name. */
export interface NewIncidentValues {
  fields: Record<string, string>;
  workflowIds: string[];
}

export function readNewIncidentForm(form: FormData): NewIncidentValues {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (name !== "workflowIds" && typeof value === "string") fields[name] = value;
  return { fields, workflowIds: form.getAll("workflowIds").map(String) };
}

export const parseNewIncident = (values: NewIncidentValues) =>
  NewIncidentForm.safeParse({ ...values.fields, providers: providerImpactsOf(values.fields), workflowIds: values.workflowIds });
