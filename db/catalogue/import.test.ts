import { readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { guidanceDatabase, migratedDatabase, type TestDatabase } from "../../tests/support/database";
import { cause, check, provider, recommendedAction, workflow } from "../schema";
import { CAUSE_SLUGS } from "../schema/enums";
import { CatalogueReferenceError, importCatalogue } from "./import";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const rows = (table: typeof provider | typeof check | typeof recommendedAction | typeof cause | typeof workflow) =>
  t.db.select({ n: count() }).from(table).get()!.n;

describe("catalogue import", () => {
  it("loads the guidance: all 15 causes, workflows, checklists and the weighted advice", () => {
    expect(t.db.select({ slug: cause.slug }).from(cause).orderBy(cause.position).all().map((c) => c.slug)).toEqual([...CAUSE_SLUGS]);
    expect(rows(workflow)).toBeGreaterThanOrEqual(13);
    const advice = t.db.select({ text: recommendedAction.text }).from(recommendedAction).all().map((a) => a.text.en);
    expect(advice).toContain("Do not fulfil unpaid orders unless payment is verified or another approved payment method is arranged.");
    expect(advice).toContain("You may ship manually while the logistics integration is restored.");
  });

  it("is idempotent: importing the same file again changes nothing", () => {
    const demo = JSON.parse(readFileSync(new URL("../seed/demo-providers.json", import.meta.url), "utf8"));
    const first = importCatalogue(t.db, demo);
    const before = [rows(provider), rows(check), rows(recommendedAction)];
    const second = importCatalogue(t.db, demo);
    expect(second).toEqual(first);
    expect([rows(provider), rows(check), rows(recommendedAction)]).toEqual(before);
    expect(before[0]).toBeGreaterThanOrEqual(24);
  });

  it("updates an item in place when its slug is imported again with new values", () => {
    importCatalogue(t.db, { version: 1, providers: [{ slug: "acme-pay", name: "Acme Pay", category: "payments" }] });
    importCatalogue(t.db, { version: 1, providers: [{ slug: "acme-pay", name: "Acme Payments", category: "payments" }] });
    expect(t.db.select({ name: provider.name }).from(provider).all()).toEqual([{ name: "Acme Payments" }]);
  });

  it("rejects a file that does not match the schema, naming the field", () => {
    const bad = { version: 1, providers: [{ slug: "Bad Slug", name: "", category: "payments" }] };
    expect(() => importCatalogue(t.db, bad)).toThrow(ZodError);
    try {
      importCatalogue(t.db, bad);
    } catch (error) {
      const paths = (error as ZodError).issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["providers.0.slug", "providers.0.name"]));
    }
    expect(rows(provider)).toBe(0);
  });

  it("writes nothing when an item refers to a category that is not there", () => {
    const bare = migratedDatabase();
    try {
      const file = {
        version: 1,
        causes: [{ slug: "provider-downtime", side: "provider", name: { en: "Provider downtime" }, explanation: { en: "The provider is down." } }],
        providers: [{ slug: "acme-pay", name: "Acme Pay", category: "payments" }],
      };
      expect(() => importCatalogue(bare.db, file)).toThrow(CatalogueReferenceError);
      expect(bare.db.select({ n: count() }).from(cause).get()!.n).toBe(0);
    } finally {
      bare.close();
    }
  });
});
