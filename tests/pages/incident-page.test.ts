import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incident } from "../../db/schema";
import { loader } from "~/routes/incidents.$id";
import { demoDatabase, type TestDatabase } from "../support/database";
import { callLoader, contextFor, thrownResponse } from "../support/loaders";

let t: TestDatabase;
beforeAll(() => {
  t = demoDatabase();
});
afterAll(() => t.close());

const idOf = (title: string) => String(t.db.select({ id: incident.id }).from(incident).where(eq(incident.title, title)).get()!.id);

describe("incident page", () => {
  it("shows a payments incident with the weighted advice first, then cause steps and the checklist", async () => {
    const id = idOf("UPI payments failing or pending on PhonePe Payment Gateway");
    const page = await callLoader(loader, t.db, `/incidents/${id}`, { id });
    expect(page.incident).toMatchObject({ status: "identified", impact: "major", resolvedAtMs: null });
    expect(page.incident.providers).toEqual([expect.objectContaining({ slug: "phonepe-pg", impact: "partial_outage" })]);
    const [first, ...rest] = page.actions;
    expect(first).toMatchObject({
      kind: "advice",
      text: { en: "Do not fulfil unpaid orders unless payment is verified or another approved payment method is arranged." },
    });
    expect(rest.some((a) => a.scope.cause?.slug === "provider-downtime")).toBe(true);
    expect(rest.some((a) => a.scope.category?.slug === "payments" && a.kind === "check")).toBe(true);
    expect(page.incident.cause).toMatchObject({ slug: "provider-downtime", side: "provider" });
  });

  it("gives the full timeline newest first, with start, resolution and the logistics advice", async () => {
    const id = idOf("Shiprocket API unavailable: shipments and pickups cannot be created");
    const page = await callLoader(loader, t.db, `/incidents/${id}`, { id });
    expect(page.updates.map((u) => u.status)).toEqual(["resolved", "monitoring", "identified", "investigating"]);
    const times = page.updates.map((u) => u.createdAtMs);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.incident.resolvedAtMs).toBeGreaterThan(page.incident.startedAtMs);
    expect(page.incident.workflows.map((w) => w.slug)).toEqual(["shipment-creation", "pickup-scheduling"]);
    expect(page.actions[0]!.text.en).toBe("You may ship manually while the logistics integration is restored.");
  });

  it("answers 404 for an id that is not a number or not an incident", async () => {
    for (const id of ["abc", "0", "999999"]) {
      const response = await thrownResponse(() => loader({ request: new Request(`http://localhost/incidents/${id}`), params: { id }, context: contextFor(t.db) }));
      expect(response.status, id).toBe(404);
    }
  });
});
