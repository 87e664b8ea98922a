// "All providers" or "only these", with the providers in checkboxes by category. Works
// without JavaScript: the checkboxes are always there, and count only with "only these".

const TEXT = {
  legend: "Which providers?",
  all: "All providers, including ones added later",
  chosen: "Only the providers I tick:",
} as const;

export interface ProviderChoiceGroup {
  category: string;
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
  const errorId = "providerIds-error";
  return (
    <fieldset>
      <legend>{TEXT.legend}</legend>
      <label className="choice">
        <input type="radio" name="scope" value="all" defaultChecked={scope !== "chosen"} />
        {TEXT.all}
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
        {TEXT.chosen}
      </label>
      <div className="nested-choices">
        {groups.map((group) => (
          <div key={group.category} className="choice-group" role="group" aria-label={group.category}>
            <p className="choice-group__name" aria-hidden="true">
              {group.category}
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
