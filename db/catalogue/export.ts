import { asc, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { category, cause, check, provider, recommendedAction, workflow } from "../schema";
import { CHECK_CONFIG_SCHEMAS } from "../schema/check-config";
import type { CheckKind } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import type { Catalogue } from "./schema";

// Builds every object key by key, in the order CatalogueSchema declares them, so the
// JSON does not depend on how a row was written and exporting twice gives the same bytes.

function localized(text: LocalizedText): LocalizedText {
  return { en: text.en, ...(text.hi === undefined ? {} : { hi: text.hi }), ...(text.as === undefined ? {} : { as: text.as }) };
}

/** Parsing puts the keys in the kind's schema order; a stored config the schema now rejects is exported as it is, for the import to name. */
function canonicalConfig(kind: CheckKind, config: Record<string, unknown>): Record<string, unknown> {
  const parsed = CHECK_CONFIG_SCHEMAS[kind].safeParse(config);
  return parsed.success ? (parsed.data as Record<string, unknown>) : config;
}

function slugOf<S extends string>(slugs: Map<number, S>, id: number): S {
  const slug = slugs.get(id);
  // Foreign keys are enforced, so a missing row means the database itself is damaged.
  if (slug === undefined) throw new Error(`the catalogue refers to row ${id}, which does not exist`);
  return slug;
}

/**
 * The catalogue as one CatalogueSchema file: categories, workflows, causes, actions and
 * providers in position order, each provider with its provider-level checks. Merchants,
 * their connections and connection checks, credentials, results and incidents are
 * operational data and never leave the database this way.
 */
export function exportCatalogue(db: Executor): Catalogue {
  const categories = db.select().from(category).orderBy(asc(category.position), asc(category.id)).all();
  const causes = db.select().from(cause).orderBy(asc(cause.position), asc(cause.id)).all();
  const categorySlugs = new Map(categories.map((c) => [c.id, c.slug]));
  const causeSlugs = new Map(causes.map((c) => [c.id, c.slug]));

  // Checks have no position: ids keep the order in which a file listed them.
  const checks = db.select().from(check).where(isNull(check.connectionId)).orderBy(asc(check.id)).all();

  return {
    version: 1,
    categories: categories.map((c) => ({ slug: c.slug, name: localized(c.name), description: localized(c.description) })),
    workflows: db
      .select()
      .from(workflow)
      .orderBy(asc(workflow.position), asc(workflow.id))
      .all()
      .map((w) => ({ slug: w.slug, category: slugOf(categorySlugs, w.categoryId), name: localized(w.name), effect: localized(w.effect) })),
    causes: causes.map((c) => ({ slug: c.slug, side: c.side, name: localized(c.name), explanation: localized(c.explanation) })),
    actions: db
      .select()
      .from(recommendedAction)
      .orderBy(asc(recommendedAction.position), asc(recommendedAction.id))
      .all()
      .map((a) => ({
        slug: a.slug,
        ...(a.categoryId === null ? {} : { category: slugOf(categorySlugs, a.categoryId) }),
        ...(a.causeId === null ? {} : { cause: slugOf(causeSlugs, a.causeId) }),
        kind: a.kind,
        text: localized(a.text),
      })),
    providers: db
      .select()
      .from(provider)
      .orderBy(asc(provider.position), asc(provider.id))
      .all()
      .map((p) => ({
        slug: p.slug,
        name: p.name,
        category: slugOf(categorySlugs, p.categoryId),
        description: p.description,
        ...(p.websiteUrl === null ? {} : { websiteUrl: p.websiteUrl }),
        ...(p.statusPageUrl === null ? {} : { statusPageUrl: p.statusPageUrl }),
        checks: checks
          .filter((c) => c.providerId === p.id)
          .map((c) => ({
            slug: c.slug,
            name: c.name,
            kind: c.kind,
            config: canonicalConfig(c.kind, c.config),
            intervalSeconds: c.intervalSeconds,
            timeoutMs: c.timeoutMs,
            failureThreshold: c.failureThreshold,
            successThreshold: c.successThreshold,
            enabled: c.enabled,
          })),
      })),
  };
}
