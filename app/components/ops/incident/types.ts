import type { ConsoleIncident } from "../../../../db/incidents/console/detail";
import type { IncidentFormOptions } from "../../../../db/incidents/console/form-options";
import type { IntentFailure, SavedIntent } from "~/ops/incident-intents";

/** What the incident's console page loads: the incident, the providers to add by category, and the change just saved. */
export interface IncidentPageData {
  incident: ConsoleIncident;
  categories: IncidentFormOptions["categories"];
  saved: SavedIntent | null;
}

/** Each section gets the page's data and the failure of its own forms, if the last submit was one of them. */
export interface SectionProps {
  data: IncidentPageData;
  failure: IntentFailure | null;
}
