import { Form } from "@remix-run/react";
import { isClosedStatus } from "../../../../db/health/incident-status";
import { FieldError } from "~/lib/forms";
import { POSTMORTEM_MAX_CHARS } from "~/ops/incident-forms";
import { FormFailure, IncidentSection, Saved, useSectionForm } from "./IncidentSection";
import type { SectionProps } from "./types";

/** What happened and what changes, published once the incident is resolved. */
export function Postmortem({ data, failure }: SectionProps) {
  const { summary, postmortem } = data.incident;
  const { errors, form, field } = useSectionForm("postmortem", failure, ["body"]);
  return (
    <IncidentSection id="postmortem" title="Postmortem">
      <Saved section="postmortem" saved={data.saved} />
      {isClosedStatus(summary.status) ? (
        <>
          <FormFailure failure={failure} />
          <Form method="post" className="stack-form" noValidate ref={form} key={postmortem ?? ""}>
            <input type="hidden" name="intent" value="postmortem" />
            <label htmlFor="postmortem-body">What happened, why, and what changes</label>
            <textarea {...field("body", "postmortem-hint")} rows={8} maxLength={POSTMORTEM_MAX_CHARS} defaultValue={failure?.values.body ?? postmortem ?? ""} />
            <p id="postmortem-hint" className="hint">
              Shown on the incident’s public page below the updates. Revisions are kept in the audit log.
            </p>
            <FieldError id="postmortem-body-error" message={errors.body} />
            <div>
              <button type="submit">{postmortem ? "Update postmortem" : "Publish postmortem"}</button>
            </div>
          </Form>
        </>
      ) : (
        <p className="muted">A postmortem can be published once the incident is resolved.</p>
      )}
    </IncidentSection>
  );
}
