// The forms of an incident's console page and the action that takes them agree on these:
// each form's `intent`, the confirmation it earns and the section that shows it, and
// the shape of a failure. Free of server code: the page's sections use it too.

/** What each saved change says, and where: `created` is the new-incident page's. */
export const SAVED = {
  created: "Incident opened. Merchants see it on the status page now.",
  update: "Update posted.",
  "edit-update": "Update corrected. Merchants see it marked as edited.",
  postmortem: "Postmortem published.",
  "link-action": "Step added.",
  "custom-step": "Step added.",
  "unlink-action": "Step removed.",
  "move-action": "Step moved.",
  note: "Note added.",
} as const;
export type SavedIntent = keyof typeof SAVED;
export type IncidentIntent = Exclude<SavedIntent, "created">;

export const SECTION_OF: Record<SavedIntent, string> = {
  created: "header",
  update: "post-update",
  "edit-update": "updates",
  postmortem: "postmortem",
  "link-action": "actions",
  "custom-step": "actions",
  "unlink-action": "actions",
  "move-action": "actions",
  note: "notes",
};
export const isSaved = (value: string | null): value is SavedIntent => value !== null && value in SAVED;
export const KNOWN_INTENTS: readonly string[] = Object.keys(SECTION_OF);

/** A form that was not saved comes back with its errors and what was typed. */
export interface IntentFailure {
  intent: string;
  /** The update or step whose form it was, for forms repeated down the page. */
  target: string | null;
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: Record<string, string>;
}
