import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UpstreamIncident, UpstreamMaintenance, UpstreamReport } from "../../probes/types";
import { addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { createIncident, postIncidentUpdate } from "../incidents/write";
import { incident, incidentUpdate, maintenance, maintenanceProvider } from "../schema";
import { mirrorUpstream } from "./mirror";

const NOW_MS = Date.UTC(2025, 2, 14, 6, 0);
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const NOTHING = { opened: 0, updated: 0, resolved: 0, maintenances: 0 };

let test: TestDatabase;
let providerId: number;

beforeEach(() => {
  test = guidanceDatabase();
  providerId = addProvider(test.db, "razorpay", "payments").provider.id;
});

afterEach(() => test.close());

const upstreamIncident = (overrides: Partial<UpstreamIncident> = {}): UpstreamIncident => ({
  externalId: "inc-1",
  title: "UPI payments failing",
  status: "investigating",
  impact: "major",
  body: "We are investigating failed UPI payments.",
  startedAtMs: NOW_MS - 30 * MINUTE_MS,
  updatedAtMs: NOW_MS - 30 * MINUTE_MS,
  ...overrides,
});

const upstreamMaintenance = (overrides: Partial<UpstreamMaintenance> = {}): UpstreamMaintenance => ({
  externalId: "mnt-1",
  title: "Card network upgrade",
  description: "Card payments pause during the upgrade.",
  scheduledForMs: NOW_MS + HOUR_MS,
  scheduledUntilMs: NOW_MS + 2 * HOUR_MS,
  ...overrides,
});

const report = (incidents: UpstreamIncident[] = [], maintenances: UpstreamMaintenance[] = []): UpstreamReport => ({
  providerStatus: incidents.length > 0 ? "partial_outage" : "operational",
  incidents,
  maintenances,
});

const mirror = (r: UpstreamReport, nowMs = NOW_MS, checkSlug = "razorpay-status") =>
  mirrorUpstream(test.db, { providerId, checkSlug, report: r, nowMs });

const incidents = () => test.db.select().from(incident).orderBy(asc(incident.id)).all();
const updatesOf = (incidentId: number) =>
  test.db.select().from(incidentUpdate).where(eq(incidentUpdate.incidentId, incidentId)).orderBy(asc(incidentUpdate.id)).all();
const maintenances = () => test.db.select().from(maintenance).orderBy(asc(maintenance.id)).all();

describe("mirroring upstream incidents", () => {
  it("keeps two feeds of one provider apart, even when their ids collide", () => {
    expect(mirror(report([upstreamIncident()]), NOW_MS, "razorpay-status")).toMatchObject({ opened: 1 });
    expect(mirror(report([upstreamIncident({ title: "Downtime list entry" })]), NOW_MS, "razorpay-downtimes")).toMatchObject({ opened: 1 });
    expect(incidents().map((i) => i.externalRef)).toEqual(["razorpay-status:inc-1", "razorpay-downtimes:inc-1"]);

    // One feed clearing its list resolves only its own incident.
    expect(mirror(report([]), NOW_MS + MINUTE_MS, "razorpay-downtimes")).toEqual({ ...NOTHING, resolved: 1 });
    expect(incidents().map((i) => i.status)).toEqual(["investigating", "resolved"]);
  });

  it("leaves incidents posted by ops or probes alone", () => {
    createIncident(test.db, {
      title: "Checkout failing for many merchants",
      providers: [{ providerId, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "probe",
      externalRef: "razorpay-status:inc-9",
      startedAt: new Date(NOW_MS - HOUR_MS),
      firstUpdate: { status: "investigating", body: "Detected by probes." },
    });
    expect(mirror(report([]))).toEqual(NOTHING);
    expect(incidents().map((i) => i.status)).toEqual(["investigating"]);
  });

  it("does not repeat the provider's text after ops add an update of their own", () => {
    mirror(report([upstreamIncident()]));
    const id = incidents()[0]!.id;
    postIncidentUpdate(test.db, { incidentId: id, status: "investigating", body: "Cards and netbanking still work.", at: new Date(NOW_MS + MINUTE_MS) });

    expect(mirror(report([upstreamIncident()]), NOW_MS + 2 * MINUTE_MS)).toEqual(NOTHING);
    expect(updatesOf(id)).toHaveLength(2);
  });

  it("follows a new title and impact without posting an update for them", () => {
    mirror(report([upstreamIncident()]));
    const id = incidents()[0]!.id;
    expect(mirror(report([upstreamIncident({ title: "UPI payments failing for some banks", impact: "critical" })]), NOW_MS + MINUTE_MS)).toEqual({
      ...NOTHING,
      updated: 1,
    });
    expect(incidents()[0]!.title).toBe("UPI payments failing for some banks");
    expect(updatesOf(id)).toHaveLength(1);
  });

  it("reopens an incident the feed lists again after it was resolved here", () => {
    mirror(report([upstreamIncident()]));
    mirror(report([]), NOW_MS + MINUTE_MS);
    expect(mirror(report([upstreamIncident()]), NOW_MS + 2 * MINUTE_MS)).toEqual({ ...NOTHING, updated: 1 });
    const [reopened] = incidents();
    expect(reopened).toMatchObject({ status: "investigating", resolvedAt: null });
    expect(updatesOf(reopened!.id).map((u) => u.status)).toEqual(["investigating", "resolved", "investigating"]);
  });

  it("does not open an incident the feed already lists as resolved", () => {
    expect(mirror(report([upstreamIncident({ status: "resolved" })]))).toEqual(NOTHING);
    expect(incidents()).toEqual([]);
  });

  it("writes nothing when a write fails half-way", () => {
    // The incident is written first; the window without a start then breaks a NOT NULL.
    const broken = report([upstreamIncident()], [upstreamMaintenance({ scheduledForMs: Number.NaN })]);
    expect(() => mirror(broken)).toThrow(/NOT NULL constraint failed: maintenance.scheduled_for/);
    expect(incidents()).toEqual([]);
    expect(maintenances()).toEqual([]);
  });
});

describe("mirroring upstream maintenance", () => {
  it("creates a window linked to the provider, and rewrites it only when the feed changes it", () => {
    expect(mirror(report([], [upstreamMaintenance()]))).toEqual({ ...NOTHING, maintenances: 1 });
    const [window] = maintenances();
    expect(window).toMatchObject({ source: "upstream", externalRef: "razorpay-status:mnt-1", title: "Card network upgrade", cancelledAt: null });
    expect(test.db.select().from(maintenanceProvider).all()).toEqual([{ maintenanceId: window!.id, providerId }]);

    expect(mirror(report([], [upstreamMaintenance()]), NOW_MS + MINUTE_MS)).toEqual(NOTHING);
    expect(mirror(report([], [upstreamMaintenance({ scheduledUntilMs: NOW_MS + 3 * HOUR_MS })]), NOW_MS + 2 * MINUTE_MS)).toEqual({
      ...NOTHING,
      maintenances: 1,
    });
    expect(maintenances()[0]!.scheduledUntil.getTime()).toBe(NOW_MS + 3 * HOUR_MS);
  });

  it("cancels a window dropped before it starts, and restores it if listed again", () => {
    mirror(report([], [upstreamMaintenance()]));
    expect(mirror(report([]), NOW_MS + MINUTE_MS)).toEqual({ ...NOTHING, maintenances: 1 });
    expect(maintenances()[0]!.cancelledAt?.getTime()).toBe(NOW_MS + MINUTE_MS);

    expect(mirror(report([]), NOW_MS + 2 * MINUTE_MS)).toEqual(NOTHING);
    expect(mirror(report([], [upstreamMaintenance()]), NOW_MS + 3 * MINUTE_MS)).toEqual({ ...NOTHING, maintenances: 1 });
    expect(maintenances()[0]!.cancelledAt).toBeNull();
  });

  it("ends a window dropped while in progress now, and leaves finished and ops windows alone", () => {
    const started = upstreamMaintenance({ scheduledForMs: NOW_MS - HOUR_MS, scheduledUntilMs: NOW_MS + HOUR_MS });
    const finished = upstreamMaintenance({ externalId: "mnt-0", scheduledForMs: NOW_MS - 3 * HOUR_MS, scheduledUntilMs: NOW_MS - 2 * HOUR_MS });
    mirror(report([], [started, finished]));
    test.db
      .insert(maintenance)
      .values({ title: "Our own window", scheduledFor: new Date(NOW_MS + HOUR_MS), scheduledUntil: new Date(NOW_MS + 2 * HOUR_MS) })
      .run();

    expect(mirror(report([]), NOW_MS + 10 * MINUTE_MS)).toEqual({ ...NOTHING, maintenances: 1 });
    expect(maintenances().map((m) => [m.externalRef, m.scheduledUntil.getTime(), m.cancelledAt])).toEqual([
      ["razorpay-status:mnt-1", NOW_MS + 10 * MINUTE_MS, null],
      ["razorpay-status:mnt-0", NOW_MS - 2 * HOUR_MS, null],
      [null, NOW_MS + 2 * HOUR_MS, null],
    ]);
  });
});
