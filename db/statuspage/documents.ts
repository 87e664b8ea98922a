// The bodies of the Statuspage-compatible endpoints under /api/v2/, one named query per
// endpoint. Each reads in one transaction, so a document never mixes two moments.

import type { Executor } from "../client";
import { loadComponentsSnapshot, type ComponentsSnapshot } from "./components";
import { listRecentStatuspageIncidents, listUnresolvedStatuspageIncidents } from "./incidents";
import {
  listActiveStatuspageMaintenances,
  listRecentStatuspageMaintenances,
  listUpcomingOrActiveStatuspageMaintenances,
  listUpcomingStatuspageMaintenances,
} from "./maintenances";
import type {
  StatuspageComponent,
  StatuspageContext,
  StatuspageIncident,
  StatuspageMaintenance,
  StatuspagePage,
  StatuspageStatus,
} from "./shapes";

export interface StatuspageStatusDocument {
  page: StatuspagePage;
  status: StatuspageStatus;
}

export interface StatuspageComponentsDocument {
  page: StatuspagePage;
  components: StatuspageComponent[];
}

export interface StatuspageIncidentsDocument {
  page: StatuspagePage;
  incidents: StatuspageIncident[];
}

export interface StatuspageMaintenancesDocument {
  page: StatuspagePage;
  scheduled_maintenances: StatuspageMaintenance[];
}

export interface StatuspageSummaryDocument {
  page: StatuspagePage;
  components: StatuspageComponent[];
  incidents: StatuspageIncident[];
  scheduled_maintenances: StatuspageMaintenance[];
  status: StatuspageStatus;
}

function read<T>(db: Executor, ctx: StatuspageContext, build: (tx: Executor, snapshot: ComponentsSnapshot) => T): T {
  return db.transaction((tx) => build(tx, loadComponentsSnapshot(tx, ctx)));
}

const statusOf = (snapshot: ComponentsSnapshot, ctx: StatuspageContext): StatuspageStatus => ({
  indicator: snapshot.indicator,
  description: ctx.describeIndicator(snapshot.indicator),
});

/** `summary.json`: components, unresolved incidents, maintenance in progress or to come, and the indicator. */
export const getStatuspageSummary = (db: Executor, ctx: StatuspageContext): StatuspageSummaryDocument =>
  read(db, ctx, (tx, snapshot) => ({
    page: snapshot.page,
    components: snapshot.components,
    incidents: listUnresolvedStatuspageIncidents(tx, snapshot, ctx),
    scheduled_maintenances: listUpcomingOrActiveStatuspageMaintenances(tx, snapshot, ctx),
    status: statusOf(snapshot, ctx),
  }));

export const getStatuspageStatus = (db: Executor, ctx: StatuspageContext): StatuspageStatusDocument =>
  read(db, ctx, (_tx, snapshot) => ({ page: snapshot.page, status: statusOf(snapshot, ctx) }));

export const getStatuspageComponents = (db: Executor, ctx: StatuspageContext): StatuspageComponentsDocument =>
  read(db, ctx, (_tx, snapshot) => ({ page: snapshot.page, components: snapshot.components }));

export const getStatuspageIncidents = (db: Executor, ctx: StatuspageContext): StatuspageIncidentsDocument =>
  read(db, ctx, (tx, snapshot) => ({ page: snapshot.page, incidents: listRecentStatuspageIncidents(tx, snapshot, ctx) }));

export const getStatuspageUnresolvedIncidents = (db: Executor, ctx: StatuspageContext): StatuspageIncidentsDocument =>
  read(db, ctx, (tx, snapshot) => ({ page: snapshot.page, incidents: listUnresolvedStatuspageIncidents(tx, snapshot, ctx) }));

export const getStatuspageMaintenances = (db: Executor, ctx: StatuspageContext): StatuspageMaintenancesDocument =>
  read(db, ctx, (tx, snapshot) => ({ page: snapshot.page, scheduled_maintenances: listRecentStatuspageMaintenances(tx, snapshot, ctx) }));

export const getStatuspageUpcomingMaintenances = (db: Executor, ctx: StatuspageContext): StatuspageMaintenancesDocument =>
  read(db, ctx, (tx, snapshot) => ({ page: snapshot.page, scheduled_maintenances: listUpcomingStatuspageMaintenances(tx, snapshot, ctx) }));

export const getStatuspageActiveMaintenances = (db: Executor, ctx: StatuspageContext): StatuspageMaintenancesDocument =>
  read(db, ctx, (tx, snapshot) => ({ page: snapshot.page, scheduled_maintenances: listActiveStatuspageMaintenances(tx, snapshot, ctx) }));
