import { asc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoDatabase, migratedDatabase, type TestDatabase } from "../../tests/support/database";
import type { Db } from "../client";
import { category, cause, check, provider, recommendedAction, workflow } from "../schema";
import { exportCatalogue } from "./export";
import { importCatalogue } from "./import";

/** The catalogue rows of a database with ids replaced by slugs, so two databases compare. */
function catalogueRows(db: Db) {
  const actionCategory = alias(category, "action_category");
  return {
    categories: db.select({ slug: category.slug, name: category.name, description: category.description, position: category.position }).from(category).orderBy(asc(category.slug)).all(),
    workflows: db
      .select({ slug: workflow.slug, category: category.slug, name: workflow.name, effect: workflow.effect, position: workflow.position })
      .from(workflow)
      .innerJoin(category, eq(workflow.categoryId, category.id))
      .orderBy(asc(workflow.slug))
      .all(),
    causes: db.select({ slug: cause.slug, side: cause.side, name: cause.name, explanation: cause.explanation, position: cause.position }).from(cause).orderBy(asc(cause.slug)).all(),
    actions: db
      .select({
        slug: recommendedAction.slug,
        category: actionCategory.slug,
        cause: cause.slug,
        kind: recommendedAction.kind,
        text: recommendedAction.text,
        position: recommendedAction.position,
      })
      .from(recommendedAction)
      .leftJoin(actionCategory, eq(recommendedAction.categoryId, actionCategory.id))
      .leftJoin(cause, eq(recommendedAction.causeId, cause.id))
      .orderBy(asc(recommendedAction.slug))
      .all(),
    providers: db
      .select({
        slug: provider.slug,
        name: provider.name,
        category: category.slug,
        description: provider.description,
        websiteUrl: provider.websiteUrl,
        statusPageUrl: provider.statusPageUrl,
        position: provider.position,
      })
      .from(provider)
      .innerJoin(category, eq(provider.categoryId, category.id))
      .orderBy(asc(provider.slug))
      .all(),
    checks: db
      .select({
        slug: check.slug,
        provider: provider.slug,
        name: check.name,
        kind: check.kind,
        config: check.config,
        intervalSeconds: check.intervalSeconds,
        timeoutMs: check.timeoutMs,
        failureThreshold: check.failureThreshold,
        successThreshold: check.successThreshold,
        enabled: check.enabled,
      })
      .from(check)
      .innerJoin(provider, eq(check.providerId, provider.id))
      .where(isNull(check.connectionId))
      .orderBy(asc(check.slug))
      .all(),
  };
}

let source: TestDatabase;
let target: TestDatabase;
beforeEach(() => {
  source = demoDatabase();
  target = migratedDatabase();
});
afterEach(() => {
  source.close();
  target.close();
});

describe("catalogue export", () => {
  it("reproduces the demo catalogue row for row in a fresh database", () => {
    const summary = importCatalogue(target.db, exportCatalogue(source.db));
    expect(summary).toEqual({ categories: 6, workflows: 14, causes: 15, actions: 93, providers: 30, checks: 39 });
    expect(catalogueRows(target.db)).toEqual(catalogueRows(source.db));
  });

  it("gives byte-identical JSON when the imported copy is exported again", () => {
    const first = JSON.stringify(exportCatalogue(source.db), null, 2);
    importCatalogue(target.db, JSON.parse(first));
    expect(JSON.stringify(exportCatalogue(target.db), null, 2)).toBe(first);
  });

  it("lists items in position order and leaves unset optional fields out rather than null", () => {
    const catalogue = exportCatalogue(source.db);
    const byPosition = source.db.select({ slug: provider.slug }).from(provider).orderBy(asc(provider.position)).all();
    expect(catalogue.providers.map((p) => p.slug)).toEqual(byPosition.map((p) => p.slug));
    const withoutStatusPage = source.db.select({ slug: provider.slug }).from(provider).where(isNull(provider.statusPageUrl)).all();
    expect(withoutStatusPage.length).toBeGreaterThan(0);
    expect(catalogue.providers.filter((p) => !("statusPageUrl" in p))).toHaveLength(withoutStatusPage.length);
    expect(JSON.stringify(catalogue)).not.toContain("null");
  });

  it("leaves merchants' connection checks out", () => {
    const connectionChecks = source.db.select({ slug: check.slug }).from(check).where(isNotNull(check.connectionId)).all();
    expect(connectionChecks.length).toBeGreaterThan(0);
    const exported = new Set(exportCatalogue(source.db).providers.flatMap((p) => p.checks.map((c) => c.slug)));
    expect(exported.size).toBe(39);
    expect(connectionChecks.filter((c) => exported.has(c.slug))).toEqual([]);
  });
});
