import { asc } from "drizzle-orm";
import type { Executor } from "../client";
import { category, cause, recommendedAction, workflow } from "../schema";
import type { ActionKind, CategorySlug, CauseSide, CauseSlug } from "../schema/enums";
import type { LocalizedText } from "../schema/types";

interface Step {
  kind: ActionKind;
  text: LocalizedText;
}

export interface HelpContent {
  checkFirst: Step[];
  categories: {
    slug: CategorySlug;
    name: LocalizedText;
    description: LocalizedText;
    workflows: { slug: string; name: LocalizedText; effect: LocalizedText }[];
    checklist: Step[];
    advice: Step[];
  }[];
  causes: { slug: CauseSlug; side: CauseSide; name: LocalizedText; explanation: LocalizedText; steps: Step[] }[];
}

/** The merchant guidance, all from data, so that incidents link to the very same steps. */
export function getHelpContent(db: Executor): HelpContent {
  const categories = db.select().from(category).orderBy(asc(category.position)).all();
  const workflows = db.select().from(workflow).orderBy(asc(workflow.position)).all();
  const causes = db.select().from(cause).orderBy(asc(cause.position)).all();
  const actions = db.select().from(recommendedAction).orderBy(asc(recommendedAction.position)).all();
  const step = (a: (typeof actions)[number]): Step => ({ kind: a.kind, text: a.text });
  return {
    checkFirst: actions.filter((a) => a.categoryId === null && a.causeId === null).map(step),
    categories: categories.map((c) => {
      const own = actions.filter((a) => a.categoryId === c.id && a.causeId === null);
      return {
        slug: c.slug,
        name: c.name,
        description: c.description,
        workflows: workflows.filter((w) => w.categoryId === c.id).map((w) => ({ slug: w.slug, name: w.name, effect: w.effect })),
        checklist: own.filter((a) => a.kind === "check").map(step),
        advice: own.filter((a) => a.kind === "advice").map(step),
      };
    }),
    causes: causes.map((c) => ({
      slug: c.slug,
      side: c.side,
      name: c.name,
      explanation: c.explanation,
      steps: actions.filter((a) => a.causeId === c.id).map(step),
    })),
  };
}
