import { and, asc, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { check, connection, merchant } from "../schema";

export const MERCHANT_DIRECTORY_LIMIT = 100;

export interface DirectoryMerchant {
  id: number;
  externalId: string;
  name: string;
  connections: number;
  /** Connections with a check that is down or degraded now. */
  failing: number;
}

/** `%` and `_` typed into the search box mean themselves, not SQL wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Merchants for ops to open read-only, those with failing connections first. A search
 * matches the store's name or its platform id anywhere in them.
 */
export function listDirectoryMerchants(db: Executor, search: string): { merchants: DirectoryMerchant[]; total: number } {
  const pattern = `%${escapeLike(search.trim())}%`;
  const matches = search.trim() === "" ? undefined : or(sql`${merchant.name} like ${pattern} escape '\\'`, sql`${merchant.externalId} like ${pattern} escape '\\'`);
  const failingConnections = db
    .selectDistinct({ connectionId: check.connectionId })
    .from(check)
    .where(and(inArray(check.state, ["down", "degraded"]), sql`${check.connectionId} is not null`));
  const failing = sql<number>`count(distinct case when ${connection.id} in ${failingConnections} then ${connection.id} end)`;
  const rows = db
    .select({ id: merchant.id, externalId: merchant.externalId, name: merchant.name, connections: count(connection.id), failing })
    .from(merchant)
    .leftJoin(connection, eq(connection.merchantId, merchant.id))
    .where(matches)
    .groupBy(merchant.id)
    .orderBy(desc(failing), asc(merchant.name))
    .limit(MERCHANT_DIRECTORY_LIMIT)
    .all();
  const total = db.select({ n: count() }).from(merchant).where(matches).get()?.n ?? 0;
  return { merchants: rows, total };
}
