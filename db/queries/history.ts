import { and, gte, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { incident } from "../schema";
import { dayStartMs, dayKey } from "../time";
import { historyFilter, listIncidentSummaries, type HistoryFilters, type IncidentSummary } from "./incidents";

export const HISTORY_MONTHS_PER_PAGE = 3;

export interface HistoryPage {
  page: number;
  months: { month: string; incidents: IncidentSummary[] }[];
  hasOlder: boolean;
}

/** "YYYY-MM" of the month `back` months before the one containing `nowMs`, in the page's time zone. */
export function monthBefore(nowMs: number, back: number): string {
  const [y, m] = dayKey(nowMs).split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const monthStartMs = (month: string) => dayStartMs(`${month}-01`);

/** Incidents by month, newest month first, three months a page. */
export function getHistoryPage(db: Executor, filters: HistoryFilters, page: number, nowMs: number): HistoryPage {
  const months = Array.from({ length: HISTORY_MONTHS_PER_PAGE }, (_, i) => monthBefore(nowMs, (page - 1) * HISTORY_MONTHS_PER_PAGE + i));
  const oldest = months[months.length - 1]!;
  const fromMs = monthStartMs(oldest);
  const toMs = monthStartMs(monthBefore(nowMs, (page - 1) * HISTORY_MONTHS_PER_PAGE - 1));
  const filter = historyFilter(db, filters);
  const incidents = listIncidentSummaries(
    db,
    and(gte(incident.startedAt, new Date(fromMs)), lt(incident.startedAt, new Date(toMs)), filter),
  );
  const older = db
    .select({ n: sql<number>`1` })
    .from(incident)
    .where(and(lt(incident.startedAt, new Date(fromMs)), filter))
    .limit(1)
    .get();
  return {
    page,
    months: months.map((month) => ({
      month,
      incidents: incidents.filter((i) => dayKey(i.startedAtMs).startsWith(month)),
    })),
    hasOlder: older !== undefined,
  };
}
