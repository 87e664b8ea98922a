import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import {
  MaintenanceError,
  MaintenanceFormSchema,
  cancelMaintenance,
  createMaintenance,
  getMaintenance,
  listProviderChoices,
  msToIndiaTime,
  updateMaintenance,
} from "~/data/ops.server";
import { formatDateTime } from "~/lib/format";
import { FieldError, fieldErrorsOf, fieldProps, FormError, formText, placeError } from "~/lib/forms";
import { MAINTENANCE_STATUS_LABELS } from "~/lib/labels";
import { optionalIdParam } from "~/lib/params";
import opsConsoleStyles from "~/styles/ops-console.css";

// This module is both /ops/maintenance/new (no id: schedule) and /ops/maintenance/:id
// (edit, cancel); ops.maintenance.new.tsx re-exports it so the two forms cannot drift apart.

const INTENTS = ["save", "cancel"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: opsConsoleStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.window ? `Maintenance ${data.window.id}` : "Schedule maintenance"} · Ops console` },
];

const windowId = (params: LoaderFunctionArgs["params"]) => optionalIdParam(params, "Maintenance window not found");

/** What the form shows: strings as typed, provider ids as the checkboxes send them. */
interface FormValues {
  title: string;
  description: string;
  providerIds: string[];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const id = windowId(params);
  const nowMs = Date.now();
  const window = id === null ? null : getMaintenance(context.db, id, nowMs);
  if (id !== null && !window) throw new Response("Maintenance window not found", { status: 404 });
  const today = msToIndiaTime(nowMs).date;
  const values: FormValues = window
    ? {
        title: window.title,
        description: window.description,
        providerIds: window.providers.map((p) => String(p.id)),
        startDate: msToIndiaTime(window.scheduledForMs).date,
        startTime: msToIndiaTime(window.scheduledForMs).time,
        endDate: msToIndiaTime(window.scheduledUntilMs).date,
        endTime: msToIndiaTime(window.scheduledUntilMs).time,
      }
    : { title: "", description: "", providerIds: [], startDate: today, startTime: "", endDate: today, endTime: "" };
  return json({ window, values, providerChoices: listProviderChoices(context.db) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = windowId(params);
  const form = await request.formData();
  const text = (name: string) => formText(form, name);
  const values: FormValues = {
    title: text("title"),
    description: text("description"),
    providerIds: form.getAll("providerId").filter((v): v is string => typeof v === "string"),
    startDate: text("startDate"),
    startTime: text("startTime"),
    endDate: text("endDate"),
    endTime: text("endTime"),
  };
  const failure = (status: number, fieldErrors: Record<string, string>, formError: string | null) => json({ values, fieldErrors, formError }, { status });
  const intent = z.enum(INTENTS).safeParse(text("intent") || "save");
  if (!intent.success || (id === null && intent.data === "cancel")) return failure(400, {}, "Save the window or cancel it.");

  const actor = actorOf(user);
  const at = new Date();
  try {
    if (id !== null && intent.data === "cancel") {
      const outcome = cancelMaintenance(context.db, actor, id, at);
      return redirect(`/ops/maintenance?done=${outcome}`);
    }
    const parsed = MaintenanceFormSchema.safeParse(values);
    if (!parsed.success) return failure(400, fieldErrorsOf(parsed.error), null);
    if (id === null) {
      createMaintenance(context.db, actor, parsed.data, at);
      return redirect("/ops/maintenance?done=scheduled");
    }
    updateMaintenance(context.db, actor, id, parsed.data, at);
    return redirect("/ops/maintenance?done=saved");
  } catch (error) {
    if (!(error instanceof MaintenanceError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    const { fieldErrors, formError } = placeError(error);
    return failure(error.status, fieldErrors, formError);
  }
}

export default function MaintenanceForm() {
  const { window, values: stored, providerChoices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = result?.values ?? stored;
  const e: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const firstError = Object.keys(e)[0];
  const field = fieldProps(null, e);
  const editable = window === null || (window.source === "ops" && window.status !== "cancelled");
  // A new key after each submit remounts the form, so autoFocus moves to the first wrong field.
  const formKey = JSON.stringify(result ?? stored);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/maintenance">Maintenance</Link> › <span>{window ? `Window ${window.id}` : "Schedule"}</span>
      </nav>
      <header className="console-header">
        <h1>{window ? window.title : "Schedule maintenance"}</h1>
        {window ? <span className={`tag tag--maintenance-${window.status}`}>{window.status === "cancelled" ? "Cancelled" : MAINTENANCE_STATUS_LABELS[window.status]}</span> : null}
      </header>
      <FormError message={result?.formError} />

      {window && !editable ? (
        <>
          <p className="muted">
            {window.source === "upstream"
              ? "This window is mirrored from the provider's own feed, which decides its times; change it there."
              : "This window was cancelled and is not shown to merchants."}
          </p>
          <dl className="facts facts--wide">
            <div>
              <dt>When</dt>
              <dd>
                {formatDateTime(window.scheduledForMs)} to {formatDateTime(window.scheduledUntilMs)}
              </dd>
            </div>
            <div>
              <dt>Providers</dt>
              <dd>{window.providers.map((p) => p.name).join(", ")}</dd>
            </div>
            {window.description ? (
              <div>
                <dt>Description</dt>
                <dd>{window.description}</dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : (
        <Form method="post" className="stack-form console-form" noValidate key={formKey}>
          <input type="hidden" name="intent" value="save" />
          <label htmlFor="title">Title</label>
          <input {...field("title")} required defaultValue={values.title} />
          <FieldError id="title-error" message={e.title} />

          <fieldset className="choice-groups" aria-describedby={e.providerIds ? "providerIds-error" : undefined}>
            <legend>Providers</legend>
            {providerChoices.map((group) => (
              <div key={group.slug} className="choice-group">
                <p className="choice-group__name">{group.category.en}</p>
                <div className="choices">
                  {group.providers.map((p, i) => (
                    <label key={p.id} className="choice">
                      <input
                        type="checkbox"
                        name="providerId"
                        value={p.id}
                        defaultChecked={values.providerIds.includes(String(p.id))}
                        autoFocus={firstError === "providerIds" && i === 0 && group === providerChoices[0]}
                      />
                      {p.name}
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </fieldset>
          <FieldError id="providerIds-error" message={e.providerIds} />

          {(["start", "end"] as const).map((edge) => {
            // One message under the pair: a missing date or time, a date that does not exist, or an end before the start.
            const message = e[`${edge}Date`] ?? e[`${edge}Time`] ?? e[edge];
            const pairInvalid = (part: "Date" | "Time") =>
              e[`${edge}${part}`] || e[edge] ? { "aria-invalid": true, "aria-describedby": `${edge}-error`, autoFocus: firstError === `${edge}${part}` || firstError === edge } : {};
            return (
              <div key={edge}>
                <fieldset className="datetime">
                  <legend>{edge === "start" ? "Starts" : "Ends"} (India time, IST)</legend>
                  <label>
                    Date
                    <input type="date" name={`${edge}Date`} required defaultValue={values[`${edge}Date`]} {...pairInvalid("Date")} />
                  </label>
                  <label>
                    Time
                    <input type="time" name={`${edge}Time`} required defaultValue={values[`${edge}Time`]} {...pairInvalid("Time")} />
                  </label>
                </fieldset>
                <FieldError id={`${edge}-error`} message={message} />
              </div>
            );
          })}

          <label htmlFor="description">Description for merchants</label>
          <textarea {...field("description")} defaultValue={values.description} />
          <FieldError id="description-error" message={e.description} />

          <button type="submit" disabled={busy}>
            {window ? "Save changes" : "Schedule"}
          </button>
        </Form>
      )}

      {window && editable && window.status !== "completed" ? (
        <Form method="post" className="console-danger-zone">
          <input type="hidden" name="intent" value="cancel" />
          <p className="muted">
            {window.status === "scheduled"
              ? "Called off? Cancelling takes the window off the public pages."
              : "Over early? Ending it now keeps what happened on the uptime bars and stops showing the providers as under maintenance."}
          </p>
          <button type="submit" className="danger" disabled={busy}>
            {window.status === "scheduled" ? "Cancel this window" : "End this window now"}
          </button>
        </Form>
      ) : null}
    </>
  );
}
