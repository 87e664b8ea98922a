// The console's incident list: the open ones are ops' work, the resolved ones their record.

import { inArray } from "drizzle-orm";
import type { Executor } from "../../client";
import { CLOSED_INCIDENT_STATUSES } from "../../health/incident-status";
import { isOpen, listIncidentSummaries, type IncidentSummary } from "../../queries/incidents";
import { incident } from "../../schema";

const CONSOLE_PAGE_SIZE = 50;

export type IncidentListFilter = "open" | "resolved" | "all";

/** Newest first, a page at a time (`page` from 1); one extra row tells whether more follow. */
export function listConsoleIncidents(db: Executor, filter: IncidentListFilter, page: number): { incidents: IncidentSummary[]; hasMore: boolean } {
  const where = filter === "open" ? isOpen : filter === "resolved" ? inArray(incident.status, [...CLOSED_INCIDENT_STATUSES]) : undefined;
  const rows = listIncidentSummaries(db, where, CONSOLE_PAGE_SIZE + 1, (page - 1) * CONSOLE_PAGE_SIZE);
  return { incidents: rows.slice(0, CONSOLE_PAGE_SIZE), hasMore: rows.length > CONSOLE_PAGE_SIZE };
}
