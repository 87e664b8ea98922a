// Which merchants an incident reaches, and which of them fail right now.

import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../client";
import { cause, check, connection, incidentProvider, merchant, provider } from "../../schema";
import { CHECK_STATES, type CheckState, type ConnectionState } from "../../schema/enums";
import type { LocalizedText } from "../../schema/types";

/** Enough to act on; the counts always cover every affected merchant. */
const MERCHANTS_LISTED = 200;

export interface AffectedMerchant {
  id: number;
  name: string;
  externalId: string;
  failing: boolean;
  connections: { provider: string; state: ConnectionState; checkState: CheckState | null; cause: LocalizedText | null }[];
}

export interface AffectedMerchants {
  total: number;
  failing: number;
  /** Failing merchants first, then by name; at most `MERCHANTS_LISTED`. */
  merchants: AffectedMerchant[];
}

/**
 * Merchants with a connection to any affected provider, and which of them fail right now:
 * a connection fails when one of its checks is confirmed down (one bad result is not enough).
 * Counts cover everyone; the list stops at `MERCHANTS_LISTED`, failing merchants first.
 */
export function affectedMerchants(db: Executor, incidentId: number): AffectedMerchants {
  const rows = db
    .select({
      merchantId: merchant.id,
      name: merchant.name,
      externalId: merchant.externalId,
      connectionId: connection.id,
      provider: provider.name,
      state: connection.state,
      checkState: check.state,
      cause: cause.name,
    })
    .from(incidentProvider)
    .innerJoin(connection, eq(connection.providerId, incidentProvider.providerId))
    .innerJoin(merchant, eq(merchant.id, connection.merchantId))
    .innerJoin(provider, eq(provider.id, connection.providerId))
    .leftJoin(check, eq(check.connectionId, connection.id))
    .leftJoin(cause, eq(cause.id, check.lastCauseId))
    .where(eq(incidentProvider.incidentId, incidentId))
    .orderBy(asc(merchant.name), asc(merchant.id), asc(provider.position), asc(provider.id))
    .all();
  // A connection with several checks counts by its worst confirmed state.
  const severity = (state: CheckState | null) => (state === null ? -1 : CHECK_STATES.indexOf(state));
  const worstByConnection = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = worstByConnection.get(r.connectionId);
    if (!seen || severity(r.checkState) > severity(seen.checkState)) worstByConnection.set(r.connectionId, r);
  }
  const byMerchant = new Map<number, AffectedMerchant>();
  for (const r of worstByConnection.values()) {
    const m = byMerchant.get(r.merchantId) ?? { id: r.merchantId, name: r.name, externalId: r.externalId, failing: false, connections: [] };
    byMerchant.set(r.merchantId, m);
    const down = r.checkState === "down";
    m.failing ||= down;
    m.connections.push({ provider: r.provider, state: r.state, checkState: r.checkState, cause: down ? r.cause : null });
  }
  const all = [...byMerchant.values()].sort((a, b) => Number(b.failing) - Number(a.failing));
  return { total: all.length, failing: all.filter((m) => m.failing).length, merchants: all.slice(0, MERCHANTS_LISTED) };
}
