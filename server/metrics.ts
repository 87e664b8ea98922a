// What Prometheus scrapes from /metrics. Each app gets its own registry rather than
// prom-client's global one, so that tests can build several apps in one process and read
// each one's figures apart. Counts that the database already holds (open incidents, the
// webhook outbox) are read from it at scrape time instead of being counted twice.

import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/client";
import { listOpenIncidents } from "../db/queries/incidents";
import { countWebhookDeliveriesByState } from "../db/queries/webhook-deliveries";
import { CHECK_KINDS, CHECK_OUTCOMES, INCIDENT_IMPACTS, type CheckKind, type CheckOutcome } from "../db/schema/enums";
import { INGEST_BATCH_RESULTS, type IngestBatchResult } from "../app/ingest.server";
import type { Logger } from "./logger";

export const METRICS_PATH = "/metrics";

/** From a fast HTTP check on the local network up to the longest check timeout. */
const CHECK_DURATION_BUCKETS_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];
const MS_PER_SECOND = 1_000;

export interface Metrics {
  registry: Registry;
  /** Called by the scheduler when a check run has been recorded. */
  observeCheckRun: (run: { kind: CheckKind; outcome: CheckOutcome }, durationMs: number) => void;
  countIngestBatch: (result: IngestBatchResult) => void;
}

export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const checkRuns = new Counter({
    name: "status_check_runs_total",
    help: "Check runs recorded, by check kind and outcome.",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const checkDuration = new Histogram({
    name: "status_check_duration_seconds",
    help: "Wall time of one check run: probing the target, up to its timeout, and recording the result.",
    labelNames: ["kind"] as const,
    buckets: CHECK_DURATION_BUCKETS_SECONDS,
    registers: [registry],
  });
  new Gauge({
    name: "status_open_incidents",
    help: "Public incidents not yet resolved, by overall impact (read from the database at scrape time).",
    labelNames: ["impact"] as const,
    registers: [registry],
    collect() {
      const counts = new Map(INCIDENT_IMPACTS.map((impact) => [impact, 0]));
      for (const { impact } of listOpenIncidents(db)) counts.set(impact, (counts.get(impact) ?? 0) + 1);
      for (const [impact, count] of counts) this.set({ impact }, count);
    },
  });
  new Gauge({
    name: "status_webhook_deliveries",
    help: "Webhook deliveries in the outbox, by state (read from the database at scrape time; delivered and dead ones are kept for the outbox's retention).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      for (const [state, count] of Object.entries(countWebhookDeliveriesByState(db))) this.set({ state }, count);
    },
  });
  const ingestBatches = new Counter({
    name: "status_ingest_batches_total",
    help: "Batches posted to the ingest API, by result: accepted (some items recorded), rejected (bad batch) or unauthorized.",
    labelNames: ["result"] as const,
    registers: [registry],
  });

  // Every series exists from the start at zero, so that rate() and alerts see the first increment.
  for (const kind of CHECK_KINDS) for (const outcome of CHECK_OUTCOMES) checkRuns.inc({ kind, outcome }, 0);
  for (const result of INGEST_BATCH_RESULTS) ingestBatches.inc({ result }, 0);

  return {
    registry,
    observeCheckRun: (run, durationMs) => {
      checkRuns.inc({ kind: run.kind, outcome: run.outcome });
      checkDuration.observe({ kind: run.kind }, durationMs / MS_PER_SECOND);
    },
    countIngestBatch: (result) => ingestBatches.inc({ result }),
  };
}

/** Hashing first makes both sides the same length, so the comparison takes the same time whatever was sent. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** GET /metrics for a scraper holding `Authorization: Bearer <token>`; 401 for anyone else. */
export function metricsEndpoint(metrics: Metrics, token: string, logger: Logger) {
  return (req: Request, res: Response): void => {
    res.setHeader("Cache-Control", "no-store");
    const given = req.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (given === undefined || !sameToken(given, token)) {
      res.status(401).set("WWW-Authenticate", "Bearer").type("text/plain").send("A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>).");
      return;
    }
    metrics.registry.metrics().then(
      (text) => void res.type(metrics.registry.contentType).send(text),
      (error: unknown) => {
        logger.error({ err: error }, "metrics could not be collected");
        res.status(500).type("text/plain").send("Metrics could not be collected.");
      },
    );
  };
}
