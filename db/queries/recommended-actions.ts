import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "../client";
import { recommendedAction } from "../schema";

/**
 * The actions to show for an incident, in the order a merchant needs them: advice with
 * weight first ("do not fulfil unpaid orders…"), then the steps for this cause, then
 * the checklists of the affected categories.
 */
export function suggestIncidentActionIds(
  db: Executor,
  scope: { categoryIds: number[]; causeId: number | null },
): number[] {
  const inCategories = scope.categoryIds.length > 0 ? inArray(recommendedAction.categoryId, scope.categoryIds) : undefined;
  const categoryRows = inCategories
    ? db
        .select({ id: recommendedAction.id, kind: recommendedAction.kind })
        .from(recommendedAction)
        .where(and(inCategories, isNull(recommendedAction.causeId)))
        .orderBy(asc(recommendedAction.position))
        .all()
    : [];
  const causeRows =
    scope.causeId === null
      ? []
      : db
          .select({ id: recommendedAction.id })
          .from(recommendedAction)
          .where(
            and(
              eq(recommendedAction.causeId, scope.causeId),
              inCategories ? or(isNull(recommendedAction.categoryId), inCategories) : isNull(recommendedAction.categoryId),
            ),
          )
          .orderBy(asc(recommendedAction.position))
          .all();
  return [
    ...categoryRows.filter((r) => r.kind === "advice").map((r) => r.id),
    ...causeRows.map((r) => r.id),
    ...categoryRows.filter((r) => r.kind !== "advice").map((r) => r.id),
  ];
}
