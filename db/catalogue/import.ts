import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Executor } from "../client";
import { category, cause, check, provider, recommendedAction, workflow } from "../schema";
import { CatalogueSchema, type Catalogue } from "./schema";

export interface ImportSummary {
  categories: number;
  workflows: number;
  causes: number;
  actions: number;
  providers: number;
  checks: number;
}

export class CatalogueReferenceError extends Error {}

function idsBySlug(db: Executor, table: typeof category | typeof cause | typeof provider): Map<string, number> {
  const rows = db.select({ id: table.id, slug: table.slug }).from(table).all();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

function requireId(ids: Map<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new CatalogueReferenceError(`unknown ${what} "${slug}": import the ${what} first or add it to the file`);
  return id;
}

/** On a slug conflict, take the incoming value of every column being imported. */
function incoming(table: SQLiteTable, values: object): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(Object.keys(values).map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)]));
}

/**
 * Upserts every item by slug in one transaction: re-importing the same file changes
 * nothing, and a file with a dangling reference writes nothing at all.
 */
export function importCatalogue(db: Executor, input: unknown): ImportSummary {
  const catalogue: Catalogue = CatalogueSchema.parse(input);
  return db.transaction((tx) => {
    catalogue.categories.forEach((c, position) => {
      const values = { name: c.name, description: c.description, position };
      tx.insert(category).values({ slug: c.slug, ...values }).onConflictDoUpdate({ target: category.slug, set: incoming(category, values) }).run();
    });
    const categoryIds = idsBySlug(tx, category);

    catalogue.workflows.forEach((w, position) => {
      const values = { categoryId: requireId(categoryIds, w.category, "category"), name: w.name, effect: w.effect, position };
      tx.insert(workflow).values({ slug: w.slug, ...values }).onConflictDoUpdate({ target: workflow.slug, set: incoming(workflow, values) }).run();
    });

    catalogue.causes.forEach((c, position) => {
      const values = { side: c.side, name: c.name, explanation: c.explanation, position };
      tx.insert(cause).values({ slug: c.slug, ...values }).onConflictDoUpdate({ target: cause.slug, set: incoming(cause, values) }).run();
    });
    const causeIds = idsBySlug(tx, cause);

    catalogue.actions.forEach((a, position) => {
      const values = {
        categoryId: a.category ? requireId(categoryIds, a.category, "category") : null,
        causeId: a.cause ? requireId(causeIds, a.cause, "cause") : null,
        kind: a.kind,
        text: a.text,
        position,
      };
      tx.insert(recommendedAction)
        .values({ slug: a.slug, ...values })
        .onConflictDoUpdate({ target: recommendedAction.slug, set: incoming(recommendedAction, values) })
        .run();
    });

    catalogue.providers.forEach((p, position) => {
      const values = {
        name: p.name,
        categoryId: requireId(categoryIds, p.category, "category"),
        description: p.description,
        websiteUrl: p.websiteUrl ?? null,
        statusPageUrl: p.statusPageUrl ?? null,
        position,
      };
      const row = tx
        .insert(provider)
        .values({ slug: p.slug, ...values })
        .onConflictDoUpdate({ target: provider.slug, set: incoming(provider, values) })
        .returning({ id: provider.id })
        .get();
      for (const c of p.checks) {
        const checkValues = {
          name: c.name,
          kind: c.kind,
          providerId: row.id,
          config: c.config,
          intervalSeconds: c.intervalSeconds,
          timeoutMs: c.timeoutMs,
          failureThreshold: c.failureThreshold,
          successThreshold: c.successThreshold,
          enabled: c.enabled,
        };
        tx.insert(check).values({ slug: c.slug, ...checkValues }).onConflictDoUpdate({ target: check.slug, set: incoming(check, checkValues) }).run();
      }
    });

    return summarizeCatalogue(catalogue);
  });
}

/** How many of each item a catalogue holds. */
export function summarizeCatalogue(catalogue: Pick<Catalogue, "categories" | "workflows" | "causes" | "actions" | "providers">): ImportSummary {
  return {
    categories: catalogue.categories.length,
    workflows: catalogue.workflows.length,
    causes: catalogue.causes.length,
    actions: catalogue.actions.length,
    providers: catalogue.providers.length,
    checks: catalogue.providers.reduce((n, p) => n + p.checks.length, 0),
  };
}
