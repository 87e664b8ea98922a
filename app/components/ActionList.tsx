import type { ActionKind } from "../../db/schema/enums";
import type { LocalizedText } from "../../db/schema/types";
import { Localized, useI18n } from "~/i18n/page-i18n";

interface Action {
  kind: ActionKind;
  text: LocalizedText;
  note?: string;
}

/**
 * Advice with weight comes first, set apart and labelled in words, not only in colour;
 * then the steps, numbered when their order matters. An action ops have not yet written in
 * the reader's language shows in English, marked as English for screen readers.
 */
export function ActionList({ actions, ordered = true }: { actions: Action[]; ordered?: boolean }) {
  const { t } = useI18n();
  const advice = actions.filter((a) => a.kind === "advice");
  const steps = actions.filter((a) => a.kind !== "advice");
  const items = steps.map((a, i) => (
    <li key={i} className="action">
      <Localized text={a.text} />
      {a.note ? <span className="action__note"> ({a.note})</span> : null}
    </li>
  ));
  return (
    <>
      {advice.map((a, i) => (
        <p key={i} className="action action--advice">
          <strong className="action__label">{t("actions.important")} </strong>
          <Localized text={a.text} />
        </p>
      ))}
      {steps.length === 0 ? null : ordered ? <ol className="actions">{items}</ol> : <ul className="actions">{items}</ul>}
    </>
  );
}
