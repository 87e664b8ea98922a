import { Form } from "@remix-run/react";
import { OPS_UPDATE_STATUSES } from "../../../../db/health/incident-status";
import type { IncidentStatus } from "../../../../db/schema/enums";
import { FieldError } from "~/lib/forms";
import { localize } from "~/lib/labels";
import { impactFieldName, UPDATE_MAX_CHARS } from "~/ops/incident-forms";
import { ImpactOverrideOptions, ProviderImpactOptions, StatusOptions } from "./IncidentOptions";
import { FormFailure, IncidentSection, Saved, useSectionForm } from "./IncidentSection";
import type { SectionProps } from "./types";

/** Field order on the form: the first field with an error takes the focus. */
const UPDATE_FIELDS = ["status", "body", "providers", "addProviderId", "addImpact", "impactOverride"] as const;

/** A new update for merchants, which may also change the affected providers and the overall impact. */
export function PostUpdate({ data, failure }: SectionProps) {
  const { summary, impactOverride } = data.incident;
  const { errors, form, field } = useSectionForm("update", failure, UPDATE_FIELDS);
  const typed = failure?.values ?? {};
  const affected = new Set(summary.providers.map((p) => p.id));
  const impactErrors = ["providers", "addProviderId", "addImpact", "impactOverride"].some((f) => errors[f]);
  const defaultStatus: IncidentStatus = summary.status === "postmortem" ? "resolved" : summary.status;
  return (
    <IncidentSection id="post-update" title="Post an update">
      <Saved section="post-update" saved={data.saved} />
      <FormFailure failure={failure} />
      <Form method="post" className="stack-form" noValidate ref={form} key={data.incident.updates.length}>
        <input type="hidden" name="intent" value="update" />
        <label htmlFor="update-status">Status</label>
        <select {...field("status")} defaultValue={typed.status ?? defaultStatus}>
          <StatusOptions statuses={OPS_UPDATE_STATUSES} />
        </select>
        <FieldError id="update-status-error" message={errors.status} />
        <label htmlFor="update-body">Update for merchants</label>
        <textarea {...field("body", "update-body-hint")} rows={5} maxLength={UPDATE_MAX_CHARS} defaultValue={typed.body ?? ""} />
        <p id="update-body-hint" className="hint">
          Shown on the status page as typed, with its time. Markdown: **bold**, *italic*, `code`, lists, [link](https://…).
        </p>
        <FieldError id="update-body-error" message={errors.body} />
        <details className="impact-change" open={impactErrors}>
          <summary>Change the affected providers or the overall impact</summary>
          <fieldset className="impact-grid">
            <legend>Affected providers</legend>
            <FieldError id="update-providers-error" message={errors.providers} />
            {summary.providers.map((p) => (
              <div key={p.id} className="impact-grid__row">
                <label htmlFor={`update-impact-${p.id}`}>{p.name}</label>
                <select
                  id={`update-impact-${p.id}`}
                  name={impactFieldName(p.id)}
                  defaultValue={typed[impactFieldName(p.id)] ?? p.impact}
                  aria-invalid={errors.providers ? true : undefined}
                  aria-describedby={errors.providers ? "update-providers-error" : undefined}
                >
                  <ProviderImpactOptions />
                  <option value="">No longer affected</option>
                </select>
              </div>
            ))}
            <label htmlFor="update-addProviderId">Add a provider</label>
            <select {...field("addProviderId")} defaultValue={typed.addProviderId ?? ""}>
              <option value="">None</option>
              {data.categories.map((c) => (
                <optgroup key={c.id} label={localize(c.name)}>
                  {c.providers
                    .filter((p) => !affected.has(p.id))
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <FieldError id="update-addProviderId-error" message={errors.addProviderId} />
            <label htmlFor="update-addImpact">Impact on the added provider</label>
            <select {...field("addImpact")} defaultValue={typed.addImpact ?? ""}>
              <option value="">Choose when adding a provider</option>
              <ProviderImpactOptions />
            </select>
            <FieldError id="update-addImpact-error" message={errors.addImpact} />
          </fieldset>
          <label htmlFor="update-impactOverride">Overall impact</label>
          <select {...field("impactOverride")} defaultValue={typed.impactOverride ?? impactOverride ?? ""}>
            <ImpactOverrideOptions />
          </select>
          <FieldError id="update-impactOverride-error" message={errors.impactOverride} />
        </details>
        <div>
          <button type="submit">Post update</button>
        </div>
      </Form>
    </IncidentSection>
  );
}
