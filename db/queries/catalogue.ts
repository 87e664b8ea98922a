import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { category, provider, recommendedAction } from "../schema";
import type { ActionKind, CategorySlug } from "../schema/enums";
import type { LocalizedText } from "../schema/types";

export interface CategoryInfo {
  id: number;
  slug: CategorySlug;
  name: LocalizedText;
  description: LocalizedText;
}

export interface ProviderInfo {
  id: number;
  slug: string;
  name: string;
  categoryId: number;
}

export interface ActionItem {
  id: number;
  kind: ActionKind;
  text: LocalizedText;
}

export function listCategories(db: Executor): CategoryInfo[] {
  return db
    .select({ id: category.id, slug: category.slug, name: category.name, description: category.description })
    .from(category)
    .orderBy(asc(category.position))
    .all();
}

/** Providers in page order: by category, then by their own position. */
export function listProviders(db: Executor): ProviderInfo[] {
  return db
    .select({ id: provider.id, slug: provider.slug, name: provider.name, categoryId: provider.categoryId })
    .from(provider)
    .innerJoin(category, eq(category.id, provider.categoryId))
    .orderBy(asc(category.position), asc(provider.position))
    .all();
}

/** A category's weighted advice, then its checklist (its actions that name no cause). */
export function listCategoryActions(db: Executor, categoryId: number): ActionItem[] {
  return db
    .select({ id: recommendedAction.id, kind: recommendedAction.kind, text: recommendedAction.text })
    .from(recommendedAction)
    .where(and(eq(recommendedAction.categoryId, categoryId), isNull(recommendedAction.causeId)))
    .orderBy(desc(eq(recommendedAction.kind, "advice")), asc(recommendedAction.position))
    .all();
}
