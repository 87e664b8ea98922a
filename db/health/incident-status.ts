// Where an incident stands in its lifecycle. Free of database code, so the console's
// pages can ask the same questions as the queries that fill them.

import type { IncidentStatus } from "../schema/enums";

export const CLOSED_INCIDENT_STATUSES: readonly IncidentStatus[] = ["resolved", "postmortem"];
export const isClosedStatus = (status: IncidentStatus) => CLOSED_INCIDENT_STATUSES.includes(status);

/** The statuses ops post; `postmortem` is a text published after resolution, not a step. */
export const OPS_UPDATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const satisfies readonly IncidentStatus[];
export type OpsUpdateStatus = (typeof OPS_UPDATE_STATUSES)[number];

/** Statuses ops may publish a confirmation with; a postmortem needs the incident page, not the inbox. */
export const CONFIRM_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const satisfies readonly IncidentStatus[];
