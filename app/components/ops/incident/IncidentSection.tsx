import type { ReactNode } from "react";
import { fieldProps, FormError, useFocusOnFailure } from "~/lib/forms";
import { SAVED, SECTION_OF, type IntentFailure, type SavedIntent } from "~/ops/incident-intents";

export function IncidentSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section ops-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** The confirmation of the change just saved, in the section it belongs to; the page focuses it. */
export function Saved({ section, saved }: { section: string; saved: SavedIntent | null }) {
  if (!saved || SECTION_OF[saved] !== section) return null;
  return (
    <p id="saved" className="form-success" role="status" tabIndex={-1}>
      {SAVED[saved]}
    </p>
  );
}

export function FormFailure({ failure }: { failure: IntentFailure | null }) {
  return failure ? <FormError message={failure.formError ?? "Nothing was saved: correct the fields marked below."} /> : null;
}

/** What one of the section's forms needs to show its failure: the errors, the form to focus in, and each field's props. */
export function useSectionForm(prefix: string, failure: IntentFailure | null, order: readonly string[]) {
  const errors = failure?.fieldErrors ?? {};
  return { errors, form: useFocusOnFailure(failure), field: fieldProps(prefix, errors, order) };
}
