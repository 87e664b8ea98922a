// "All providers" or "only these", with the providers in checkboxes by category. Works
// without JavaScript: the checkboxes are always there, and count only with "only these".

import { useI18n } from "~/i18n/page-i18n";
import type { LocalizedText } from "../../../db/schema/types";

export interface ProviderChoiceGroup {
  slug: string;
  category: LocalizedText;
  providers: { id: number; name: string }[];
}

export function ProviderChoices({
  groups,
  scope,
  providerIds,
  error,
  focus,
}: {
  groups: ProviderChoiceGroup[];
  scope: string;
  /** Ticked, as the form sends them. */
  providerIds: string[];
  error: string | undefined;
  /** The first field in error: the cursor goes here. */
  focus: boolean;
}) {
  const { t, localize } = useI18n();
  const errorId = "providerIds-error";
  return (
    <fieldset>
      <legend>{t("subscribe.providers.legend")}</legend>
      <label className="choice">
        <input type="radio" name="scope" value="all" defaultChecked={scope !== "chosen"} />
        {t("subscribe.providers.all")}
      </label>
      <br />
      <label className="choice">
        <input
          type="radio"
          name="scope"
          value="chosen"
          defaultChecked={scope === "chosen"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoFocus={focus || undefined}
        />
        {t("subscribe.providers.chosen")}
      </label>
      <div className="nested-choices">
        {groups.map((group) => (
          <div key={group.slug} className="choice-group" role="group" aria-label={localize(group.category)}>
            <p className="choice-group__name" aria-hidden="true">
              {localize(group.category)}
            </p>
            <div className="choices">
              {group.providers.map((p) => (
                <label key={p.id} className="choice">
                  <input type="checkbox" name="providerId" value={p.id} defaultChecked={providerIds.includes(String(p.id))} />
                  {p.name}
                </label>
              ))}
            </div>
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
