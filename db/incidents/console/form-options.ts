// The choices the incident forms offer, grouped by category as ops think of providers.

import { asc } from "drizzle-orm";
import type { Executor } from "../../client";
import { category, cause, provider, workflow } from "../../schema";
import type { LocalizedText } from "../../schema/types";

export interface IncidentFormOptions {
  categories: {
    id: number;
    name: LocalizedText;
    providers: { id: number; name: string }[];
    workflows: { id: number; name: LocalizedText }[];
  }[];
  causes: { id: number; name: LocalizedText }[];
}

/** What an incident form offers: providers and workflows by category, and the causes. */
export function incidentFormOptions(db: Executor): IncidentFormOptions {
  const providers = db.select({ id: provider.id, name: provider.name, categoryId: provider.categoryId }).from(provider).orderBy(asc(provider.position)).all();
  const workflows = db.select({ id: workflow.id, name: workflow.name, categoryId: workflow.categoryId }).from(workflow).orderBy(asc(workflow.position)).all();
  return {
    categories: db
      .select({ id: category.id, name: category.name })
      .from(category)
      .orderBy(asc(category.position))
      .all()
      .map((c) => ({
        ...c,
        providers: providers.filter((p) => p.categoryId === c.id).map(({ id, name }) => ({ id, name })),
        workflows: workflows.filter((w) => w.categoryId === c.id).map(({ id, name }) => ({ id, name })),
      })),
    causes: db.select({ id: cause.id, name: cause.name }).from(cause).orderBy(asc(cause.position)).all(),
  };
}
