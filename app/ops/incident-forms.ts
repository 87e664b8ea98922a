// What the incident forms and the actions that read them agree on: field limits, opening
// statuses and how a provider's impact is named. Free of server code: the forms use it too.

export const TITLE_MAX_CHARS = 200;
/** An update merchants read, a correction of one, or an internal note. */
export const UPDATE_MAX_CHARS = 5_000;
export const POSTMORTEM_MAX_CHARS = 20_000;
export const STEP_MAX_CHARS = 500;

/** An incident opens at any stage short of resolved. */
export const OPENING_STATUSES = ["investigating", "identified", "monitoring"] as const;

/** Each provider's impact is a select of its own; its empty option means not affected. */
export const impactFieldName = (providerId: number) => `impact.${providerId}`;

/** The providers a form marks as affected, with the impact chosen for each, as typed. */
export function providerImpactsOf(fields: Record<string, string>): { providerId: string; impact: string }[] {
  return Object.entries(fields).flatMap(([name, impact]) => {
    const providerId = /^impact\.(\d+)$/.exec(name)?.[1];
    return providerId && impact !== "" ? [{ providerId, impact }] : [];
  });
}
