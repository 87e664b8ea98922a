import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog } from "../schema";
import { addDays, dayStartMs } from "../time";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  actorLabel?: string;
  entityType?: string;
  action?: string;
  /** Calendar days (YYYY-MM-DD) in the page's time zone, both included. */
  fromDay?: string;
  toDay?: string;
}

/** One side of a change; null when that side has no such field (a creation has no before). */
export type ChangeSide = { value: unknown } | null;

/** One field that differs between before and after; `field` is null when the values are not records. */
export interface AuditChange {
  field: string | null;
  before: ChangeSide;
  after: ChangeSide;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: number | null;
  changes: AuditChange[];
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that changed, in the order the entry names them. Writers store whole
 * records or just the fields they touched; either way a reader wants only the difference.
 */
export function describeChanges(before: unknown, after: unknown): AuditChange[] {
  // The log stores null for "no before" (a creation) and "no after" (a deletion).
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    return same(before, after) ? [] : [{ field: null, before: hasBefore ? { value: before } : null, after: hasAfter ? { value: after } : null }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => !(field in from && field in to && same(from[field], to[field])))
    .map((field) => ({
      field,
      before: hasBefore && field in from ? { value: from[field] } : null,
      after: hasAfter && field in to ? { value: to[field] } : null,
    }));
}

function conditions(filter: AuditFilter): SQL | undefined {
  return and(
    filter.actorLabel ? eq(auditLog.actorLabel, filter.actorLabel) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.fromDay ? gte(auditLog.createdAt, new Date(dayStartMs(filter.fromDay))) : undefined,
    filter.toDay ? lt(auditLog.createdAt, new Date(dayStartMs(addDays(filter.toDay, 1)))) : undefined,
  );
}

/** Newest first; `page` counts from 1. */
export function listAuditEntries(db: Executor, filter: AuditFilter, page: number): AuditPage {
  const where = conditions(filter);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    // Entries written in one transaction share a millisecond; the id keeps their order.
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: rows.map((r) => ({
      id: r.id,
      at: r.createdAt,
      actorLabel: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      changes: describeChanges(r.before, r.after),
    })),
  };
}

/** The values the filters can take: everyone and everything that appears in the log. */
export function listAuditFilterOptions(db: Executor): { actorLabels: string[]; entityTypes: string[]; actions: string[] } {
  return {
    actorLabels: db.selectDistinct({ v: auditLog.actorLabel }).from(auditLog).orderBy(asc(auditLog.actorLabel)).all().map((r) => r.v),
    entityTypes: db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType)).all().map((r) => r.v),
    actions: db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all().map((r) => r.v),
  };
}
