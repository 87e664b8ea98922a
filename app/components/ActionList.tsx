import type { ActionKind } from "../../db/schema/enums";
import type { LocalizedText } from "../../db/schema/types";
import { localize } from "~/lib/labels";

interface Action {
  kind: ActionKind;
  text: LocalizedText;
  note?: string;
}

/** Steps in order; advice with weight stands out and says so in words, not only in colour. */
export function ActionList({ actions, ordered = true }: { actions: Action[]; ordered?: boolean }) {
  const items = actions.map((a, i) => (
    <li key={i} className={a.kind === "advice" ? "action action--advice" : "action"}>
      {a.kind === "advice" ? <strong className="action__label">Important: </strong> : null}
      {localize(a.text)}
      {a.note ? <span className="action__note"> ({a.note})</span> : null}
    </li>
  ));
  return ordered ? <ol className="actions">{items}</ol> : <ul className="actions">{items}</ul>;
}
