// Generating a readiness report: gather the merchant's facts in a few queries, run every
// rule, order the items, score them and save the snapshot, all in one transaction so the
// report reads one consistent moment.

import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { emptyCounts, addCounts, toUptimeCounts } from "../health/uptime";
import { listOpenIncidents } from "../queries/incidents";
import { listMaintenanceOverlapping } from "../queries/maintenance";
import { category, cause, check, connection, connectionDailyRollup, provider, readinessSnapshot, recommendedAction } from "../schema";
import type { CategorySlug, CauseSlug, CheckState } from "../schema/enums";
import type { CauseCounts } from "../schema/types";
import { dayKey, lastDays } from "../time";
import { daysInclusive, periodWindowMs } from "./calendar-days";
import type { ReportInput } from "./forms";
import { findReportTarget } from "./periods";
import { READINESS_RULES } from "./rules";
import { readinessMessage } from "./rules/wording";
import type { ConnectionUnderReview, Guidance, PeriodUnderReview, ReadinessContext, ReadinessPeriod } from "./rules/types";
import { orderItems, readinessScore } from "./score";
import type { ReadinessSnapshot } from "./snapshots";
import { UPTIME_WINDOW_DAYS } from "./thresholds";

/** A report that cannot be generated as asked. The message is English, for logs; pages say `readinessMessage(locale, key)`. */
export class ReadinessError extends Error {
  constructor(
    readonly key: "noSuchTarget" | "periodEnded" | "ordersMissing",
    readonly status: 400 | 404,
    readonly field: "target" | "expectedOrdersPerDay" | null = null,
  ) {
    super(readinessMessage("en", key));
  }
}

export function periodUnderReview(period: ReadinessPeriod): PeriodUnderReview {
  return { ...period, ...periodWindowMs(period), days: daysInclusive(period.startsOn, period.endsOn) };
}

/** The recommended-action library and the causes' names, as the rules look them up. */
function loadGuidance(db: Executor): Guidance {
  const rows = db
    .select({ slug: recommendedAction.slug, text: recommendedAction.text, categorySlug: category.slug, causeSlug: cause.slug })
    .from(recommendedAction)
    .leftJoin(category, eq(category.id, recommendedAction.categoryId))
    .leftJoin(cause, eq(cause.id, recommendedAction.causeId))
    .orderBy(asc(recommendedAction.position), asc(recommendedAction.id))
    .all();
  const bySlug = new Map(rows.map((r) => [r.slug, r.text]));
  const ofCause = (c: CauseSlug, categorySlug: CategorySlug | null) => rows.find((r) => r.causeSlug === c && r.categorySlug === categorySlug)?.text;
  const causeNames = new Map(db.select({ slug: cause.slug, name: cause.name }).from(cause).all().map((c) => [c.slug, c.name]));
  return {
    action: (slug) => bySlug.get(slug),
    forCause: (c, categorySlug) => ofCause(c, categorySlug) ?? ofCause(c, null),
    causeName: (c) => causeNames.get(c) ?? { en: c.replaceAll("-", " ") },
  };
}

/** Worst first for a merchant: a failing check outweighs one not yet confirmed, which outweighs a passing one. */
const SEVERITY: Record<CheckState, number> = { ok: 0, unknown: 1, degraded: 2, down: 3 };

/** Every connection of the merchant with the facts, health, maintenance and incidents its rules read. */
function connectionsUnderReview(db: Executor, merchantId: number, period: PeriodUnderReview, nowMs: number): ConnectionUnderReview[] {
  const rows = db
    .select({
      connection,
      provider: { id: provider.id, slug: provider.slug, name: provider.name },
      category: category.slug,
    })
    .from(connection)
    .innerJoin(provider, eq(provider.id, connection.providerId))
    .innerJoin(category, eq(category.id, provider.categoryId))
    .where(eq(connection.merchantId, merchantId))
    .orderBy(asc(category.position), asc(provider.position))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.connection.id);

  const checks = db
    .select({ connectionId: check.connectionId, state: check.state, cause: cause.slug })
    .from(check)
    .leftJoin(cause, eq(cause.id, check.lastCauseId))
    .where(and(inArray(check.connectionId, ids), eq(check.enabled, true)))
    .all();
  const health = new Map<number, { state: CheckState; cause: CauseSlug | null }>();
  for (const c of checks) {
    const seen = health.get(c.connectionId!);
    if (!seen || SEVERITY[c.state] > SEVERITY[seen.state]) {
      health.set(c.connectionId!, { state: c.state, cause: c.state === "ok" ? null : (c.cause ?? null) });
    }
  }

  const firstDay = lastDays(nowMs, UPTIME_WINDOW_DAYS)[0]!;
  const rollups = db
    .select()
    .from(connectionDailyRollup)
    .where(and(inArray(connectionDailyRollup.connectionId, ids), gte(connectionDailyRollup.day, firstDay)))
    .all();
  const uptime = new Map(ids.map((id) => [id, { counts: emptyCounts(), causes: {} as CauseCounts }]));
  for (const { connectionId, day: _day, causeCounts, ...counts } of rollups) {
    const into = uptime.get(connectionId)!;
    addCounts(into.counts, counts);
    for (const [c, n] of Object.entries(causeCounts) as [CauseSlug, number][]) into.causes[c] = (into.causes[c] ?? 0) + n;
  }

  // Windows already over by now cannot get in the way, even when the period started earlier.
  const maintenance = listMaintenanceOverlapping(db, { fromMs: Math.max(period.fromMs, nowMs), toMs: period.toMs }, nowMs);
  const incidents = listOpenIncidents(db);

  return rows.map(({ connection: c, provider: p, category: categorySlug }) => {
    const checked = health.get(c.id);
    const measured = uptime.get(c.id)!;
    return {
      connectionId: c.id,
      provider: p,
      category: categorySlug,
      state: c.state,
      credentialExpiresAtMs: c.credentialExpiresAt?.getTime() ?? null,
      billingState: c.billingState,
      planExpiresAtMs: c.planExpiresAt?.getTime() ?? null,
      verificationState: c.verificationState,
      permissions: c.permissions,
      usageLimitPerDay: c.usageLimitPerDay,
      facts: c.facts,
      health: {
        checkState: checked?.state ?? null,
        lastCause: checked?.cause ?? null,
        uptime30Days: toUptimeCounts(measured.counts),
        failureCauses30Days: measured.causes,
      },
      maintenance: maintenance
        .filter((m) => m.providers.some((mp) => mp.id === p.id))
        .map((m) => ({ title: m.title, fromMs: m.scheduledForMs, untilMs: m.scheduledUntilMs })),
      openIncidents: incidents.flatMap((i) => i.providers.filter((ip) => ip.id === p.id).map((ip) => ({ title: i.title, impact: ip.impact }))),
    };
  });
}

/** Every rule's items for this context, most severe first. */
export function evaluateReadiness(context: ReadinessContext) {
  const items = orderItems(READINESS_RULES.flatMap((rule) => rule.evaluate(context)));
  return { items, score: readinessScore(items) };
}

/**
 * Generates and saves a report for one of the shared periods or one of the merchant's
 * campaigns. Throws ReadinessError when the target is not theirs (404, as if it did not
 * exist) or has already ended (400).
 */
export function generateReport(db: Executor, merchantId: number, input: ReportInput, nowMs: number): ReadinessSnapshot {
  return db.transaction((tx) => {
    const target = findReportTarget(tx, merchantId, input.target);
    if (!target) throw new ReadinessError("noSuchTarget", 404);
    if (target.endsOn < dayKey(nowMs)) throw new ReadinessError("periodEnded", 400, "target");
    const expectedOrdersPerDay = target.expectedOrdersPerDay ?? input.expectedOrdersPerDay;
    if (expectedOrdersPerDay === null) throw new ReadinessError("ordersMissing", 400, "expectedOrdersPerDay");
    const period = periodUnderReview({ startsOn: target.startsOn, endsOn: target.endsOn, expectedOrdersPerDay });
    const { items, score } = evaluateReadiness({
      period,
      nowMs,
      connections: connectionsUnderReview(tx, merchantId, period, nowMs),
      guidance: loadGuidance(tx),
    });
    const report = {
      periodId: target.periodId,
      campaignId: target.campaignId,
      periodName: target.name,
      startsOn: target.startsOn,
      endsOn: target.endsOn,
      expectedOrdersPerDay,
      score,
      items,
    };
    const saved = tx
      .insert(readinessSnapshot)
      .values({ merchantId, ...report, periodName: target.name.en, generatedAt: new Date(nowMs) })
      .returning({ id: readinessSnapshot.id })
      .get();
    return { id: saved.id, ...report, generatedAtMs: nowMs };
  });
}
