// Runs every enabled check on its own interval: first at start, then every interval with
// a little jitter so checks of one provider do not fire in lockstep. A global cap limits
// how many run at once, a check never overlaps itself, and stopping lets runs in flight
// finish for a grace period before aborting them.

import { eq, sql } from "drizzle-orm";
import { check } from "../db/schema";
import { pruneExpiredResults } from "../db/rollups/retention";
import { HOUR_MS } from "../db/time";
import { DetectionThrottle } from "./detection-throttle";
import { evaluateDetection, runCheck, type CheckRun, type ProbeDeps } from "./run-check";

export interface SchedulerOptions {
  /** Checks running at once, across all checks. */
  concurrency: number;
  /** Each run is moved by up to this share of the interval, earlier or later. */
  jitterRatio: number;
  /** How often the list of checks is re-read, to pick up added, changed and disabled checks. */
  refreshIntervalMs: number;
  /** Runs still going at stop are aborted after this long. */
  shutdownGraceMs: number;
  /** Multiplies every check's interval; below 1 only in the demo, to make a quiet hour happen in minutes. */
  intervalScale: number;
  pruneIntervalMs: number;
  /** Provider-wide detection runs at most this often per provider (sooner when a check changes state). */
  detectionIntervalMs: number;
  /** Told of each recorded run, with its wall time from loading the check to recording the result. */
  onRun?: (run: CheckRun, durationMs: number) => void;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  concurrency: 20,
  jitterRatio: 0.1,
  refreshIntervalMs: 30_000,
  shutdownGraceMs: 5_000,
  intervalScale: 1,
  pruneIntervalMs: HOUR_MS,
  detectionIntervalMs: 5_000,
};

interface Slot {
  intervalMs: number;
  dueAt: number;
  timer: NodeJS.Timeout | null;
  running: boolean;
  queued: boolean;
}

export interface SchedulerStats {
  runs: number;
  failures: number;
  /** Runs that started more than one interval after they were due. */
  late: number;
  /** Times a check was due while its previous run was still going. */
  skippedOverlaps: number;
  inFlight: number;
  queued: number;
}

/**
 * The next run keeps the cadence of the due times rather than of the finish times, moved
 * by the jitter; a run that is already overdue starts now.
 */
export function nextDueAt(previousDueAt: number, intervalMs: number, jitterRatio: number, nowMs: number, random: () => number): number {
  const jitter = (random() * 2 - 1) * jitterRatio * intervalMs;
  return Math.max(previousDueAt + intervalMs + jitter, nowMs);
}

export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly slots = new Map<number, Slot>();
  private readonly queue: number[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private refreshTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  readonly stats: SchedulerStats = { runs: 0, failures: 0, late: 0, skippedOverlaps: 0, inFlight: 0, queued: 0 };

  private readonly deps: ProbeDeps;
  private readonly detectionThrottle: DetectionThrottle;

  constructor(deps: ProbeDeps, options: Partial<SchedulerOptions> = {}) {
    this.options = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
    this.detectionThrottle = new DetectionThrottle(this.options.detectionIntervalMs, deps.now, (providerId) => evaluateDetection(this.deps, providerId));
    this.deps = { ...deps, detectionThrottle: this.detectionThrottle };
  }

  start(): void {
    this.refresh();
    this.refreshTimer = setInterval(() => this.refresh(), this.options.refreshIntervalMs);
    this.pruneTimer = setInterval(() => this.prune(), this.options.pruneIntervalMs);
    this.refreshTimer.unref();
    this.pruneTimer.unref();
  }

  /** Stops scheduling, waits for runs in flight up to the grace period, then aborts what is left. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
    this.queue.length = 0;
    const settled = Promise.allSettled([...this.inFlight]);
    const grace = new Promise<void>((resolve) => setTimeout(resolve, this.options.shutdownGraceMs).unref());
    await Promise.race([settled, grace]);
    this.abort.abort(new Error("scheduler stopped"));
    await Promise.allSettled([...this.inFlight]);
    this.detectionThrottle.stop();
  }

  private refresh(): void {
    if (this.stopping) return;
    // Provider-level checks first: at start they decide the public page, while merchants'
    // connection checks, often far more numerous, can wait their turn in the queue.
    const enabled = this.deps.db
      .select({ id: check.id, intervalSeconds: check.intervalSeconds })
      .from(check)
      .where(eq(check.enabled, true))
      .orderBy(sql`${check.connectionId} is not null`, check.id)
      .all();
    const seen = new Set<number>();
    for (const { id, intervalSeconds } of enabled) {
      seen.add(id);
      const intervalMs = Math.max(1, Math.round(intervalSeconds * 1000 * this.options.intervalScale));
      const slot = this.slots.get(id);
      if (!slot) {
        const fresh: Slot = { intervalMs, dueAt: this.deps.now(), timer: null, running: false, queued: false };
        this.slots.set(id, fresh);
        this.enqueue(id);
      } else if (slot.intervalMs !== intervalMs) {
        slot.intervalMs = intervalMs;
      }
    }
    for (const [id, slot] of this.slots) {
      if (seen.has(id)) continue;
      if (slot.timer) clearTimeout(slot.timer);
      this.slots.delete(id);
    }
  }

  private prune(): void {
    try {
      const pruned = pruneExpiredResults(this.deps.db, this.deps.now());
      this.deps.log(`pruned ${pruned.resultsByAge + pruned.resultsByCount} raw results and ${pruned.hourlyRollups} hourly rollups`);
    } catch (error) {
      this.deps.log(`pruning failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private enqueue(id: number): void {
    const slot = this.slots.get(id);
    if (!slot || this.stopping) return;
    slot.timer = null;
    if (slot.running || slot.queued) {
      this.stats.skippedOverlaps += 1;
      this.scheduleNext(id, slot);
      return;
    }
    slot.queued = true;
    this.queue.push(id);
    this.stats.queued = this.queue.length;
    this.drain();
  }

  private drain(): void {
    while (!this.stopping && this.inFlight.size < this.options.concurrency && this.queue.length > 0) {
      const id = this.queue.shift()!;
      this.stats.queued = this.queue.length;
      const slot = this.slots.get(id);
      if (!slot) continue;
      slot.queued = false;
      slot.running = true;
      if (this.deps.now() - slot.dueAt > slot.intervalMs) this.stats.late += 1;
      const run = this.runOne(id).finally(() => {
        this.inFlight.delete(run);
        this.stats.inFlight = this.inFlight.size;
        slot.running = false;
        this.scheduleNext(id, slot);
        this.drain();
      });
      this.inFlight.add(run);
      this.stats.inFlight = this.inFlight.size;
    }
  }

  private async runOne(id: number): Promise<void> {
    try {
      // performance.now, not deps.now: a test's fake clock must not make a run look instant or endless.
      const startedAt = performance.now();
      const result = await runCheck(this.deps, id, this.abort.signal);
      if (!result) return;
      this.stats.runs += 1;
      this.options.onRun?.(result, performance.now() - startedAt);
    } catch (error) {
      // Only the database failing, or the check vanishing mid-run, gets here; the next run tries again.
      this.stats.failures += 1;
      this.deps.log(`check ${id} could not be run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private scheduleNext(id: number, slot: Slot): void {
    if (this.stopping || slot.timer || !this.slots.has(id)) return;
    slot.dueAt = nextDueAt(slot.dueAt, slot.intervalMs, this.options.jitterRatio, this.deps.now(), Math.random);
    slot.timer = setTimeout(() => this.enqueue(id), slot.dueAt - this.deps.now());
    slot.timer.unref();
  }
}
