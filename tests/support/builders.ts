import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { createIncident } from "../../db/incidents/write";
import { category, check, connection, merchant, provider } from "../../db/schema";
import type { CategorySlug } from "../../db/schema/enums";

/** A provider with one provider-level check, for tests that build their own world. */
export function addProvider(db: Db, slug: string, categorySlug: CategorySlug = "payments", thresholds = { failureThreshold: 3, successThreshold: 2 }) {
  const cat = db.select({ id: category.id }).from(category).where(eq(category.slug, categorySlug)).get();
  if (!cat) throw new Error(`no category ${categorySlug}: seed the guidance first`);
  const p = db
    .insert(provider)
    .values({ slug, name: slug.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => `${sep ? " " : ""}${c.toUpperCase()}`), categoryId: cat.id })
    .returning()
    .get();
  const c = db
    .insert(check)
    .values({ slug: `${slug}-api`, name: "API availability", kind: "http", providerId: p.id, ...thresholds })
    .returning()
    .get();
  return { provider: p, check: c };
}

/** Merchants with one connection each to the provider, each with its connection check. */
export function addConnections(db: Db, providerId: number, count: number, prefix = "m") {
  return Array.from({ length: count }, (_, i) => {
    const m = db.insert(merchant).values({ externalId: `${prefix}_${providerId}_${i + 1}`, name: `Merchant ${i + 1}` }).returning().get();
    const conn = db.insert(connection).values({ merchantId: m.id, providerId }).returning().get();
    const c = db
      .insert(check)
      .values({ slug: `connection-${conn.id}`, name: "Connection health", kind: "connection", providerId, connectionId: conn.id, config: { url: "https://api.example.com/v1/me" } })
      .returning()
      .get();
    return { merchant: m, connection: conn, check: c };
  });
}

/** An incident ops posted about one provider, partly out, with what they identified. */
export function addOpsIncident(db: Db, providerId: number, title: string, startedAt: Date) {
  return createIncident(db, {
    title,
    providers: [{ providerId, impact: "partial_outage" }],
    workflowIds: [],
    causeId: null,
    source: "ops",
    startedAt,
    firstUpdate: { status: "identified", body: "We know what is wrong." },
  });
}
