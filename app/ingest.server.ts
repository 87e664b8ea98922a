// POST /api/ingest/results: outcomes ShopIQ's integration layer saw while creating
// payments and shipments. Each item is validated, classified with the same classifiers
// as our own checks, and recorded once per idempotency key; a bad item is reported by
// its index and the good ones are kept.

import { json, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../db/client";
import { DEFAULT_DETECTION, evaluateProviderDetection } from "../db/incidents/detection";
import { recordPushedOutcome } from "../db/ingest/record-pushed";
import { classifyFailure } from "../probes/classify";
import { authenticateApiToken } from "./api-token.server";

export const MAX_ITEMS_PER_BATCH = 1_000;
/** Clocks disagree a little; an outcome from further in the future than this is a mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const IngestItemSchema = z
  .object({
    merchant: z.string().trim().min(1).max(100),
    provider: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a provider slug"),
    at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time with an offset" }),
    http_status: z.int().min(100).max(599).optional(),
    provider_error_code: z.string().trim().min(1).max(200).optional(),
    latency_ms: z.int().min(0).max(600_000).optional(),
    message: z.string().trim().max(2_000).optional(),
    idempotency_key: z.string().trim().min(8).max(200),
  })
  .strict();

export const IngestBatchSchema = z
  .object({ results: z.array(z.unknown()).min(1, "send at least one result").max(MAX_ITEMS_PER_BATCH) })
  .strict();

export type ItemReport =
  | { index: number; status: "recorded" | "duplicate" }
  | { index: number; status: "rejected"; errors: Record<string, string> };

const fieldErrors = (error: z.ZodError): Record<string, string> =>
  Object.fromEntries(error.issues.map((i) => [i.path.join(".") || "item", i.message]));

/** Succeeded unless the provider said so: an error code or a 4xx/5xx status. */
function failed(item: z.infer<typeof IngestItemSchema>): boolean {
  return item.provider_error_code !== undefined || (item.http_status !== undefined && item.http_status >= 400);
}

/** What became of a whole batch, for the operators' counters. */
export const INGEST_BATCH_RESULTS = ["accepted", "rejected", "unauthorized"] as const;
export type IngestBatchResult = (typeof INGEST_BATCH_RESULTS)[number];

/** A batch counts as accepted when any of it was; a 400 means nothing was, and 401/403 that the token was refused. */
function batchResult(status: number): IngestBatchResult {
  if (status === 401 || status === 403) return "unauthorized";
  return status < 400 ? "accepted" : "rejected";
}

export async function handleIngest(context: Pick<AppLoadContext, "db" | "metrics">, request: Request, nowMs = Date.now()): Promise<Response> {
  const response = await ingest(context.db, request, nowMs);
  context.metrics?.countIngestBatch(batchResult(response.status));
  return response;
}

async function ingest(db: Db, request: Request, nowMs: number): Promise<Response> {
  const auth = authenticateApiToken(db, request, "ingest", nowMs);
  if ("response" in auth) return auth.response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ errors: { body: "must be JSON" } }, { status: 400 });
  }
  const batch = IngestBatchSchema.safeParse(body);
  if (!batch.success) return json({ errors: fieldErrors(batch.error) }, { status: 400 });

  const items: ItemReport[] = [];
  const touchedProviders = new Set<number>();
  batch.data.results.forEach((raw, index) => {
    const parsed = IngestItemSchema.safeParse(raw);
    if (!parsed.success) {
      items.push({ index, status: "rejected", errors: fieldErrors(parsed.error) });
      return;
    }
    const item = parsed.data;
    const at = new Date(item.at);
    if (at.getTime() > nowMs + FUTURE_TOLERANCE_MS) {
      items.push({ index, status: "rejected", errors: { at: "is in the future" } });
      return;
    }
    const down = failed(item);
    const cause = down
      ? classifyFailure(item.provider, { kind: "reported", status: item.http_status, errorCode: item.provider_error_code, message: item.message }).cause
      : null;
    const recorded = recordPushedOutcome(db, {
      merchantExternalId: item.merchant,
      providerSlug: item.provider,
      at,
      outcome: down ? "down" : "ok",
      cause,
      httpStatus: item.http_status ?? null,
      latencyMs: item.latency_ms ?? null,
      message: item.message ?? null,
      idempotencyKey: item.idempotency_key,
    });
    if (recorded.status === "unknown-connection") {
      items.push({ index, status: "rejected", errors: { merchant: recorded.detail } });
      return;
    }
    if (recorded.status === "recorded") touchedProviders.add(recorded.providerId);
    items.push({ index, status: recorded.status });
  });
  for (const providerId of touchedProviders) evaluateProviderDetection(db, providerId, nowMs, DEFAULT_DETECTION);

  const count = (status: ItemReport["status"]) => items.filter((i) => i.status === status).length;
  const rejected = count("rejected");
  return json(
    { recorded: count("recorded"), duplicates: count("duplicate"), rejected, items },
    { status: rejected === items.length ? 400 : 200 },
  );
}
