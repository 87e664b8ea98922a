import { Form } from "@remix-run/react";
import type { ActionOption, ConsoleAction } from "../../../../db/incidents/console/detail";
import { FieldError } from "~/lib/forms";
import { localize } from "~/lib/labels";
import { STEP_MAX_CHARS } from "~/ops/incident-forms";
import type { IncidentIntent } from "~/ops/incident-intents";
import { FormFailure, IncidentSection, Saved, useSectionForm } from "./IncidentSection";
import type { SectionProps } from "./types";

function StepButton({ action, intent, direction, label }: { action: ConsoleAction; intent: IncidentIntent; direction?: "up" | "down"; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="incidentActionId" value={action.id} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="button--secondary button--small">
        {label}
        <span className="visually-hidden">: {localize(action.text)}</span>
      </button>
    </Form>
  );
}

function StepList({ actions, ordered }: { actions: ConsoleAction[]; ordered: boolean }) {
  const items = actions.map((a, i) => (
    <li key={a.id} id={`step-${a.id}`} tabIndex={-1} className="step">
      <span className="step__text">
        {localize(a.text)} <span className="muted">({a.scope ?? "for this incident only"})</span>
      </span>
      <span className="step__controls">
        {i > 0 ? <StepButton action={a} intent="move-action" direction="up" label="Move up" /> : null}
        {i < actions.length - 1 ? <StepButton action={a} intent="move-action" direction="down" label="Move down" /> : null}
        <StepButton action={a} intent="unlink-action" label="Remove" />
      </span>
    </li>
  ));
  return ordered ? <ol className="steps">{items}</ol> : <ul className="steps">{items}</ul>;
}

const libraryOption = (a: ActionOption) => (
  <option key={a.id} value={a.id}>
    {a.kind === "advice" ? "Important: " : ""}
    {localize(a.text)} ({a.scope})
  </option>
);

/** The steps merchants are shown, in their order, and the forms that add, move and remove them. */
export function RecommendedActions({ data, failure }: SectionProps) {
  const { actions, library } = data.incident;
  const advice = actions.filter((a) => a.kind === "advice");
  const steps = actions.filter((a) => a.kind !== "advice");
  const linkFailure = failure?.intent === "link-action" ? failure : null;
  const customFailure = failure?.intent === "custom-step" ? failure : null;
  const link = useSectionForm("link", linkFailure, ["recommendedActionId"]);
  const custom = useSectionForm("custom", customFailure, ["text"]);
  return (
    <IncidentSection id="actions" title="What merchants should do">
      <Saved section="actions" saved={data.saved} />
      <FormFailure failure={failure} />
      <p className="hint">The incident’s public page shows the advice first, set apart, then the steps in this order.</p>
      {actions.length === 0 ? <p>No steps linked. Merchants are shown the suggested steps for the affected categories and cause.</p> : null}
      {advice.length > 0 ? (
        <>
          <h3>Advice</h3>
          <StepList actions={advice} ordered={false} />
        </>
      ) : null}
      {steps.length > 0 ? (
        <>
          <h3>Steps</h3>
          <StepList actions={steps} ordered />
        </>
      ) : null}
      <div className="step-forms">
        <Form method="post" className="stack-form" noValidate ref={link.form} key={`link-${actions.length}`}>
          <input type="hidden" name="intent" value="link-action" />
          <label htmlFor="link-recommendedActionId">Add a step from the library</label>
          <select {...link.field("recommendedActionId")} defaultValue={linkFailure?.values.recommendedActionId ?? ""}>
            <option value="">Choose a step</option>
            {library.suggested.length > 0 ? <optgroup label="Suggested for this incident">{library.suggested.map(libraryOption)}</optgroup> : null}
            <optgroup label="All other steps">{library.other.map(libraryOption)}</optgroup>
          </select>
          <FieldError id="link-recommendedActionId-error" message={link.errors.recommendedActionId} />
          <div>
            <button type="submit">Add step</button>
          </div>
        </Form>
        <Form method="post" className="stack-form" noValidate ref={custom.form} key={`custom-${actions.length}`}>
          <input type="hidden" name="intent" value="custom-step" />
          <label htmlFor="custom-text">Write a step for this incident only</label>
          <input {...custom.field("text")} maxLength={STEP_MAX_CHARS} defaultValue={customFailure?.values.text ?? ""} />
          <FieldError id="custom-text-error" message={custom.errors.text} />
          <div>
            <button type="submit">Add this step</button>
          </div>
        </Form>
      </div>
    </IncidentSection>
  );
}
