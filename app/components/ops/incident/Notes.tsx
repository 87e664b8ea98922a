import { Form } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { FieldError } from "~/lib/forms";
import { Markdown } from "~/lib/markdown";
import { UPDATE_MAX_CHARS } from "~/ops/incident-forms";
import { FormFailure, IncidentSection, Saved, useSectionForm } from "./IncidentSection";
import type { SectionProps } from "./types";

/** The ops team's own notes on the incident, newest first. */
export function Notes({ data, failure }: SectionProps) {
  const { notes } = data.incident;
  const { errors, form, field } = useSectionForm("note", failure, ["body"]);
  return (
    <IncidentSection id="notes" title="Internal notes">
      <Saved section="notes" saved={data.saved} />
      <p className="hint">For the ops team only: merchants never see these.</p>
      {notes.length > 0 ? (
        <ol className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="muted">
                {n.author ?? "Someone"} · {formatDateTime(n.createdAtMs)}
              </p>
              <Markdown source={n.body} />
            </li>
          ))}
        </ol>
      ) : null}
      <FormFailure failure={failure} />
      <Form method="post" className="stack-form" noValidate ref={form} key={notes.length}>
        <input type="hidden" name="intent" value="note" />
        <label htmlFor="note-body">Add a note</label>
        <textarea {...field("body")} rows={3} maxLength={UPDATE_MAX_CHARS} defaultValue={failure?.values.body ?? ""} />
        <FieldError id="note-body-error" message={errors.body} />
        <div>
          <button type="submit">Add note</button>
        </div>
      </Form>
    </IncidentSection>
  );
}
