import { Form } from "@remix-run/react";
import type { ConsoleUpdate } from "../../../../db/incidents/console/detail";
import { formatDateTime } from "~/lib/format";
import { FieldError } from "~/lib/forms";
import { INCIDENT_STATUS_LABELS } from "~/lib/labels";
import { Markdown } from "~/lib/markdown";
import { UPDATE_MAX_CHARS } from "~/ops/incident-forms";
import type { IntentFailure } from "~/ops/incident-intents";
import { FormFailure, IncidentSection, Saved, useSectionForm } from "./IncidentSection";
import type { SectionProps } from "./types";

/** A correction of one posted update; the earlier text stays in the audit log. */
function EditUpdate({ update, failure }: { update: ConsoleUpdate; failure: IntentFailure | null }) {
  const prefix = `edit-${update.id}`;
  const { errors, form, field } = useSectionForm(prefix, failure, ["body"]);
  return (
    <details className="edit-update" open={failure !== null}>
      <summary>Correct this update</summary>
      <FormFailure failure={failure} />
      <Form method="post" className="stack-form" noValidate ref={form} key={update.body}>
        <input type="hidden" name="intent" value="edit-update" />
        <input type="hidden" name="updateId" value={update.id} />
        <label htmlFor={`${prefix}-body`}>Corrected text</label>
        <textarea {...field("body", `${prefix}-hint`)} rows={4} maxLength={UPDATE_MAX_CHARS} defaultValue={failure?.values.body ?? update.body} />
        <p id={`${prefix}-hint`} className="hint">
          Merchants will see the update marked “(edited)”; the earlier text stays in the audit log.
        </p>
        <FieldError id={`${prefix}-body-error`} message={errors.body} />
        <div>
          <button type="submit">Save correction</button>
        </div>
      </Form>
    </details>
  );
}

/** Every update, newest first, with the texts corrections replaced; a failed correction opens at its own update. */
export function UpdateTimeline({ data, failure }: SectionProps) {
  return (
    <IncidentSection id="updates" title="Updates">
      <Saved section="updates" saved={data.saved} />
      <ol className="timeline ops-timeline">
        {data.incident.updates.map((u) => (
          <li key={u.id} className={`timeline__item timeline__item--${u.status}`}>
            <h3>
              {INCIDENT_STATUS_LABELS[u.status]}
              <time dateTime={new Date(u.createdAtMs).toISOString()}> · {formatDateTime(u.createdAtMs)}</time>
            </h3>
            <p className="muted">
              {u.author ? `Posted by ${u.author}` : "Posted automatically"}
              {u.editedAtMs !== null ? `; edited ${formatDateTime(u.editedAtMs)}` : ""}
            </p>
            <Markdown source={u.body} />
            {u.history.length > 0 ? (
              <details>
                <summary>Earlier text ({u.history.length})</summary>
                <ol className="edit-history">
                  {u.history.map((h, i) => (
                    <li key={i}>
                      <p className="muted">
                        Replaced {formatDateTime(h.replacedAtMs)} by {h.by}:
                      </p>
                      <Markdown source={h.body} />
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            <EditUpdate update={u} failure={failure?.intent === "edit-update" && failure.target === String(u.id) ? failure : null} />
          </li>
        ))}
      </ol>
    </IncidentSection>
  );
}
