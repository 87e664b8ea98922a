import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as historyLoader } from "~/routes/history";
import { loader as helpLoader } from "~/routes/help";
import { CAUSE_SLUGS } from "../../db/schema/enums";
import { demoDatabase, type TestDatabase } from "../support/database";
import { callLoader, thrownResponse } from "../support/loaders";

let t: TestDatabase;
beforeAll(() => {
  t = demoDatabase();
});
afterAll(() => t.close());

const history = (query = "") => callLoader(historyLoader, t.db, `/history${query}`);

describe("history", () => {
  it("shows three months a page, newest first, and pages back to the older incidents", async () => {
    const first = await history();
    expect(first.history.months).toHaveLength(3);
    const [newest, , oldest] = first.history.months;
    expect(newest!.month > oldest!.month).toBe(true);
    const second = await history("?page=2");
    const all = [...first.history.months, ...second.history.months].flatMap((m) => m.incidents);
    expect(all).toHaveLength(9);
    expect(second.history.months[0]!.month < oldest!.month).toBe(true);
    expect(first.history.hasOlder).toBe(second.history.months.some((m) => m.incidents.length > 0));
    expect(second.history.hasOlder).toBe(false);
  });

  it("filters by provider and by category", async () => {
    const byProvider = await history("?provider=shiprocket");
    const shiprocket = byProvider.history.months.flatMap((m) => m.incidents);
    expect(shiprocket.length).toBeGreaterThan(0);
    expect(shiprocket.every((i) => i.providers.some((p) => p.slug === "shiprocket"))).toBe(true);

    const pages = await Promise.all([history("?category=payments"), history("?category=payments&page=2")]);
    const payments = pages.flatMap((p) => p.history.months.flatMap((m) => m.incidents));
    expect(payments.map((i) => i.providers[0]!.slug).sort()).toEqual(["cashfree", "payu", "phonepe-pg", "razorpay"]);
  });

  it("answers 400 with the field for a bad filter", async () => {
    for (const query of ["?category=cooking", "?page=0", "?provider=nobody"]) {
      const response = await thrownResponse(() => history(query));
      expect(response.status, query).toBe(400);
      expect(await response.text()).toMatch(/category|page|provider/);
    }
  });
});

describe("help", () => {
  it("is the guidance from the database: what happens, what to check first, the 15 causes and every category's checklist", async () => {
    const help = await callLoader(helpLoader, t.db, "/help");
    expect(help.checkFirst.length).toBeGreaterThanOrEqual(5);
    expect(help.causes.map((c) => c.slug)).toEqual([...CAUSE_SLUGS]);
    for (const c of help.causes) expect(c.steps.length, c.slug).toBeGreaterThanOrEqual(2);
    expect(help.categories.map((c) => c.slug)).toEqual(["payments", "logistics", "messaging", "analytics", "advertising", "marketplaces"]);
    for (const c of help.categories) {
      expect(c.checklist.length, c.slug).toBeGreaterThanOrEqual(5);
      expect(c.workflows.length, c.slug).toBeGreaterThanOrEqual(1);
    }
    expect(help.categories[0]!.advice.map((a) => a.text.en)).toContain(
      "Do not fulfil unpaid orders unless payment is verified or another approved payment method is arranged.",
    );
  });
});

describe("incident summaries", () => {
  it("give every incident its own latest update", async () => {
    const page = await history();
    const incidents = page.history.months.flatMap((m) => m.incidents);
    expect(incidents.length).toBeGreaterThan(3);
    for (const i of incidents) {
      expect(i.latestUpdate, i.title).not.toBeNull();
      expect(i.latestUpdate!.status, i.title).toBe(i.status);
    }
  });
});
