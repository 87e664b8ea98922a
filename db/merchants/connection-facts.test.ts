import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import type { Actor } from "../audit";
import { auditLog, connection, merchant } from "../schema";
import { getConnectionFacts, upsertConnectionFacts, type ConnectionFactsRecord, type ConnectionFactsReport } from "./connection-facts";

let t: TestDatabase;
let razorpayId: number;
beforeEach(() => {
  t = guidanceDatabase();
  razorpayId = addProvider(t.db, "razorpay", "payments").provider.id;
  addProvider(t.db, "interakt", "messaging");
});
afterEach(() => t.close());

const actor: Actor = { userId: null, label: 'platform token "shopiq-prod"' };
const first = new Date(Date.UTC(2026, 9, 1, 6));
const later = new Date(Date.UTC(2026, 9, 2, 6));

const record = (changes: Partial<ConnectionFactsRecord> = {}): ConnectionFactsRecord => ({
  state: "connected",
  credentialExpiresAt: new Date("2027-03-31T18:30:00.000Z"),
  billingState: "active",
  planExpiresAt: null,
  verificationState: "verified",
  permissions: ["payments:read", "refunds:create"],
  usageLimitPerDay: null,
  facts: { enabledPaymentMethods: ["upi", "card"], settlementAlerts: true },
  ...changes,
});

const report = (changes: Partial<ConnectionFactsReport> = {}): ConnectionFactsReport => ({
  merchantExternalId: "m_1001",
  providerSlug: "razorpay",
  merchantName: "Chai Point",
  factsCategories: ["payments"],
  record: record(),
  ...changes,
});

const auditLines = () => t.db.select().from(auditLog).all();
const counts = () => ({
  merchants: t.db.select().from(merchant).all().length,
  connections: t.db.select().from(connection).all().length,
  audit: auditLines().length,
});

describe("upsertConnectionFacts", () => {
  it("creates the merchant and the connection, and records who did it", () => {
    const outcome = upsertConnectionFacts(t.db, report(), actor, first);
    expect(outcome.status).toBe("created");
    const stored = getConnectionFacts(t.db, "m_1001", "razorpay");
    expect(stored).toMatchObject({
      merchant: { externalId: "m_1001", name: "Chai Point" },
      provider: { slug: "razorpay", category: "payments" },
      ...record(),
      createdAt: first,
      updatedAt: first,
    });
    expect(auditLines()).toEqual([
      expect.objectContaining({ actorLabel: 'platform token "shopiq-prod"', action: "connection.create", entityType: "connection", entityId: stored!.id }),
    ]);
  });

  it("writes nothing when the same report comes again, even with its facts in another order", () => {
    upsertConnectionFacts(t.db, report(), actor, first);
    const again = upsertConnectionFacts(
      t.db,
      report({ record: record({ facts: { settlementAlerts: true, enabledPaymentMethods: ["upi", "card"] }, credentialExpiresAt: new Date("2027-04-01T00:00:00+05:30") }) }),
      actor,
      later,
    );
    expect(again.status).toBe("unchanged");
    expect(getConnectionFacts(t.db, "m_1001", "razorpay")!.updatedAt).toEqual(first);
    expect(auditLines()).toHaveLength(1);
  });

  it("replaces the facts with a changed report and keeps what they were in the audit log", () => {
    upsertConnectionFacts(t.db, report(), actor, first);
    const changed = record({ billingState: "past_due", permissions: ["payments:read"], facts: { enabledPaymentMethods: ["upi"], settlementAlerts: false } });
    const outcome = upsertConnectionFacts(t.db, report({ merchantName: null, record: changed }), actor, later);
    expect(outcome.status).toBe("updated");
    const stored = getConnectionFacts(t.db, "m_1001", "razorpay")!;
    expect(stored).toMatchObject({ ...changed, createdAt: first, updatedAt: later, merchant: { name: "Chai Point" } });
    const update = auditLines()[1]!;
    expect(update).toMatchObject({ action: "connection.update", before: { billingState: "active" }, after: { billingState: "past_due" } });
  });

  it("renames a known merchant when the report names it differently, without touching the connection's facts", () => {
    upsertConnectionFacts(t.db, report(), actor, first);
    const outcome = upsertConnectionFacts(t.db, report({ merchantName: "Chai Point Bengaluru" }), actor, later);
    expect(outcome.status).toBe("updated");
    expect(getConnectionFacts(t.db, "m_1001", "razorpay")).toMatchObject({ merchant: { name: "Chai Point Bengaluru" }, updatedAt: first });
    expect(auditLines()[1]).toMatchObject({ before: { merchant: { name: "Chai Point" } }, after: { merchant: { name: "Chai Point Bengaluru" } } });
  });

  it("touches only the named merchant's connection", () => {
    const { provider: shiprocket } = addProvider(t.db, "shiprocket", "logistics");
    const [other] = addConnections(t.db, shiprocket.id, 1);
    t.db.insert(connection).values({ merchantId: other!.merchant.id, providerId: razorpayId }).run();
    const untouched = getConnectionFacts(t.db, other!.merchant.externalId, "razorpay");
    upsertConnectionFacts(t.db, report(), actor, first);
    expect(getConnectionFacts(t.db, other!.merchant.externalId, "razorpay")).toEqual(untouched);
  });

  it("refuses, writing nothing, an unknown provider, facts of another category, or a new merchant without a name", () => {
    const before = counts();
    expect(upsertConnectionFacts(t.db, report({ providerSlug: "nobody-pay" }), actor, first)).toEqual({ status: "unknown-provider" });
    expect(upsertConnectionFacts(t.db, report({ providerSlug: "interakt" }), actor, first)).toEqual({ status: "wrong-category", providerCategory: "messaging" });
    expect(upsertConnectionFacts(t.db, report({ merchantName: null }), actor, first)).toEqual({ status: "merchant-name-required" });
    expect(counts()).toEqual(before);
  });
});
