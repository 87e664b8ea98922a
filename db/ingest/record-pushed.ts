import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { recordCheckResult } from "../rollups/record-result";
import { check, connection, ingestReceipt, merchant, provider } from "../schema";
import type { CauseSlug, CheckOutcome } from "../schema/enums";

export interface PushedOutcome {
  merchantExternalId: string;
  providerSlug: string;
  at: Date;
  outcome: CheckOutcome;
  cause: CauseSlug | null;
  httpStatus: number | null;
  latencyMs: number | null;
  message: string | null;
  idempotencyKey: string;
}

export type PushedRecording =
  | { status: "recorded"; providerId: number }
  | { status: "duplicate" }
  | { status: "unknown-connection"; detail: string };

/** The connection's check, created (not scheduled: nothing to call) the first time outcomes are pushed for it. */
function connectionCheckId(db: Executor, connectionId: number, providerId: number): number {
  const existing = db.select({ id: check.id }).from(check).where(eq(check.connectionId, connectionId)).get();
  if (existing) return existing.id;
  return db
    .insert(check)
    .values({ slug: `connection-${connectionId}`, name: "Connection health", kind: "connection", providerId, connectionId, enabled: false })
    .returning({ id: check.id })
    .get().id;
}

/** Records one outcome pushed by ShopIQ's integration layer, once per idempotency key. */
export function recordPushedOutcome(db: Executor, pushed: PushedOutcome): PushedRecording {
  return db.transaction((tx) => {
    if (tx.select({ key: ingestReceipt.idempotencyKey }).from(ingestReceipt).where(eq(ingestReceipt.idempotencyKey, pushed.idempotencyKey)).get()) {
      return { status: "duplicate" };
    }
    const target = tx
      .select({ connectionId: connection.id, providerId: provider.id })
      .from(connection)
      .innerJoin(merchant, eq(merchant.id, connection.merchantId))
      .innerJoin(provider, eq(provider.id, connection.providerId))
      .where(and(eq(merchant.externalId, pushed.merchantExternalId), eq(provider.slug, pushed.providerSlug)))
      .get();
    if (!target) {
      return { status: "unknown-connection", detail: `merchant ${pushed.merchantExternalId} has no ${pushed.providerSlug} connection` };
    }
    const recorded = recordCheckResult(tx, {
      checkId: connectionCheckId(tx, target.connectionId, target.providerId),
      checkedAt: pushed.at,
      outcome: pushed.outcome,
      latencyMs: pushed.latencyMs,
      httpStatus: pushed.httpStatus,
      cause: pushed.cause,
      message: pushed.message,
    });
    tx.insert(ingestReceipt).values({ idempotencyKey: pushed.idempotencyKey, checkResultId: recorded.resultId, receivedAt: new Date() }).run();
    return { status: "recorded", providerId: target.providerId };
  });
}
