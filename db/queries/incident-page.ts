import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { category, cause, incident, incidentAction, recommendedAction } from "../schema";
import type { ActionKind, CategorySlug, CauseSlug } from "../schema/enums";
import type { LocalizedText } from "../schema/types";
import { listIncidentSummaries, listUpdateTrails, type IncidentSummary, type TrailUpdate } from "./incidents";
import { suggestIncidentActionIds } from "./recommended-actions";

export interface IncidentAction {
  kind: ActionKind;
  text: LocalizedText;
  /** Where the step comes from: the affected category's checklist, the cause, the general list, or this incident alone. */
  scope: { category: { slug: CategorySlug; name: LocalizedText } | null; cause: { slug: CauseSlug; name: LocalizedText } | null; incidentOnly: boolean };
}

export interface IncidentPage {
  nowMs: number;
  incident: IncidentSummary & {
    identifiedAtMs: number | null;
    monitoringAtMs: number | null;
    postmortem: string | null;
    causeExplanation: LocalizedText | null;
  };
  /** Newest first; `editedAtMs` is set when ops corrected the text after posting it. */
  updates: TrailUpdate[];
  actions: IncidentAction[];
}

function loadActions(db: Executor, ids: number[]): Map<number, IncidentAction> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({
      id: recommendedAction.id,
      kind: recommendedAction.kind,
      text: recommendedAction.text,
      categorySlug: category.slug,
      categoryName: category.name,
      causeSlug: cause.slug,
      causeName: cause.name,
    })
    .from(recommendedAction)
    .leftJoin(category, eq(category.id, recommendedAction.categoryId))
    .leftJoin(cause, eq(cause.id, recommendedAction.causeId))
    .where(inArray(recommendedAction.id, ids))
    .all();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        text: r.text,
        scope: {
          category: r.categorySlug && r.categoryName ? { slug: r.categorySlug, name: r.categoryName } : null,
          cause: r.causeSlug && r.causeName ? { slug: r.causeSlug, name: r.causeName } : null,
          incidentOnly: false,
        },
      },
    ]),
  );
}

/** The actions linked to the incident in their order; the suggested ones when none are linked. */
function incidentActions(db: Executor, summary: IncidentSummary, causeId: number | null): IncidentAction[] {
  const linked = db
    .select({ recommendedActionId: incidentAction.recommendedActionId, customText: incidentAction.customText })
    .from(incidentAction)
    .where(eq(incidentAction.incidentId, summary.id))
    .orderBy(asc(incidentAction.position))
    .all();
  if (linked.length === 0) {
    const ids = suggestIncidentActionIds(db, { categoryIds: [...new Set(summary.providers.map((p) => p.categoryId))], causeId });
    const library = loadActions(db, ids);
    return ids.flatMap((id) => {
      const action = library.get(id);
      return action ? [action] : [];
    });
  }
  const library = loadActions(db, linked.flatMap((l) => (l.recommendedActionId === null ? [] : [l.recommendedActionId])));
  return linked.flatMap((l): IncidentAction[] => {
    if (l.recommendedActionId !== null) {
      const action = library.get(l.recommendedActionId);
      return action ? [action] : [];
    }
    if (l.customText) return [{ kind: "check", text: l.customText, scope: { category: null, cause: null, incidentOnly: true } }];
    return [];
  });
}

export function getIncidentPage(db: Executor, id: number, nowMs: number): IncidentPage | null {
  const [summary] = listIncidentSummaries(db, eq(incident.id, id));
  if (!summary) return null;
  const detail = db
    .select({
      identifiedAt: incident.identifiedAt,
      monitoringAt: incident.monitoringAt,
      postmortem: incident.postmortem,
      causeId: incident.causeId,
      causeExplanation: cause.explanation,
    })
    .from(incident)
    .leftJoin(cause, eq(cause.id, incident.causeId))
    .where(eq(incident.id, id))
    .get()!;
  return {
    nowMs,
    incident: {
      ...summary,
      identifiedAtMs: detail.identifiedAt?.getTime() ?? null,
      monitoringAtMs: detail.monitoringAt?.getTime() ?? null,
      postmortem: detail.postmortem,
      causeExplanation: detail.causeExplanation,
    },
    updates: listUpdateTrails(db, [id]).get(id) ?? [],
    actions: incidentActions(db, summary, detail.causeId),
  };
}
