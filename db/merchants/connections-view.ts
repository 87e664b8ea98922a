// "My connections": one merchant's connections, why they fail and what to do, the open
// incidents of their providers, uptime and the causes that cost them the most. Every
// query takes the merchant's id and filters by it in SQL, so that a wrong id in a URL or
// a form can never widen what comes back. Reads check rows and daily rollups, never raw
// results (decision 001).

import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { addCounts, sumCounts, UPTIME_BAR_DAYS, uptimeRatio, type ResultCounts } from "../health/uptime";
import { getIncidentPage, type IncidentAction } from "../queries/incident-page";
import { isOpen, listIncidentSummaries, type IncidentSummary } from "../queries/incidents";
import { suggestIncidentActionIds } from "../queries/recommended-actions";
import { category, cause, check, connection, connectionDailyRollup, incident, incidentProvider, provider, recommendedAction } from "../schema";
import {
  CHECK_STATES,
  type ActionKind,
  type CategorySlug,
  type CauseSide,
  type CauseSlug,
  type CheckState,
  type ConnectionState,
} from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { lastDays } from "../time";
import { causeSentence } from "./cause-wording";

/** Where a step comes from: the general "what to check first" list, the cause, or the category's checklist and advice. */
export type StepSource = "check-first" | "cause" | "category";

export interface ConnectionStep {
  kind: ActionKind;
  text: LocalizedText;
  source: StepSource;
}

export interface ConnectionCause {
  slug: CauseSlug;
  side: CauseSide;
  name: LocalizedText;
  explanation: LocalizedText;
  /** The cause in plain words, naming the provider ("Your Shiprocket API token or login has expired."), in every language. */
  sentence: LocalizedText;
}

export interface MerchantConnection {
  id: number;
  provider: { id: number; slug: string; name: string; category: { slug: CategorySlug; name: LocalizedText } };
  connectionState: ConnectionState;
  /** The worst confirmed state of the connection's checks; unknown when it has none. */
  state: CheckState;
  lastCheckedAtMs: number | null;
  /** Only while the connection fails (degraded or down): why, when known, and the steps in order. */
  failure: { cause: ConnectionCause | null; steps: ConnectionStep[] } | null;
}

const FAILING_STATES: readonly CheckState[] = ["degraded", "down"];
const isFailing = (state: CheckState) => FAILING_STATES.includes(state);
/** Unknown < ok < degraded < down: the enum's own order. */
const worseState = (a: CheckState, b: CheckState) => (CHECK_STATES.indexOf(b) > CHECK_STATES.indexOf(a) ? b : a);

interface ActionRow {
  id: number;
  kind: ActionKind;
  text: LocalizedText;
  causeId: number | null;
}

/** The general steps, scoped to neither a category nor a cause, in their order. */
function listCheckFirstActions(db: Executor): ActionRow[] {
  return db
    .select({ id: recommendedAction.id, kind: recommendedAction.kind, text: recommendedAction.text, causeId: recommendedAction.causeId })
    .from(recommendedAction)
    .where(and(isNull(recommendedAction.categoryId), isNull(recommendedAction.causeId)))
    .orderBy(asc(recommendedAction.position))
    .all();
}

function loadActionRows(db: Executor, ids: number[]): Map<number, ActionRow> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: recommendedAction.id, kind: recommendedAction.kind, text: recommendedAction.text, causeId: recommendedAction.causeId })
    .from(recommendedAction)
    .where(inArray(recommendedAction.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The merchant's connections in page order (category, then provider), each with its state
 * from its checks, when it was last checked, and, while it fails, the latest cause and the
 * steps: what to check first, then the cause's steps (general or for this category), then
 * the category's checklist. The category's weighted advice comes with the category's steps.
 */
export function listMerchantConnections(db: Executor, merchantId: number): MerchantConnection[] {
  const rows = db
    .select({
      id: connection.id,
      connectionState: connection.state,
      providerId: provider.id,
      providerSlug: provider.slug,
      providerName: provider.name,
      categoryId: category.id,
      categorySlug: category.slug,
      categoryName: category.name,
    })
    .from(connection)
    .innerJoin(provider, eq(provider.id, connection.providerId))
    .innerJoin(category, eq(category.id, provider.categoryId))
    .where(eq(connection.merchantId, merchantId))
    .orderBy(asc(category.position), asc(provider.position), asc(provider.name))
    .all();
  if (rows.length === 0) return [];

  // Every check counts, scheduled or not: outcomes ShopIQ pushes land on an unscheduled check.
  const checks = db
    .select({
      connectionId: connection.id,
      state: check.state,
      lastResultAt: check.lastResultAt,
      causeId: cause.id,
      causeSlug: cause.slug,
      causeSide: cause.side,
      causeName: cause.name,
      causeExplanation: cause.explanation,
    })
    .from(check)
    .innerJoin(connection, eq(connection.id, check.connectionId))
    .leftJoin(cause, eq(cause.id, check.lastCauseId))
    .where(eq(connection.merchantId, merchantId))
    .all();

  const summaries = rows.map((row) => {
    const own = checks.filter((c) => c.connectionId === row.id);
    const state = own.reduce<CheckState>((worst, c) => worseState(worst, c.state), "unknown");
    const lastResults = own.flatMap((c) => (c.lastResultAt ? [c.lastResultAt.getTime()] : []));
    // The cause of the most recent failing result among the checks that are failing now.
    const latestCause = isFailing(state)
      ? own
          .filter((c) => isFailing(c.state) && c.causeId !== null)
          .sort((a, b) => (b.lastResultAt?.getTime() ?? 0) - (a.lastResultAt?.getTime() ?? 0))[0]
      : undefined;
    return { row, state, lastCheckedAtMs: lastResults.length > 0 ? Math.max(...lastResults) : null, latestCause };
  });

  const checkFirst = listCheckFirstActions(db);
  const scopedIds = new Map<string, number[]>();
  const idsFor = (categoryId: number, causeId: number | null) => {
    const key = `${categoryId}:${causeId}`;
    let ids = scopedIds.get(key);
    if (!ids) scopedIds.set(key, (ids = suggestIncidentActionIds(db, { categoryIds: [categoryId], causeId })));
    return ids;
  };
  for (const s of summaries) if (isFailing(s.state)) idsFor(s.row.categoryId, s.latestCause?.causeId ?? null);
  const actions = loadActionRows(db, [...new Set([...scopedIds.values()].flat())]);

  return summaries.map(({ row, state, lastCheckedAtMs, latestCause }): MerchantConnection => {
    let failure: MerchantConnection["failure"] = null;
    if (isFailing(state)) {
      const c = latestCause;
      const scoped = idsFor(row.categoryId, c?.causeId ?? null).flatMap((id) => {
        const a = actions.get(id);
        return a ? [{ kind: a.kind, text: a.text, source: a.causeId === null ? ("category" as const) : ("cause" as const) }] : [];
      });
      failure = {
        cause:
          c && c.causeSlug && c.causeSide && c.causeName && c.causeExplanation
            ? { slug: c.causeSlug, side: c.causeSide, name: c.causeName, explanation: c.causeExplanation, sentence: causeSentence(c.causeSlug, row.providerName) }
            : null,
        steps: [...checkFirst.map((a) => ({ kind: a.kind, text: a.text, source: "check-first" as const })), ...scoped],
      };
    }
    return {
      id: row.id,
      provider: { id: row.providerId, slug: row.providerSlug, name: row.providerName, category: { slug: row.categorySlug, name: row.categoryName } },
      connectionState: row.connectionState,
      state,
      lastCheckedAtMs,
      failure,
    };
  });
}

export interface MerchantIncident extends IncidentSummary {
  /** The incident's own recommended actions, as its public page lists them. */
  actions: IncidentAction[];
}

/**
 * Open incidents on the providers this merchant has a connection with, newest first, each
 * with its actions. Dismissed and merged incidents stay out, as on every public page.
 */
export function listMerchantOpenIncidents(db: Executor, merchantId: number, nowMs: number): MerchantIncident[] {
  const merchantProviders = db.select({ id: connection.providerId }).from(connection).where(eq(connection.merchantId, merchantId));
  const ofMerchantProviders = inArray(
    incident.id,
    db.select({ id: incidentProvider.incidentId }).from(incidentProvider).where(inArray(incidentProvider.providerId, merchantProviders)),
  );
  return listIncidentSummaries(db, and(isOpen, ofMerchantProviders)).map((summary) => ({
    ...summary,
    actions: getIncidentPage(db, summary.id, nowMs)?.actions ?? [],
  }));
}

export interface WindowUptime {
  last7Days: number | null;
  last30Days: number | null;
  last90Days: number | null;
}

export interface ConnectionUptime extends WindowUptime {
  /** Uptime per day of `days`, null for days without results. */
  byDay: (number | null)[];
}

export interface MerchantUptime {
  /** Calendar days in India, oldest first, ending today. */
  days: string[];
  byConnection: Map<number, ConnectionUptime>;
  /** All the merchant's connections' results summed, not an average of their ratios. */
  overall: WindowUptime;
}

/** Uptime to a thousandth of a percent: all a page shows, and less to send for every day of every connection. */
const roundRatio = (ratio: number | null) => (ratio === null ? null : Math.floor(ratio * 100_000) / 100_000);

function windowUptime(days: string[], byDay: Map<string, ResultCounts>): WindowUptime {
  const over = (n: number) => roundRatio(uptimeRatio(sumCounts(days.slice(-n).flatMap((d) => byDay.get(d) ?? []))));
  return { last7Days: over(7), last30Days: over(30), last90Days: over(90) };
}

/** Uptime of each of the merchant's connections over the last 7, 30 and 90 days, per day, and overall. */
export function merchantConnectionUptime(db: Executor, merchantId: number, nowMs: number): MerchantUptime {
  const days = lastDays(nowMs, UPTIME_BAR_DAYS);
  const r = connectionDailyRollup;
  const rows = db
    .select({
      connectionId: r.connectionId,
      day: r.day,
      okCount: r.okCount,
      degradedCount: r.degradedCount,
      downCount: r.downCount,
      maintenanceCount: r.maintenanceCount,
      latencyTotalMs: r.latencyTotalMs,
      latencyCount: r.latencyCount,
      latencyMaxMs: r.latencyMaxMs,
    })
    .from(r)
    .innerJoin(connection, eq(connection.id, r.connectionId))
    .where(and(eq(connection.merchantId, merchantId), gte(r.day, days[0]!)))
    .all();

  const perConnection = new Map<number, Map<string, ResultCounts>>();
  const overall = new Map<string, ResultCounts>();
  for (const { connectionId, day, ...counts } of rows) {
    let byDay = perConnection.get(connectionId);
    if (!byDay) perConnection.set(connectionId, (byDay = new Map()));
    byDay.set(day, counts);
    const into = overall.get(day);
    overall.set(day, into ? addCounts(into, counts) : { ...counts });
  }
  const byConnection = new Map(
    [...perConnection].map(([id, byDay]) => [
      id,
      { ...windowUptime(days, byDay), byDay: days.map((d) => roundRatio(byDay.has(d) ? uptimeRatio(byDay.get(d)!) : null)) },
    ]),
  );
  return { days, byConnection, overall: windowUptime(days, overall) };
}

/** Days the cause ranking covers, and weeks of the weekly view (whole weeks ending today). */
export const CAUSE_BREAKDOWN_DAYS = UPTIME_BAR_DAYS;
export const CAUSE_BREAKDOWN_WEEKS = 12;

export interface CauseCost {
  slug: CauseSlug;
  side: CauseSide;
  name: LocalizedText;
  /** Failed results of the merchant's connection checks with this cause. */
  failedResults: number;
  /** The merchant's providers it hit, most failed results first. */
  providers: { slug: string; name: string; failedResults: number }[];
}

export interface CauseBreakdown {
  /** All failed results of the merchant's connection checks in the window, outside maintenance. */
  failedResults: number;
  /** Failed results without a recorded cause. */
  failedWithoutCause: number;
  /** Slow results: counted as up, and recorded without a cause. */
  slowResults: number;
  /** Most failed results first. */
  causes: CauseCost[];
  /** Oldest first; each week's failed results by cause. */
  weeks: { fromDay: string; toDay: string; byCause: Partial<Record<CauseSlug, number>> }[];
}

/**
 * Which causes cost the merchant's connections the most failed results over the last 90
 * days, from the causes the daily rollups keep, and the same per week.
 */
export function merchantCauseBreakdown(db: Executor, merchantId: number, nowMs: number): CauseBreakdown {
  const days = lastDays(nowMs, CAUSE_BREAKDOWN_DAYS);
  const r = connectionDailyRollup;
  const totals = db
    .select({ down: sql<number | null>`sum(${r.downCount})`, degraded: sql<number | null>`sum(${r.degradedCount})` })
    .from(r)
    .innerJoin(connection, eq(connection.id, r.connectionId))
    .where(and(eq(connection.merchantId, merchantId), gte(r.day, days[0]!)))
    .get();
  const counted = db.all<{ day: string; providerSlug: string; providerName: string; cause: CauseSlug; failed: number }>(sql`
    select ${r.day} as day, ${provider.slug} as providerSlug, ${provider.name} as providerName, j.key as cause, sum(j.value) as failed
    from ${r}
    inner join ${connection} on ${connection.id} = ${r.connectionId}
    inner join ${provider} on ${provider.id} = ${connection.providerId}
    inner join json_each(${r.causeCounts}) as j
    where ${connection.merchantId} = ${merchantId} and ${r.day} >= ${days[0]!}
    group by ${r.day}, ${provider.id}, j.key
  `);
  const causeInfo = new Map(
    db
      .select({ slug: cause.slug, side: cause.side, name: cause.name, position: cause.position })
      .from(cause)
      .all()
      .map((c) => [c.slug, c]),
  );

  const byCause = new Map<CauseSlug, { failed: number; providers: Map<string, { slug: string; name: string; failedResults: number }> }>();
  const weekDays = days.slice(-CAUSE_BREAKDOWN_WEEKS * 7);
  const weeks = Array.from({ length: CAUSE_BREAKDOWN_WEEKS }, (_, i) => ({
    fromDay: weekDays[i * 7]!,
    toDay: weekDays[i * 7 + 6]!,
    byCause: {} as Partial<Record<CauseSlug, number>>,
  }));
  for (const row of counted) {
    if (!causeInfo.has(row.cause) || !days.includes(row.day)) continue;
    const entry = byCause.get(row.cause) ?? { failed: 0, providers: new Map() };
    entry.failed += row.failed;
    const p = entry.providers.get(row.providerSlug) ?? { slug: row.providerSlug, name: row.providerName, failedResults: 0 };
    p.failedResults += row.failed;
    entry.providers.set(row.providerSlug, p);
    byCause.set(row.cause, entry);
    const dayIndex = weekDays.indexOf(row.day);
    if (dayIndex >= 0) {
      const week = weeks[Math.floor(dayIndex / 7)]!;
      week.byCause[row.cause] = (week.byCause[row.cause] ?? 0) + row.failed;
    }
  }

  const causes = [...byCause]
    .map(([slug, e]): CauseCost => {
      const info = causeInfo.get(slug)!;
      return {
        slug,
        side: info.side,
        name: info.name,
        failedResults: e.failed,
        providers: [...e.providers.values()].sort((a, b) => b.failedResults - a.failedResults || a.name.localeCompare(b.name)),
      };
    })
    .sort((a, b) => b.failedResults - a.failedResults || causeInfo.get(a.slug)!.position - causeInfo.get(b.slug)!.position);
  const failedResults = totals?.down ?? 0;
  return {
    failedResults,
    failedWithoutCause: Math.max(0, failedResults - causes.reduce((sum, c) => sum + c.failedResults, 0)),
    slowResults: totals?.degraded ?? 0,
    causes,
    weeks,
  };
}

export interface MerchantConnectionsView {
  nowMs: number;
  /** The days of every connection's daily uptime, oldest first. */
  days: string[];
  /** Connections that fail first (down, then degraded), then the rest, each group in page order. */
  connections: (MerchantConnection & { uptime: ConnectionUptime })[];
  overallUptime: WindowUptime;
  openIncidents: MerchantIncident[];
  causes: CauseBreakdown;
}

/** Everything the "My connections" page shows, for one merchant. */
export function getMerchantConnectionsView(db: Executor, merchantId: number, nowMs: number): MerchantConnectionsView {
  const uptime = merchantConnectionUptime(db, merchantId, nowMs);
  const noData: ConnectionUptime = { last7Days: null, last30Days: null, last90Days: null, byDay: uptime.days.map(() => null) };
  const severity = (state: CheckState) => (isFailing(state) ? CHECK_STATES.indexOf(state) : 0);
  const connections = listMerchantConnections(db, merchantId)
    .map((c) => ({ ...c, uptime: uptime.byConnection.get(c.id) ?? noData }))
    .sort((a, b) => severity(b.state) - severity(a.state));
  return {
    nowMs,
    days: uptime.days,
    connections,
    overallUptime: uptime.overall,
    openIncidents: listMerchantOpenIncidents(db, merchantId, nowMs),
    causes: merchantCauseBreakdown(db, merchantId, nowMs),
  };
}
