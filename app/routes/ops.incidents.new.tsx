import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { actorOf, requireUser } from "~/auth/session.server";
import { ImpactOverrideOptions, ProviderImpactOptions, StatusOptions } from "~/components/ops/incident/IncidentOptions";
import { createIncidentByOps, IncidentConsoleError, incidentFormOptions } from "~/data/ops.server";
import { FieldError, fieldErrorsOf, fieldProps, FormError, placeError, useFocusOnFailure } from "~/lib/forms";
import { localize } from "~/lib/labels";
import { impactFieldName, OPENING_STATUSES, TITLE_MAX_CHARS, UPDATE_MAX_CHARS } from "~/ops/incident-forms";
import { parseNewIncident, readNewIncidentForm, toLocalDateTime } from "~/ops/new-incident.server";
import styles from "~/styles/ops-incidents.css";

/** Field order on the page: the first field with an error takes the focus. */
const FIELDS = ["title", "providers", "workflowIds", "causeId", "impactOverride", "startedAt", "status", "body"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Open an incident · Ops console" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return json({ options: incidentFormOptions(context.db), startedAtDefault: toLocalDateTime(Date.now()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const values = readNewIncidentForm(await request.formData());
  const parsed = parseNewIncident(values);
  const failed = ({ fieldErrors, formError }: { fieldErrors: Record<string, string>; formError: string | null }) =>
    json({ fieldErrors, formError, values }, { status: 400 });
  if (!parsed.success) return failed({ fieldErrors: fieldErrorsOf(parsed.error), formError: null });
  try {
    const id = createIncidentByOps(context.db, actorOf(user), parsed.data, Date.now());
    return redirect(`/ops/incidents/${id}?saved=created#saved`);
  } catch (error) {
    if (error instanceof IncidentConsoleError) return failed(placeError(error));
    throw error;
  }
}

export default function NewIncident() {
  const { options, startedAtDefault } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const typed = result?.values.fields ?? {};
  const firstError = FIELDS.find((f) => errors[f]);
  const form = useFocusOnFailure(result);
  const field = fieldProps(null, errors, FIELDS);
  const firstProviderId = options.categories.flatMap((c) => c.providers)[0]?.id;
  const checkedWorkflows = new Set(result?.values.workflowIds ?? []);

  return (
    <section className="ops-incident">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/incidents">Incidents</Link> › <span>New</span>
      </nav>
      <h1>Open an incident</h1>
      <FormError message={result && (result.formError ?? `The incident was not opened: correct the ${Object.keys(errors).length === 1 ? "field" : "fields"} marked below.`)} />
      <Form method="post" className="stack-form incident-form" noValidate ref={form}>
        <label htmlFor="title">Title</label>
        <input {...field("title")} maxLength={TITLE_MAX_CHARS} required defaultValue={typed.title ?? ""} />
        <FieldError id="title-error" message={errors.title} />

        <fieldset className="impact-grid" aria-describedby={errors.providers ? "providers-error" : "providers-hint"}>
          <legend>Affected providers and the impact on each</legend>
          <p id="providers-hint" className="hint">
            Leave a provider at “Not affected” unless merchants using it are hit.
          </p>
          <FieldError id="providers-error" message={errors.providers} />
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
                      name={impactFieldName(p.id)}
                      defaultValue={typed[impactFieldName(p.id)] ?? ""}
                      aria-invalid={errors.providers ? true : undefined}
                      autoFocus={firstError === "providers" && p.id === firstProviderId}
                    >
                      <option value="">Not affected</option>
                      <ProviderImpactOptions />
                    </select>
                  </div>
                ))}
              </fieldset>
            ))}
        </fieldset>

        <fieldset className="checkbox-grid" aria-describedby={errors.workflowIds ? "workflowIds-error" : undefined}>
          <legend>Affected workflows</legend>
          <FieldError id="workflowIds-error" message={errors.workflowIds} />
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
        <select {...field("causeId")} defaultValue={typed.causeId ?? ""}>
          <option value="">Not known yet</option>
          {options.causes.map((c) => (
            <option key={c.id} value={c.id}>
              {localize(c.name)}
            </option>
          ))}
        </select>
        <FieldError id="causeId-error" message={errors.causeId} />

        <label htmlFor="impactOverride">Overall impact</label>
        <select {...field("impactOverride")} defaultValue={typed.impactOverride ?? ""}>
          <ImpactOverrideOptions />
        </select>
        <FieldError id="impactOverride-error" message={errors.impactOverride} />

        <label htmlFor="startedAt">Started at (IST)</label>
        <input type="datetime-local" {...field("startedAt", "startedAt-hint")} defaultValue={typed.startedAt ?? startedAtDefault} />
        <p id="startedAt-hint" className="hint">
          Now, unless you change it to when merchants were first hit.
        </p>
        <FieldError id="startedAt-error" message={errors.startedAt} />

        <label htmlFor="status">Status</label>
        <select {...field("status")} defaultValue={typed.status ?? "investigating"}>
          <StatusOptions statuses={OPENING_STATUSES} />
        </select>
        <FieldError id="status-error" message={errors.status} />

        <label htmlFor="body">First update</label>
        <textarea {...field("body", "body-hint")} rows={6} maxLength={UPDATE_MAX_CHARS} required defaultValue={typed.body ?? ""} />
        <p id="body-hint" className="hint">
          Merchants read this as written. Markdown: **bold**, *italic*, `code`, lists, [link](https://…).
        </p>
        <FieldError id="body-error" message={errors.body} />

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
