import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createIncident, postIncidentUpdate } from "../../db/incidents/write";
import { recordCheckResult } from "../../db/rollups/record-result";
import { getProviderPage } from "../../db/queries/provider-page";
import { getStatusPage } from "../../db/queries/status-page";
import { checkResult, maintenance, maintenanceProvider } from "../../db/schema";
import { loader } from "~/routes/_index";
import { addProvider } from "../support/builders";
import { demoDatabase, guidanceDatabase, type TestDatabase } from "../support/database";
import { callLoader } from "../support/loaders";

describe("status page on the demo data", () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = demoDatabase();
  });
  afterAll(() => t.close());

  it("shows every category with its providers, each with a 90-day bar and its uptime", async () => {
    const page = await callLoader(loader, t.db, "/");
    expect(page.groups.map((g) => g.slug)).toEqual(["payments", "logistics", "messaging", "analytics", "advertising", "marketplaces"]);
    expect(page.days).toHaveLength(90);
    for (const p of page.groups.flatMap((g) => g.providers)) {
      expect(p.bar.byDay, p.slug).toHaveLength(90);
      expect(p.bar.uptime, p.slug).toBeGreaterThan(0.99);
      expect(p.bar.uptime, p.slug).toBeLessThanOrEqual(1);
    }
  });

  it("puts the open incident on top with impact, providers, workflows and its latest update", async () => {
    const page = await callLoader(loader, t.db, "/");
    expect(page.indicator).toBe("major");
    expect(page.openIncidents).toHaveLength(1);
    const [open] = page.openIncidents;
    expect(open).toMatchObject({ impact: "major", status: "identified" });
    expect(open!.providers.map((p) => p.slug)).toEqual(["phonepe-pg"]);
    expect(open!.workflows.map((w) => w.name.en)).toEqual(["online checkout payments"]);
    expect(open!.latestUpdate?.status).toBe("identified");
    const phonepe = page.groups[0]!.providers.find((p) => p.slug === "phonepe-pg")!;
    expect(phonepe.status).toBe("partial_outage");
    expect(Object.values(phonepe.bar.incidentsByDay).flat()).toContain(open!.id);
  });

  it("reads rollups only: the page is the same without any raw result", async () => {
    const copy = demoDatabase();
    try {
      const nowMs = Date.now();
      const before = [getStatusPage(copy.db, nowMs), getProviderPage(copy.db, "shiprocket", nowMs)];
      copy.db.delete(checkResult).run();
      expect([getStatusPage(copy.db, nowMs), getProviderPage(copy.db, "shiprocket", nowMs)]).toEqual(before);
    } finally {
      copy.close();
    }
  });

  it("lists upcoming maintenance", async () => {
    const page = await callLoader(loader, t.db, "/");
    expect(page.maintenance.map((m) => [m.providers[0]?.slug, m.status])).toEqual(
      expect.arrayContaining([["delhivery", "scheduled"]]),
    );
  });
});

describe("status page derivation", () => {
  let t: TestDatabase;
  beforeEach(() => {
    t = guidanceDatabase();
  });
  afterEach(() => t.close());

  it("shows no data, never 100 %, for a provider without results, and everything operational", async () => {
    addProvider(t.db, "acme-pay");
    const page = await callLoader(loader, t.db, "/");
    expect(page.indicator).toBe("none");
    const [row] = page.groups[0]!.providers;
    expect(row).toMatchObject({ status: "operational", bar: { uptime: null } });
    expect(row!.bar.byDay.every((d) => d === null)).toBe(true);
  });

  it("turns a provider to major outage when all its checks are confirmed down, and back when they recover", async () => {
    const { check } = addProvider(t.db, "acme-pay");
    const now = Date.now();
    for (let i = 3; i > 0; i--) recordCheckResult(t.db, { checkId: check.id, checkedAt: new Date(now - i * 60_000), outcome: "down", cause: "provider-downtime" });
    let page = await callLoader(loader, t.db, "/");
    expect(page.groups[0]!.providers[0]!.status).toBe("major_outage");
    expect(page.indicator).toBe("critical");
    expect(page.groups[0]!.providers[0]!.bar.byDay[89]).toBe(0);

    for (let i = 0; i < 2; i++) recordCheckResult(t.db, { checkId: check.id, checkedAt: new Date(now + i * 1000), outcome: "ok", latencyMs: 100 });
    page = await callLoader(loader, t.db, "/");
    expect(page.groups[0]!.providers[0]!.status).toBe("operational");
    expect(page.groups[0]!.providers[0]!.bar.byDay[89]).toBeCloseTo(0.4);
  });

  it("shows maintenance in progress on the provider and the banner", async () => {
    const { provider } = addProvider(t.db, "acme-ship", "logistics");
    const now = Date.now();
    const m = t.db.insert(maintenance).values({ title: "Upgrade", scheduledFor: new Date(now - 60_000), scheduledUntil: new Date(now + 3_600_000) }).returning().get();
    t.db.insert(maintenanceProvider).values({ maintenanceId: m.id, providerId: provider.id }).run();
    const page = await callLoader(loader, t.db, "/");
    expect(page.indicator).toBe("maintenance");
    expect(page.groups[0]!.providers[0]!.status).toBe("under_maintenance");
    expect(page.maintenance[0]!.status).toBe("in_progress");
  });

  it("takes an incident's impact on the provider until it is resolved", async () => {
    const { provider } = addProvider(t.db, "acme-pay");
    const id = createIncident(t.db, {
      title: "Payments failing",
      providers: [{ providerId: provider.id, impact: "degraded_performance" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: new Date(Date.now() - 600_000),
      firstUpdate: { status: "investigating", body: "Looking into it." },
    });
    let page = await callLoader(loader, t.db, "/");
    expect(page.indicator).toBe("minor");
    expect(page.groups[0]!.providers[0]!.status).toBe("degraded_performance");
    postIncidentUpdate(t.db, { incidentId: id, status: "resolved", body: "Fixed.", at: new Date() });
    page = await callLoader(loader, t.db, "/");
    expect(page.indicator).toBe("none");
    expect(page.openIncidents).toHaveLength(0);
  });
});
