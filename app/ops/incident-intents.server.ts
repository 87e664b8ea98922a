// The changes an incident's console page posts, each told apart by its `intent`: parsed
// with one schema, applied by the console's named write, answered with a redirect to the
// saved confirmation or a 400 that puts each error next to its field.

import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { placeError, textFields } from "~/lib/forms";
import type { Actor } from "../../db/audit";
import type { Executor } from "../../db/client";
import { OPS_UPDATE_STATUSES } from "../../db/health/incident-status";
import { addCustomStep, linkAction, moveAction, unlinkAction } from "../../db/incidents/console/actions";
import { IncidentConsoleError } from "../../db/incidents/console/guards";
import { addNote } from "../../db/incidents/console/notes";
import { editUpdate, postUpdateByOps, setPostmortem } from "../../db/incidents/console/updates";
import { INCIDENT_IMPACTS, PROVIDER_IMPACTS } from "../../db/schema/enums";
import { POSTMORTEM_MAX_CHARS, providerImpactsOf, STEP_MAX_CHARS, UPDATE_MAX_CHARS } from "./incident-forms";
import type { IncidentIntent, IntentFailure } from "./incident-intents";

const Id = z.coerce.number().int().positive();
const text = (what: string, maxChars: number) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, `Write ${what}.`)
    .max(maxChars, `Keep ${what} under ${maxChars.toLocaleString("en-IN")} characters.`);
const Impact = z.enum(PROVIDER_IMPACTS, { error: "Choose an impact from the list." });
const blankAsNull = z.literal("").transform(() => null);

/** Every form on the page, told apart by its `intent`. */
const IncidentForm = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("update"),
        status: z.enum(OPS_UPDATE_STATUSES, { error: "Choose a status." }),
        body: text("the update", UPDATE_MAX_CHARS),
        providers: z.array(z.object({ providerId: Id, impact: Impact })),
        addProviderId: z.union([blankAsNull, Id], { error: "Choose a provider from the list." }).optional(),
        addImpact: z.union([blankAsNull, Impact]).optional(),
        impactOverride: z.union([blankAsNull, z.enum(INCIDENT_IMPACTS)], { error: "Choose an impact from the list." }).optional(),
      })
      .refine((d) => !d.addProviderId || d.addImpact, { path: ["addImpact"], message: "Choose the impact on the added provider." })
      .refine((d) => d.providers.length > 0 || d.addProviderId, { path: ["providers"], message: "Keep at least one affected provider." }),
    z.object({ intent: z.literal("edit-update"), updateId: Id, body: text("the update", UPDATE_MAX_CHARS) }),
    z.object({ intent: z.literal("postmortem"), body: text("the postmortem", POSTMORTEM_MAX_CHARS) }),
    z.object({
      intent: z.literal("link-action"),
      recommendedActionId: z.string({ error: "Choose a step to add." }).min(1, "Choose a step to add.").pipe(z.coerce.number<string>().int().positive()),
    }),
    z.object({ intent: z.literal("custom-step"), text: text("the step", STEP_MAX_CHARS) }),
    z.object({ intent: z.literal("unlink-action"), incidentActionId: Id }),
    z.object({ intent: z.literal("move-action"), incidentActionId: Id, direction: z.enum(["up", "down"]) }),
    z.object({ intent: z.literal("note"), body: text("the note", UPDATE_MAX_CHARS) }),
  ],
  { error: "This form is not one the page knows. Reload the page and try again." },
);
type IncidentChange = z.infer<typeof IncidentForm>;

const HIDDEN_FIELDS: readonly string[] = ["updateId", "incidentActionId", "direction"];
const STALE_FORM = "This form is out of date. Reload the page and try again.";

function failureOf(error: z.ZodError): Pick<IntentFailure, "fieldErrors" | "formError"> {
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const issue of error.issues) {
    const field = issue.path[0];
    // Hidden fields are not something the person can correct: the page they submitted is stale or forged.
    if (field === undefined || field === "intent") formError ??= issue.message;
    else if (HIDDEN_FIELDS.includes(String(field))) formError ??= STALE_FORM;
    else fieldErrors[String(field)] ??= issue.message;
  }
  return { fieldErrors, formError };
}

/** Applies one change; returns where the page should put the focus afterwards. */
function apply(db: Executor, actor: Actor, incidentId: number, change: IncidentChange, nowMs: number): string {
  switch (change.intent) {
    case "update": {
      const added = change.addProviderId && change.addImpact ? [{ providerId: change.addProviderId, impact: change.addImpact }] : [];
      postUpdateByOps(
        db,
        actor,
        { incidentId, status: change.status, body: change.body, providers: [...change.providers, ...added], impactOverride: change.impactOverride },
        nowMs,
      );
      break;
    }
    case "edit-update":
      editUpdate(db, actor, { incidentId, updateId: change.updateId, body: change.body }, nowMs);
      break;
    case "postmortem":
      setPostmortem(db, actor, { incidentId, body: change.body }, nowMs);
      break;
    case "link-action":
      linkAction(db, actor, { incidentId, recommendedActionId: change.recommendedActionId }, nowMs);
      break;
    case "custom-step":
      addCustomStep(db, actor, { incidentId, text: change.text }, nowMs);
      break;
    case "unlink-action":
      unlinkAction(db, actor, { incidentId, incidentActionId: change.incidentActionId }, nowMs);
      break;
    case "move-action":
      moveAction(db, actor, { incidentId, incidentActionId: change.incidentActionId, direction: change.direction }, nowMs);
      // Keyboard users keep their place: the moved step takes the focus.
      return `step-${change.incidentActionId}`;
    case "note":
      addNote(db, actor, { incidentId, body: change.body }, nowMs);
      break;
  }
  return "saved";
}

/** Takes one posted form of the incident's page; the incident is known to exist. */
export function takeIncidentForm(db: Executor, actor: Actor, incidentId: number, form: FormData) {
  const values = textFields(form);
  const intent = values.intent ?? "";
  const failed = ({ fieldErrors, formError }: Pick<IntentFailure, "fieldErrors" | "formError">) =>
    json<IntentFailure>({ intent, target: values.updateId ?? values.incidentActionId ?? null, fieldErrors, formError, values }, { status: 400 });

  const parsed = IncidentForm.safeParse({ ...values, providers: providerImpactsOf(values) });
  if (!parsed.success) return failed(failureOf(parsed.error));
  const saved: IncidentIntent = parsed.data.intent;
  try {
    const focus = apply(db, actor, incidentId, parsed.data, Date.now());
    return redirect(`/ops/incidents/${incidentId}?saved=${saved}#${focus}`);
  } catch (error) {
    if (error instanceof IncidentConsoleError) return failed(placeError(error));
    throw error;
  }
}
