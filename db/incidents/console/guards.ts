// What every console change checks inside its own transaction: that what it touches
// exists and belongs to the incident, so a stale or forged form fails cleanly.

import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../client";
import { incident, provider } from "../../schema";
import type { ProviderImpact } from "../../schema/enums";

/** Input that is well-formed but refers to something that is not there, or not allowed now. */
export class IncidentConsoleError extends Error {
  /** The form field to show the message at; null for the form as a whole. */
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface ProviderImpactInput {
  providerId: number;
  impact: ProviderImpact;
}

export const uniqueIds = (ids: number[]) => [...new Set(ids)];

export const incidentExists = (db: Executor, incidentId: number): boolean =>
  db.select({ id: incident.id }).from(incident).where(eq(incident.id, incidentId)).get() !== undefined;

export function requireIncident(db: Executor, incidentId: number) {
  const found = db.select().from(incident).where(eq(incident.id, incidentId)).get();
  if (!found) throw new IncidentConsoleError(null, "That incident does not exist.");
  return found;
}

/** Every id names a row: `found` is how many of the distinct ids the database knows. */
export function requireAllFound(found: number, ids: number[], field: string, what: string): void {
  if (found !== uniqueIds(ids).length) throw new IncidentConsoleError(field, `Choose ${what} from the list.`);
}

export function checkedProviders(db: Executor, providers: ProviderImpactInput[]): ProviderImpactInput[] {
  if (providers.length === 0) throw new IncidentConsoleError("providers", "Choose at least one affected provider.");
  if (uniqueIds(providers.map((p) => p.providerId)).length !== providers.length) {
    throw new IncidentConsoleError("providers", "Name each provider once.");
  }
  const ids = providers.map((p) => p.providerId);
  requireAllFound(db.select({ id: provider.id }).from(provider).where(inArray(provider.id, ids)).all().length, ids, "providers", "providers");
  return [...providers].sort((a, b) => a.providerId - b.providerId);
}
