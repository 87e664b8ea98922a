import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/providers.$slug";
import { demoDatabase, type TestDatabase } from "../support/database";
import { callLoader, contextFor, thrownResponse } from "../support/loaders";

let t: TestDatabase;
beforeAll(() => {
  t = demoDatabase();
});
afterAll(() => t.close());

describe("provider page", () => {
  it("gives uptime over 24 hours, 7, 30 and 90 days, and the chart series", async () => {
    const page = await callLoader(loader, t.db, "/providers/razorpay", { slug: "razorpay" });
    expect(page.provider).toMatchObject({ slug: "razorpay", name: "Razorpay", category: { slug: "payments" } });
    for (const window of Object.values(page.uptime)) {
      expect(window).toBeGreaterThan(0.98);
      expect(window).toBeLessThanOrEqual(1);
    }
    expect(page.daily).toHaveLength(90);
    expect(page.daily.every((d) => d.averageLatencyMs !== null && d.averageLatencyMs > 0)).toBe(true);
    expect(page.hourly.length).toBeGreaterThan(160);
    expect(page.hourly.length).toBeLessThanOrEqual(168);
  });

  it("shows its open incident and its status", async () => {
    const page = await callLoader(loader, t.db, "/providers/phonepe-pg", { slug: "phonepe-pg" });
    expect(page.status).toBe("partial_outage");
    expect(page.openIncidents.map((i) => i.title)).toEqual(["UPI payments failing or pending on PhonePe Payment Gateway"]);
    expect(page.pastIncidents).toEqual([]);
  });

  it("lists past incidents and the category's checklist", async () => {
    const page = await callLoader(loader, t.db, "/providers/shiprocket", { slug: "shiprocket" });
    expect(page.pastIncidents.map((i) => i.title)).toContain("Shiprocket API unavailable: shipments and pickups cannot be created");
    expect(page.checklist.length).toBeGreaterThanOrEqual(5);
    expect(page.checklist.map((a) => a.text.en)).toContain("You may ship manually while the logistics integration is restored.");
    const outageDay = page.bar.byDay.findIndex((d) => d !== null && d < 0.95);
    expect(outageDay).toBeGreaterThanOrEqual(0);
    expect(page.bar.incidentsByDay[outageDay]).toHaveLength(1);
  });

  it("answers 404 for a provider that does not exist", async () => {
    const response = await thrownResponse(() => loader({ request: new Request("http://localhost/providers/nope"), params: { slug: "nope" }, context: contextFor(t.db) }));
    expect(response.status).toBe(404);
  });
});
