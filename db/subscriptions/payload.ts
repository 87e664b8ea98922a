// What a notification event says, frozen when it is recorded: every delivery of the event,
// and every retry of a delivery, tells the same story even if the incident changes later.
// Pure types, so pages and messages can share them.

import type { IncidentImpact, IncidentStatus, ProviderImpact } from "../schema/enums";
import type { MaintenanceStatus } from "../health/maintenance-status";

export interface IncidentSnapshot {
  id: number;
  title: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  /** Opened by our probes and not yet confirmed by ops. */
  unconfirmedDetection: boolean;
  startedAtMs: number;
  resolvedAtMs: number | null;
  providers: { id: number; slug: string; name: string; impact: ProviderImpact }[];
  /** The update this event is about; its body is shown as ops (or the provider) wrote it. */
  update: { id: number; status: IncidentStatus; body: string; createdAtMs: number };
}

export interface MaintenanceSnapshot {
  id: number;
  title: string;
  description: string;
  status: MaintenanceStatus;
  scheduledForMs: number;
  scheduledUntilMs: number;
  providers: { id: number; slug: string; name: string }[];
}

export type EventPayload =
  | { type: "incident"; incident: IncidentSnapshot }
  | { type: "maintenance"; maintenance: MaintenanceSnapshot }
  /** A confirmation email: everything it says is read from the subscriber when it is sent. */
  | { type: "confirmation" };
