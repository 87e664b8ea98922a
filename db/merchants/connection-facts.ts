// The facts that decide whether a merchant's connection can work, as the ShopIQ platform
// reports them. A report replaces what was stored, so sending the same one twice changes
// nothing the second time: no write, no updated_at, no audit line.

import { isDeepStrictEqual } from "node:util";
import { and, eq } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { category, connection, merchant, provider } from "../schema";
import type { BillingState, CategorySlug, ConnectionState, VerificationState } from "../schema/enums";
import type { ConnectionFacts } from "../schema/types";

/** Everything a report sets on the connection row. */
export interface ConnectionFactsRecord {
  state: ConnectionState;
  credentialExpiresAt: Date | null;
  billingState: BillingState;
  planExpiresAt: Date | null;
  verificationState: VerificationState;
  permissions: string[];
  usageLimitPerDay: number | null;
  facts: ConnectionFacts;
}

export interface ConnectionFactsReport {
  /** The merchant's id on the ShopIQ platform. */
  merchantExternalId: string;
  providerSlug: string;
  /** Required for a merchant not seen before; renames a known one. Null leaves the name alone. */
  merchantName: string | null;
  /** The categories the report's category facts were written for: each must be the provider's. */
  factsCategories: readonly CategorySlug[];
  record: ConnectionFactsRecord;
}

export interface StoredConnectionFacts extends ConnectionFactsRecord {
  id: number;
  merchant: { externalId: string; name: string };
  provider: { slug: string; category: CategorySlug };
  createdAt: Date;
  updatedAt: Date;
}

export type ConnectionFactsOutcome =
  | { status: "unknown-provider" }
  | { status: "wrong-category"; providerCategory: CategorySlug }
  | { status: "merchant-name-required" }
  | { status: "created" | "updated" | "unchanged"; connection: StoredConnectionFacts };

/** The merchant's connection to the provider, both named by their public ids, or null. */
export function getConnectionFacts(db: Executor, merchantExternalId: string, providerSlug: string): StoredConnectionFacts | null {
  const row = db
    .select({
      id: connection.id,
      merchantExternalId: merchant.externalId,
      merchantName: merchant.name,
      providerSlug: provider.slug,
      providerCategory: category.slug,
      state: connection.state,
      credentialExpiresAt: connection.credentialExpiresAt,
      billingState: connection.billingState,
      planExpiresAt: connection.planExpiresAt,
      verificationState: connection.verificationState,
      permissions: connection.permissions,
      usageLimitPerDay: connection.usageLimitPerDay,
      facts: connection.facts,
      createdAt: connection.createdAt,
      updatedAt: connection.updatedAt,
    })
    .from(connection)
    .innerJoin(merchant, eq(merchant.id, connection.merchantId))
    .innerJoin(provider, eq(provider.id, connection.providerId))
    .innerJoin(category, eq(category.id, provider.categoryId))
    .where(and(eq(merchant.externalId, merchantExternalId), eq(provider.slug, providerSlug)))
    .get();
  if (!row) return null;
  const { merchantExternalId: externalId, merchantName, providerSlug: slug, providerCategory, ...rest } = row;
  return { ...rest, merchant: { externalId, name: merchantName }, provider: { slug, category: providerCategory } };
}

/** The record in a form where equal facts compare equal: dates as instants, JSON key order ignored. */
function comparable(record: ConnectionFactsRecord) {
  return {
    state: record.state,
    credentialExpiresAt: record.credentialExpiresAt?.getTime() ?? null,
    billingState: record.billingState,
    planExpiresAt: record.planExpiresAt?.getTime() ?? null,
    verificationState: record.verificationState,
    permissions: record.permissions,
    usageLimitPerDay: record.usageLimitPerDay,
    facts: record.facts,
  };
}

/** What the audit log keeps of a connection: the facts and whose they are, without row bookkeeping. */
function auditSnapshot({ id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...facts }: StoredConnectionFacts) {
  return facts;
}

/**
 * Creates or replaces the merchant's connection to the provider with the report, creating
 * the merchant too when it is new. One transaction: a refused report writes nothing.
 */
export function upsertConnectionFacts(db: Executor, report: ConnectionFactsReport, actor: Actor, now: Date): ConnectionFactsOutcome {
  return db.transaction((tx): ConnectionFactsOutcome => {
    const target = tx
      .select({ id: provider.id, category: category.slug })
      .from(provider)
      .innerJoin(category, eq(category.id, provider.categoryId))
      .where(eq(provider.slug, report.providerSlug))
      .get();
    if (!target) return { status: "unknown-provider" };
    if (report.factsCategories.some((c) => c !== target.category)) return { status: "wrong-category", providerCategory: target.category };

    // Read before the merchant is renamed, so the audit line shows the old name.
    const before = getConnectionFacts(tx, report.merchantExternalId, report.providerSlug);
    const known = tx.select({ id: merchant.id, name: merchant.name }).from(merchant).where(eq(merchant.externalId, report.merchantExternalId)).get();
    let merchantId: number;
    let renamed = false;
    if (!known) {
      if (report.merchantName === null) return { status: "merchant-name-required" };
      merchantId = tx
        .insert(merchant)
        .values({ externalId: report.merchantExternalId, name: report.merchantName, createdAt: now, updatedAt: now })
        .returning({ id: merchant.id })
        .get().id;
    } else {
      merchantId = known.id;
      if (report.merchantName !== null && report.merchantName !== known.name) {
        tx.update(merchant).set({ name: report.merchantName, updatedAt: now }).where(eq(merchant.id, known.id)).run();
        renamed = true;
      }
    }

    if (!before) {
      tx.insert(connection).values({ merchantId, providerId: target.id, ...report.record, createdAt: now, updatedAt: now }).run();
      const created = getConnectionFacts(tx, report.merchantExternalId, report.providerSlug)!;
      writeAudit(tx, { actor, action: "connection.create", entityType: "connection", entityId: created.id, after: auditSnapshot(created), at: now });
      return { status: "created", connection: created };
    }

    const factsChanged = !isDeepStrictEqual(comparable(before), comparable(report.record));
    if (!factsChanged && !renamed) return { status: "unchanged", connection: before };
    if (factsChanged) tx.update(connection).set({ ...report.record, updatedAt: now }).where(eq(connection.id, before.id)).run();
    const after = getConnectionFacts(tx, report.merchantExternalId, report.providerSlug)!;
    writeAudit(tx, {
      actor,
      action: "connection.update",
      entityType: "connection",
      entityId: after.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      at: now,
    });
    return { status: "updated", connection: after };
  });
}
