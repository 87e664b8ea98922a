// Fills an empty database with a realistic 90-day demo: merchants and their
// connections, results for every check aggregated into the rollups (raw results only
// for the retention window), provider outages with their incidents, merchant-side
// failures with their causes, and maintenance windows. Deterministic for a given seed.

import { eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { nextCheckState, type CheckStateMachine, type Thresholds } from "../health/check-state";
import { addCounts, addResult, emptyCounts, type ResultCounts } from "../health/uptime";
import { createIncident, postIncidentUpdate } from "../incidents/write";
import { HOURLY_ROLLUP_RETENTION_MS, RAW_RESULT_RETENTION_MS } from "../rollups/retention";
import { addCheckDaily, addCheckHourly, addCheckResults, addConnectionDaily, addProviderDaily } from "../rollups/write";
import {
  category,
  cause,
  check,
  connection,
  maintenance,
  maintenanceProvider,
  merchant,
  provider,
  workflow,
} from "../schema";
import { demoToken } from "../../probes/demo/tokens";
import type { Keyring } from "../credentials/keyring";
import { storeCredential } from "../credentials/store";
import { HttpCheckConfigSchema } from "../schema/check-config";
import type { CategorySlug, CauseSlug, CheckOutcome, IncidentStatus, ProviderImpact } from "../schema/enums";
import type { CauseCounts } from "../schema/types";
import { addDays, dayKey, dayStartMs, HOUR_MS, localHourOf, MINUTE_MS } from "../time";
import { DEMO_MAINTENANCES, DEMO_OUTAGES, type DemoMaintenance, type DemoOutage } from "./demo-events";
import {
  ADOPTION,
  connectionFacts,
  httpStatusOfCause,
  MERCHANT_SIDE_CAUSES,
  type DemoProvider,
  type Episode,
  type Window,
} from "./demo-connections";
import { merchantName } from "./merchant-names";
import { between, hashUnit, pick, pickWeighted, seededRandom } from "./random";

export interface DemoHistoryOptions {
  nowMs: number;
  merchantCount: number;
  days: number;
  seed: number;
  outages?: DemoOutage[];
  maintenances?: DemoMaintenance[];
  /** When given, each connection gets a sealed demo token that makes the demo fleet answer as its account deserves. */
  keyring?: Keyring;
}

export interface DemoHistorySummary {
  merchants: number;
  connections: number;
  results: number;
  incidents: number;
  maintenances: number;
}

const CONNECTION_CHECK_INTERVAL_SECONDS = 3_600;
const DEFAULT_DEGRADED_LATENCY_MS = 1_500;
/** Share of provider-level results that fail on their own, the blips a check threshold absorbs. */
const SPORADIC_FAILURE_SHARE = 0.00015;

/** Share of a provider's connections that fail during an outage of each impact. */
const CONNECTION_SHARE_IN_OUTAGE: Record<ProviderImpact, number> = {
  degraded_performance: 0.25,
  partial_outage: 0.45,
  major_outage: 0.9,
};
/** Share of a provider-level check's results that fail during an outage of each impact. */
const CHECK_FAILURE_SHARE: Record<ProviderImpact, number> = {
  degraded_performance: 0.03,
  partial_outage: 0.85,
  major_outage: 1,
};

interface ResolvedOutage extends Window {
  outage: DemoOutage;
  providerId: number;
  checkSlugs: Set<string> | null;
}

/** Hour buckets of the whole demo span, aligned to local hours. */
class HourGrid {
  readonly hourStarts: number[];
  readonly dayOfHour: string[];
  readonly localHourOf: number[];
  constructor(readonly startMs: number, nowMs: number) {
    const hours = Math.ceil((nowMs - startMs) / HOUR_MS) + 1;
    this.hourStarts = Array.from({ length: hours }, (_, h) => startMs + h * HOUR_MS);
    this.dayOfHour = this.hourStarts.map((t) => dayKey(t));
    this.localHourOf = this.hourStarts.map(localHourOf);
  }
  hourIndex(atMs: number): number {
    return Math.floor((atMs - this.startMs) / HOUR_MS);
  }
}

interface SimulatedResult {
  atMs: number;
  outcome: CheckOutcome;
  latencyMs: number | null;
  httpStatus: number | null;
  cause: CauseSlug | null;
  message: string | null;
  duringMaintenance: boolean;
}

/**
 * One check's simulated results, as the recording path would see them: counted per hour,
 * run through the state machine, their failure causes counted per day, and kept raw when
 * they fall inside the retention window.
 */
class SimulatedCheck {
  readonly hours: ResultCounts[];
  readonly causesByDay = new Map<string, CauseCounts>();
  readonly raw: SimulatedResult[] = [];
  machine: CheckStateMachine = { state: "unknown", pendingOutcome: null, pendingCount: 0 };
  changedAt: number | null = null;
  lastAt: number | null = null;
  lastCause: CauseSlug | null = null;
  results = 0;

  constructor(
    readonly checkId: number,
    private readonly thresholds: Thresholds,
    private readonly grid: HourGrid,
    private readonly rawFromMs: number,
  ) {
    this.hours = Array.from({ length: grid.hourStarts.length }, emptyCounts);
  }

  record(result: SimulatedResult): void {
    const h = this.grid.hourIndex(result.atMs);
    addResult(this.hours[h]!, result.outcome, result.latencyMs, result.duringMaintenance);
    if (result.outcome === "down" && result.cause && !result.duringMaintenance) {
      const day = this.grid.dayOfHour[h]!;
      const counts = this.causesByDay.get(day) ?? {};
      counts[result.cause] = (counts[result.cause] ?? 0) + 1;
      this.causesByDay.set(day, counts);
    }
    const next = nextCheckState(this.machine, result.outcome, this.thresholds);
    if (next.changed) this.changedAt = result.atMs;
    this.machine = next;
    this.lastAt = result.atMs;
    this.lastCause = result.outcome === "ok" ? null : result.cause;
    this.results += 1;
    if (result.atMs >= this.rawFromMs) this.raw.push(result);
  }
}

function sumInto(map: Map<string, ResultCounts>, key: string, c: ResultCounts): void {
  map.set(key, addCounts(map.get(key) ?? emptyCounts(), c));
}

const isEmpty = (c: ResultCounts) => c.okCount + c.degradedCount + c.downCount + c.maintenanceCount === 0;
const inWindow = (w: Window, t: number) => t >= w.startMs && t < w.endMs;

// SQLite binds at most 32,766 values per statement; rows here bind up to 12.
const ROWS_PER_INSERT = 1_000;

/** Inserts in statements of a bounded size, returning what each returned, in order. */
function inChunks<Row, Out>(rows: Row[], insert: (chunk: Row[]) => Out[]): Out[] {
  const out: Out[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(...insert(rows.slice(i, i + ROWS_PER_INSERT)));
  return out;
}

function windowAt<T extends Window>(windows: T[], t: number): T | undefined {
  for (const w of windows) if (inWindow(w, t)) return w;
  return undefined;
}

export function seedDemoHistory(db: Executor, options: DemoHistoryOptions): DemoHistorySummary {
  const { nowMs, merchantCount, days } = options;
  const random = seededRandom(options.seed);
  const outages = options.outages ?? DEMO_OUTAGES;
  const maintenances = options.maintenances ?? DEMO_MAINTENANCES;
  const today = dayKey(nowMs);
  const startMs = dayStartMs(addDays(today, -(days - 1)));
  const grid = new HourGrid(startMs, nowMs);
  const rawFromMs = nowMs - RAW_RESULT_RETENTION_MS;
  const hourlyFromMs = nowMs - HOURLY_ROLLUP_RETENTION_MS;
  const atLocal = (dayOffset: number, hour: number) => dayStartMs(addDays(today, dayOffset)) + Math.round(hour * HOUR_MS);

  return db.transaction((tx) => {
    const providers: DemoProvider[] = tx
      .select({ id: provider.id, slug: provider.slug, category: category.slug, position: provider.position })
      .from(provider)
      .innerJoin(category, eq(category.id, provider.categoryId))
      .orderBy(provider.position)
      .all();
    const providerBySlug = new Map(providers.map((p) => [p.slug, p]));
    const requireProvider = (slug: string) => {
      const p = providerBySlug.get(slug);
      if (!p) throw new Error(`demo history names provider "${slug}", which is not in the catalogue`);
      return p;
    };
    const causeIds = new Map(tx.select({ id: cause.id, slug: cause.slug }).from(cause).all().map((c) => [c.slug, c.id]));
    const causeId = (slug: CauseSlug) => {
      const id = causeIds.get(slug);
      if (id === undefined) throw new Error(`cause "${slug}" is not in the guidance catalogue`);
      return id;
    };
    const workflowIds = new Map(tx.select({ id: workflow.id, slug: workflow.slug }).from(workflow).all().map((w) => [w.slug, w.id]));

    const resolvedOutages: ResolvedOutage[] = outages.map((o) => {
      const startAt = o.openForMs !== undefined ? nowMs - o.openForMs : atLocal(-o.daysAgo, o.startHour);
      return {
        outage: o,
        providerId: requireProvider(o.provider).id,
        checkSlugs: o.checks ? new Set(o.checks) : null,
        startMs: startAt,
        endMs: o.openForMs !== undefined ? Number.POSITIVE_INFINITY : startAt + o.durationMinutes * MINUTE_MS,
      };
    });
    const maintenanceWindows = maintenances.map((m) => {
      const startAt = atLocal(m.daysFromNow, m.startHour);
      return { m, startMs: startAt, endMs: startAt + m.durationMinutes * MINUTE_MS, providerIds: m.providers.map((s) => requireProvider(s).id) };
    });
    const maintenanceOf = (providerId: number) => maintenanceWindows.filter((w) => w.providerIds.includes(providerId));
    const outagesOf = (providerId: number) => resolvedOutages.filter((o) => o.providerId === providerId);

    let resultCount = 0;
    const providerDaily = new Map<number, Map<string, ResultCounts>>();

    /** Writes a simulated check's raw results, rollups and final state; returns its days. */
    function saveSimulation(sim: SimulatedCheck): Map<string, ResultCounts> {
      addCheckResults(
        tx,
        sim.raw.map((r) => ({
          checkId: sim.checkId,
          checkedAt: new Date(r.atMs),
          outcome: r.outcome,
          latencyMs: r.latencyMs,
          httpStatus: r.httpStatus,
          causeId: r.outcome === "ok" || !r.cause ? null : causeId(r.cause),
          message: r.message,
          duringMaintenance: r.duringMaintenance,
        })),
      );
      const daily = new Map<string, ResultCounts>();
      const hourlyRows: { checkId: number; hourStartAt: number; counts: ResultCounts }[] = [];
      sim.hours.forEach((c, h) => {
        if (isEmpty(c)) return;
        sumInto(daily, grid.dayOfHour[h]!, c);
        if (grid.hourStarts[h]! >= hourlyFromMs) hourlyRows.push({ checkId: sim.checkId, hourStartAt: grid.hourStarts[h]!, counts: c });
      });
      addCheckHourly(tx, hourlyRows);
      addCheckDaily(tx, [...daily].map(([day, counts]) => ({ checkId: sim.checkId, day, counts })));
      tx.update(check)
        .set({
          state: sim.machine.state,
          pendingOutcome: sim.machine.pendingOutcome,
          pendingCount: sim.machine.pendingCount,
          stateChangedAt: sim.changedAt === null ? null : new Date(sim.changedAt),
          lastResultAt: sim.lastAt === null ? null : new Date(sim.lastAt),
          lastCauseId: sim.lastCause === null ? null : causeId(sim.lastCause),
        })
        .where(eq(check.id, sim.checkId))
        .run();
      resultCount += sim.results;
      return daily;
    }

    // Provider-level checks: one result per interval over the whole span.
    const providerChecks = tx.select().from(check).where(isNull(check.connectionId)).all();
    const baseLatencyOf = new Map(providers.map((p) => [p.id, 120 + Math.round(hashUnit(p.slug) * 300)]));
    for (const c of providerChecks) {
      const intervalMs = c.intervalSeconds * 1000;
      const config = HttpCheckConfigSchema.safeParse(c.config);
      const degradedAboveMs = (config.success ? config.data.degradedLatencyMs : undefined) ?? DEFAULT_DEGRADED_LATENCY_MS;
      const base = baseLatencyOf.get(c.providerId) ?? 250;
      const dayFactor = Array.from({ length: days + 1 }, () => (random() < 0.035 ? between(random, 2.4, 3.4) : between(random, 0.9, 1.15)));
      const myOutages = outagesOf(c.providerId).filter((o) => o.checkSlugs === null || o.checkSlugs.has(c.slug));
      const myMaintenance = maintenanceOf(c.providerId);
      const sim = new SimulatedCheck(c.id, c, grid, rawFromMs);
      for (let t = startMs + Math.floor(random() * intervalMs); t <= nowMs; t += intervalMs) {
        const h = grid.hourIndex(t);
        const localHour = grid.localHourOf[h]!;
        const busyHours = localHour >= 10 && localHour <= 22 ? 1.15 : 1;
        let latency: number | null = Math.round(
          base * dayFactor[Math.floor(h / 24)]! * busyHours * (0.75 + 0.5 * random()) * (random() < 0.005 ? 3 + 3 * random() : 1),
        );
        let outcome: CheckOutcome = latency > degradedAboveMs ? "degraded" : "ok";
        let httpStatus: number | null = 200;
        let causeSlug: CauseSlug | null = null;
        const outage = windowAt(myOutages, t);
        const duringMaintenance = windowAt(myMaintenance, t) !== undefined;
        if (duringMaintenance) {
          outcome = random() < 0.9 ? "down" : "ok";
          if (outcome === "down") [latency, httpStatus, causeSlug] = [null, 503, "provider-downtime"];
        } else if (outage && outage.outage.impact === "degraded_performance") {
          latency = Math.round(latency * between(random, 3, 5));
          outcome = latency > degradedAboveMs ? "degraded" : "ok";
          if (random() < CHECK_FAILURE_SHARE.degraded_performance) [outcome, latency, httpStatus, causeSlug] = ["down", null, 504, outage.outage.cause];
        } else if (outage && random() < CHECK_FAILURE_SHARE[outage.outage.impact]) {
          outcome = "down";
          causeSlug = outage.outage.cause;
          if (random() < 0.5) [latency, httpStatus] = [null, null];
          else httpStatus = 503;
        } else if (random() < SPORADIC_FAILURE_SHARE) {
          [outcome, latency, httpStatus, causeSlug] = ["down", null, null, "network-or-technical-issue"];
        }
        sim.record({
          atMs: t,
          outcome,
          latencyMs: latency,
          httpStatus,
          cause: outcome === "degraded" ? null : causeSlug,
          message: outcome === "down" ? (httpStatus ? `HTTP ${httpStatus}` : "request timed out") : null,
          duringMaintenance,
        });
      }
      const daily = saveSimulation(sim);
      const perProvider = providerDaily.get(c.providerId) ?? new Map<string, ResultCounts>();
      for (const [day, counts] of daily) sumInto(perProvider, day, counts);
      providerDaily.set(c.providerId, perProvider);
    }
    for (const [providerId, daily] of providerDaily) {
      addProviderDaily(tx, [...daily].map(([day, counts]) => ({ providerId, day, counts })));
    }

    // Merchants and their connections.
    const merchantRows = inChunks(
      Array.from({ length: merchantCount }, (_, i) => ({
        externalId: `m_${String(10_001 + i)}`,
        name: merchantName(random, i),
        createdAt: new Date(startMs - between(random, 30, 900) * 24 * HOUR_MS),
      })),
      (chunk) => tx.insert(merchant).values(chunk).returning({ id: merchant.id }).all(),
    );
    const byCategory = new Map<CategorySlug, DemoProvider[]>();
    for (const p of providers) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);

    const planned: { merchantId: number; p: DemoProvider; episode: Episode | null }[] = [];
    for (const m of merchantRows) {
      for (const [slug, adoption] of Object.entries(ADOPTION) as [CategorySlug, number[]][]) {
        const pool = [...(byCategory.get(slug) ?? [])];
        for (const chance of adoption) {
          if (pool.length === 0 || random() >= chance) break;
          const chosen = pickWeighted(random, pool.map((p, i) => [p, 1 / (i + 1)] as const));
          pool.splice(pool.indexOf(chosen), 1);
          const roll = random();
          const episodeCause = pick(random, MERCHANT_SIDE_CAUSES[slug]);
          let episode: Episode | null = null;
          if (roll < 0.18) {
            const from = startMs + between(random, 1, days - 3) * 24 * HOUR_MS;
            episode = { startMs: from, endMs: from + between(random, 3, 96) * HOUR_MS, cause: episodeCause };
          } else if (roll < 0.22) {
            episode = { startMs: nowMs - between(random, 1, 144) * HOUR_MS, endMs: Number.POSITIVE_INFINITY, cause: episodeCause };
          }
          planned.push({ merchantId: m.id, p: chosen, episode });
        }
      }
    }

    const connectionRows = inChunks(
      planned.map(({ merchantId, p, episode }) => connectionFacts(random, nowMs, merchantId, p, episode)),
      (chunk) => tx.insert(connection).values(chunk).returning({ id: connection.id }).all(),
    );
    const apiUrlOf = new Map<number, string>();
    for (const c of providerChecks) {
      const config = HttpCheckConfigSchema.safeParse(c.config);
      if (config.success && !apiUrlOf.has(c.providerId)) apiUrlOf.set(c.providerId, config.data.url);
    }
    const connectionChecks = inChunks(
      connectionRows.map((row, i) => {
        const p = planned[i]!.p;
        return {
          slug: `connection-${row.id}`,
          name: "Connection health",
          kind: "connection" as const,
          providerId: p.id,
          connectionId: row.id,
          config: { url: apiUrlOf.get(p.id) ?? `https://${p.slug}.example/`, auth: "bearer", demoPath: `/${p.slug}/connection` },
          intervalSeconds: CONNECTION_CHECK_INTERVAL_SECONDS,
        };
      }),
      (chunk) =>
        tx
          .insert(check)
          .values(chunk)
          .returning({ id: check.id, failureThreshold: check.failureThreshold, successThreshold: check.successThreshold })
          .all(),
    );

    if (options.keyring) {
      const keyring = options.keyring;
      connectionRows.forEach((row, i) => {
        const episode = planned[i]!.episode;
        const ongoing = episode !== null && episode.endMs === Number.POSITIVE_INFINITY ? episode.cause : "ok";
        storeCredential(tx, keyring, row.id, demoToken(ongoing, row.id));
      });
    }

    // Connection checks: one result an hour, failing in the merchant's own episodes and
    // for a share of connections during their provider's outages.
    const connectionDailyRows: { connectionId: number; day: string; counts: ResultCounts; causeCounts: CauseCounts }[] = [];
    connectionRows.forEach((row, i) => {
      const { p, episode } = planned[i]!;
      const c = connectionChecks[i]!;
      const myOutages = outagesOf(p.id).filter((o, k) => hashUnit(`${row.id}:${k}:${o.startMs}`) < CONNECTION_SHARE_IN_OUTAGE[o.outage.impact]);
      const myMaintenance = maintenanceOf(p.id);
      const base = (baseLatencyOf.get(p.id) ?? 250) * 1.6;
      const sim = new SimulatedCheck(c.id, c, grid, rawFromMs);
      for (let t = startMs + Math.floor(random() * HOUR_MS); t <= nowMs; t += CONNECTION_CHECK_INTERVAL_SECONDS * 1000) {
        const duringMaintenance = windowAt(myMaintenance, t) !== undefined;
        const outage = windowAt(myOutages, t);
        let outcome: CheckOutcome = "ok";
        let latency: number | null = Math.round(base * (0.7 + 0.6 * random()));
        let causeSlug: CauseSlug | null = null;
        if (episode && inWindow(episode, t)) [outcome, causeSlug] = ["down", episode.cause];
        else if (outage) [outcome, causeSlug] = [outage.outage.impact === "degraded_performance" ? "degraded" : "down", outage.outage.cause];
        else if (duringMaintenance) [outcome, causeSlug] = ["down", "provider-downtime"];
        else if (random() < 0.002) [outcome, causeSlug] = ["down", "network-or-technical-issue"];
        if (outcome === "down" && causeSlug === "network-or-technical-issue") latency = null;
        sim.record({
          atMs: t,
          outcome,
          latencyMs: latency,
          httpStatus: outcome === "down" ? httpStatusOfCause(causeSlug) : 200,
          cause: causeSlug,
          message: outcome === "down" ? `failed: ${causeSlug}` : null,
          duringMaintenance,
        });
      }
      for (const [day, counts] of saveSimulation(sim)) {
        connectionDailyRows.push({ connectionId: row.id, day, counts, causeCounts: sim.causesByDay.get(day) ?? {} });
      }
    });
    addConnectionDaily(tx, connectionDailyRows);

    // Maintenance windows and the incidents of the outages, with their timelines.
    for (const w of maintenanceWindows) {
      const row = tx
        .insert(maintenance)
        .values({ title: w.m.title, description: w.m.description, scheduledFor: new Date(w.startMs), scheduledUntil: new Date(w.endMs), createdAt: new Date(Math.min(nowMs, w.startMs) - 5 * 24 * HOUR_MS) })
        .returning({ id: maintenance.id })
        .get();
      tx.insert(maintenanceProvider).values(w.providerIds.map((providerId) => ({ maintenanceId: row.id, providerId }))).run();
    }
    for (const o of resolvedOutages) {
      const open = o.endMs === Number.POSITIVE_INFINITY;
      const span = (open ? nowMs : o.endMs) - o.startMs;
      const times: Record<IncidentStatus, number> = {
        investigating: o.startMs + Math.round(between(random, 3, 9) * MINUTE_MS),
        identified: o.startMs + Math.round(span * (open ? 0.55 : 0.35)),
        monitoring: o.startMs + Math.round(span * 0.8),
        resolved: o.endMs + Math.round(between(random, 8, 20) * MINUTE_MS),
        postmortem: o.endMs + 2 * 24 * HOUR_MS,
      };
      const updates = (Object.entries(o.outage.updates) as [IncidentStatus, string][]).filter(([status]) => times[status] <= nowMs);
      const [first, ...rest] = updates;
      if (!first) throw new Error(`demo outage "${o.outage.title}" has no update to open with`);
      const incidentId = createIncident(tx, {
        title: o.outage.title,
        providers: [{ providerId: o.providerId, impact: o.outage.impact }],
        workflowIds: o.outage.workflows.map((slug) => {
          const id = workflowIds.get(slug);
          if (id === undefined) throw new Error(`demo outage names workflow "${slug}", which is not in the guidance catalogue`);
          return id;
        }),
        causeId: causeId(o.outage.cause),
        source: o.outage.source,
        externalRef: o.outage.source === "upstream" ? `demo-${o.outage.provider}-${o.startMs}` : null,
        startedAt: new Date(times.investigating),
        firstUpdate: { status: first[0], body: first[1] },
      });
      for (const [status, body] of rest) postIncidentUpdate(tx, { incidentId, status, body, at: new Date(times[status]) });
    }

    return {
      merchants: merchantRows.length,
      connections: connectionRows.length,
      results: resultCount,
      incidents: resolvedOutages.length,
      maintenances: maintenanceWindows.length,
    };
  });
}
