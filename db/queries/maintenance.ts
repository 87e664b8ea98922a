import { and, asc, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Executor } from "../client";
import { maintenanceStatus, type MaintenanceStatus } from "../health/maintenance-status";
import { maintenance, maintenanceProvider, provider } from "../schema";

export interface MaintenanceSummary {
  id: number;
  title: string;
  description: string;
  scheduledForMs: number;
  scheduledUntilMs: number;
  status: MaintenanceStatus;
  providers: { id: number; slug: string; name: string }[];
}

/** Maintenance windows that end after `fromMs` and start before `toMs`, earliest first. */
export function listMaintenanceOverlapping(
  db: Executor,
  window: { fromMs: number; toMs: number },
  nowMs: number,
  providerId?: number,
): MaintenanceSummary[] {
  const rows = db
    .select()
    .from(maintenance)
    .where(
      and(
        isNull(maintenance.cancelledAt),
        gt(maintenance.scheduledUntil, new Date(window.fromMs)),
        Number.isFinite(window.toMs) ? lt(maintenance.scheduledFor, new Date(window.toMs)) : undefined,
        providerId === undefined
          ? undefined
          : inArray(
              maintenance.id,
              db.select({ id: maintenanceProvider.maintenanceId }).from(maintenanceProvider).where(eq(maintenanceProvider.providerId, providerId)),
            ),
      ),
    )
    .orderBy(asc(maintenance.scheduledFor))
    .all();
  const providers = providersByMaintenance(db, rows.map((r) => r.id));
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    scheduledForMs: m.scheduledFor.getTime(),
    scheduledUntilMs: m.scheduledUntil.getTime(),
    status: maintenanceStatus(m, nowMs),
    providers: providers.get(m.id) ?? [],
  }));
}

/** The providers each of these maintenance windows covers, in status-page order. */
export function providersByMaintenance(db: Executor, maintenanceIds: number[]): Map<number, { id: number; slug: string; name: string }[]> {
  const byMaintenance = new Map<number, { id: number; slug: string; name: string }[]>();
  if (maintenanceIds.length === 0) return byMaintenance;
  const rows = db
    .select({ maintenanceId: maintenanceProvider.maintenanceId, id: provider.id, slug: provider.slug, name: provider.name })
    .from(maintenanceProvider)
    .innerJoin(provider, eq(provider.id, maintenanceProvider.providerId))
    .where(inArray(maintenanceProvider.maintenanceId, maintenanceIds))
    .orderBy(asc(provider.position))
    .all();
  for (const { maintenanceId, ...p } of rows) {
    const list = byMaintenance.get(maintenanceId);
    if (list) list.push(p);
    else byMaintenance.set(maintenanceId, [p]);
  }
  return byMaintenance;
}
