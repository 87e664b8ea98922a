import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS, localize } from "~/lib/labels";
import styles from "~/styles/ops-incidents.css";
import { createIncidentByOps, IncidentConsoleError, incidentFormOptions } from "../../db/incidents/console";
import { INCIDENT_IMPACTS, PROVIDER_IMPACTS } from "../../db/schema/enums";
import { zoneOffsetMs } from "../../db/time";

const OPENING_STATUSES = ["investigating", "identified", "monitoring"] as const;
const TITLE_MAX_CHARS = 200;
const BODY_MAX_CHARS = 5_000;
/** Field order on the page: the first field with an error takes the focus. */
const FIELDS = ["title", "providers", "workflowIds", "causeId", "impactOverride", "startedAt", "status", "body"] as const;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** `datetime-local` has no zone: the console, like the pages, speaks India Standard Time. */
function fromLocalDateTime(value: string): Date {
  const [date, time] = value.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(":").map(Number) as [number, number, number?];
  const asIfUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
  return new Date(asIfUtc - zoneOffsetMs(asIfUtc));
}

const toLocalDateTime = (ms: number) => new Date(ms + zoneOffsetMs(ms)).toISOString().slice(0, 16);

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
  body: z.string({ error: "Write the first update merchants will read." }).trim().min(1, "Write the first update merchants will read.").max(BODY_MAX_CHARS, `Keep the update under ${BODY_MAX_CHARS} characters.`),
});

type Values = { fields: Record<string, string>; workflowIds: string[] };

function readForm(form: FormData): Values {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (name !== "workflowIds" && typeof value === "string") fields[name] = value;
  return { fields, workflowIds: form.getAll("workflowIds").map(String) };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Open an incident · Ops console" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return json({ options: incidentFormOptions(context.db), startedAtDefault: toLocalDateTime(Date.now()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const values = readForm(await request.formData());
  const providers = Object.entries(values.fields).flatMap(([name, impact]) => {
    const providerId = /^impact\.(\d+)$/.exec(name)?.[1];
    return providerId && impact !== "" ? [{ providerId, impact }] : [];
  });
  const parsed = NewIncidentForm.safeParse({ ...values.fields, providers, workflowIds: values.workflowIds });
  const failed = (fieldErrors: Record<string, string>, formError: string | null = null) => json({ fieldErrors, formError, values }, { status: 400 });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return failed(fieldErrors);
  }
  try {
    const id = createIncidentByOps(context.db, actorOf(user), parsed.data, Date.now());
    return redirect(`/ops/incidents/${id}?saved=created#saved`);
  } catch (error) {
    if (error instanceof IncidentConsoleError) return error.field ? failed({ [error.field]: error.message }) : failed({}, error.message);
    throw error;
  }
}

function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  return errors[name] ? (
    <p id={`${name}-error`} className="field-error">
      {errors[name]}
    </p>
  ) : null;
}

export default function NewIncident() {
  const { options, startedAtDefault } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const typed = result?.values.fields ?? {};
  const firstError = FIELDS.find((f) => errors[f]);
  const form = useRef<HTMLFormElement>(null);
  // Without JavaScript `autoFocus` does this on the reloaded page; with it the page is not reloaded.
  useEffect(() => {
    if (result) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result]);
  const invalid = (name: string, hintId?: string) => ({
    id: name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hintId, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
    autoFocus: firstError === name,
  });
  const firstProviderId = options.categories.flatMap((c) => c.providers)[0]?.id;
  const checkedWorkflows = new Set(result?.values.workflowIds ?? []);

  return (
    <section className="ops-incident">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/incidents">Incidents</Link> › <span>New</span>
      </nav>
      <h1>Open an incident</h1>
      {result ? (
        <p className="form-error" role="alert">
          {result.formError ?? `The incident was not opened: correct the ${Object.keys(errors).length === 1 ? "field" : "fields"} marked below.`}
        </p>
      ) : null}
      <Form method="post" className="stack-form incident-form" noValidate ref={form}>
        <label htmlFor="title">Title</label>
        <input name="title" maxLength={TITLE_MAX_CHARS} required defaultValue={typed.title ?? ""} {...invalid("title")} />
        <FieldError name="title" errors={errors} />

        <fieldset className="impact-grid" aria-describedby={errors.providers ? "providers-error" : "providers-hint"}>
          <legend>Affected providers and the impact on each</legend>
          <p id="providers-hint" className="hint">
            Leave a provider at “Not affected” unless merchants using it are hit.
          </p>
          <FieldError name="providers" errors={errors} />
          {options.categories
            .filter((c) => c.providers.length > 0)
            .map((c) => (
              <fieldset key={c.id} className="impact-grid__group">
                <legend>{localize(c.name)}</legend>
                {c.providers.map((p) => (
                  <div key={p.id} className="impact-grid__row">
                    <label htmlFor={`impact-${p.id}`}>{p.name}</label>
                    <select
                      id={`impact-${p.id}`}
                      name={`impact.${p.id}`}
                      defaultValue={typed[`impact.${p.id}`] ?? ""}
                      aria-invalid={errors.providers ? true : undefined}
                      autoFocus={firstError === "providers" && p.id === firstProviderId}
                    >
                      <option value="">Not affected</option>
                      {PROVIDER_IMPACTS.map((impact) => (
                        <option key={impact} value={impact}>
                          {PROVIDER_IMPACT_LABELS[impact]}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
            ))}
        </fieldset>

        <fieldset className="checkbox-grid" aria-describedby={errors.workflowIds ? "workflowIds-error" : undefined}>
          <legend>Affected workflows</legend>
          <FieldError name="workflowIds" errors={errors} />
          {options.categories
            .filter((c) => c.workflows.length > 0)
            .map((c) => (
              <fieldset key={c.id} className="checkbox-grid__group">
                <legend>{localize(c.name)}</legend>
                {c.workflows.map((w) => (
                  <label key={w.id} className="checkbox">
                    <input type="checkbox" name="workflowIds" value={w.id} defaultChecked={checkedWorkflows.has(String(w.id))} />
                    {localize(w.name)}
                  </label>
                ))}
              </fieldset>
            ))}
        </fieldset>

        <label htmlFor="causeId">Cause</label>
        <select name="causeId" defaultValue={typed.causeId ?? ""} {...invalid("causeId")}>
          <option value="">Not known yet</option>
          {options.causes.map((c) => (
            <option key={c.id} value={c.id}>
              {localize(c.name)}
            </option>
          ))}
        </select>
        <FieldError name="causeId" errors={errors} />

        <label htmlFor="impactOverride">Overall impact</label>
        <select name="impactOverride" defaultValue={typed.impactOverride ?? ""} {...invalid("impactOverride")}>
          <option value="">Derived from the providers’ impacts</option>
          {INCIDENT_IMPACTS.map((impact) => (
            <option key={impact} value={impact}>
              {IMPACT_LABELS[impact]} (override)
            </option>
          ))}
        </select>
        <FieldError name="impactOverride" errors={errors} />

        <label htmlFor="startedAt">Started at (IST)</label>
        <input type="datetime-local" name="startedAt" defaultValue={typed.startedAt ?? startedAtDefault} {...invalid("startedAt", "startedAt-hint")} />
        <p id="startedAt-hint" className="hint">
          Now, unless you change it to when merchants were first hit.
        </p>
        <FieldError name="startedAt" errors={errors} />

        <label htmlFor="status">Status</label>
        <select name="status" defaultValue={typed.status ?? "investigating"} {...invalid("status")}>
          {OPENING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <FieldError name="status" errors={errors} />

        <label htmlFor="body">First update</label>
        <textarea name="body" rows={6} maxLength={BODY_MAX_CHARS} required defaultValue={typed.body ?? ""} {...invalid("body", "body-hint")} />
        <p id="body-hint" className="hint">
          Merchants read this as written. Markdown: **bold**, *italic*, `code`, lists, [link](https://…).
        </p>
        <FieldError name="body" errors={errors} />

        <p className="hint">
          The checklists of the affected categories and the steps for the cause are linked automatically; change them on the incident’s page.
        </p>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Opening…" : "Open incident"}
          </button>
        </div>
      </Form>
    </section>
  );
}
