import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "../../db/audit";
import { exportCatalogue } from "../../db/catalogue/export";
import { AUDIT_PAGE_SIZE } from "../../db/queries/audit";
import { auditLog, user } from "../../db/schema";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { addUser, Client, signedInConsole } from "../support/ops";
import { runProcess } from "../support/processes";
import type { RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let admin: Client;
const dir = mkdtempSync(join(tmpdir(), "audit-test-"));

beforeAll(async () => {
  t = guidanceDatabase();
  ({ server, client: admin } = await signedInConsole(t.db, "admin@shopiq.example", "admin"));
});
afterAll(async () => {
  await server.close();
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a sighted reader sees in each cell of the log's rows. */
function rows(html: string): string[][] {
  const body = html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      cell[1]!
        .replace(/<span class="visually-hidden">[^<]*<\/span>/g, "")
        .replace(/<br\/>/g, " ")
        .replace(/<\/li><li>/g, " | ")
        .replace(/<!-- -->|<[^>]+>/g, "")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
}

async function page(query: string, client = admin): Promise<{ status: number; html: string }> {
  const response = await client.get(`/ops/audit${query}`);
  return { status: response.status, html: await response.text() };
}

const statusctl = (args: string[]) => runProcess(process.execPath, ["bin/statusctl.mjs", ...args], { DATABASE_URL: `file:${t.path}` });

describe("who may read the audit log", () => {
  it("sends a signed-out visitor to sign in and back, with the filters", async () => {
    const response = await new Client(server.baseUrl).get("/ops/audit?entity=user");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Faudit%3Fentity%3Duser");
  });

  it("is open to ops users as well as admins", async () => {
    await addUser(t.db, "reader@shopiq.example", "ops");
    const reader = new Client(server.baseUrl);
    await reader.signIn("reader@shopiq.example");
    expect((await page("", reader)).status).toBe(200);
  });
});

describe("what the log records", () => {
  it("records each change to a user with who did it and the values before and after", async () => {
    const invited = await admin.post("/ops/users", { intent: "invite", email: "new@shopiq.example", name: "New Person", role: "ops" });
    expect(invited.status).toBe(200);
    const id = t.db.select().from(user).where(eq(user.email, "new@shopiq.example")).get()!.id;
    const changes: Record<string, string>[] = [
      { intent: "role", role: "admin" },
      { intent: "disable" },
      { intent: "enable" },
    ];
    for (const form of changes) {
      expect((await admin.post("/ops/users", { ...form, userId: String(id) })).status).toBe(200);
    }

    const { status, html } = await page(`?entity=user&actor=${encodeURIComponent("admin@shopiq.example")}`);
    expect(status).toBe(200);
    const seen = rows(html).map(([when, who, what, changes]) => ({ when, who, what, changes }));
    // Newest first.
    expect(seen.map((r) => r.what)).toEqual([`user.enable user #${id}`, `user.disable user #${id}`, `user.role user #${id}`, `user.invite user #${id}`, `user.create user #${id}`]);
    for (const r of seen) {
      expect(r.who).toBe("admin@shopiq.example");
      expect(r.when).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} IST$/);
    }
    expect(seen[0]!.changes).toBe("disabled: yes → no");
    expect(seen[1]!.changes).toBe("disabled: no → yes");
    expect(seen[2]!.changes).toBe("role: ops → admin");
    expect(seen[3]!.changes).toMatch(/^inviteExpiresAt: \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} IST$/);
    expect(seen[4]!.changes).toBe(`id: ${id} | email: new@shopiq.example | name: New Person | role: ops | disabledAt: none`);
  });

  it("records a catalogue import by statusctl with what it imported, and nothing for a refused file", async () => {
    const file = join(dir, "catalogue.json");
    writeFileSync(file, JSON.stringify(exportCatalogue(t.db)));
    const imported = await statusctl(["catalog", "import", file]);
    expect(imported.code, imported.output).toBe(0);

    const entries = t.db.select().from(auditLog).where(eq(auditLog.action, "catalogue.import")).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: null, actorLabel: "statusctl", entityType: "catalogue", entityId: null, before: null });
    expect(entries[0]!.after).toEqual({ categories: 6, workflows: 14, causes: 15, actions: 93, providers: 0, checks: 0 });

    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ version: 1, providers: "none" }));
    expect((await statusctl(["catalog", "import", bad])).code).toBe(2);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "catalogue.import")).all()).toHaveLength(1);

    const { html } = await page("?actor=statusctl&action=catalogue.import");
    expect(rows(html)).toEqual([
      [expect.stringMatching(/IST$/), "statusctl", "catalogue.import catalogue", "categories: 6 | workflows: 14 | causes: 15 | actions: 93 | providers: 0 | checks: 0"],
    ]);
  }, 60_000);

  it("folds a long value away behind its first words", async () => {
    const long = `The gateway timed out for many merchants. ${"More detail follows. ".repeat(10)}`.trim();
    writeAudit(t.db, { actor: { userId: null, label: "writer@shopiq.example" }, action: "incident_update.edit", entityType: "incident_update", entityId: 7, before: { body: "Short." }, after: { body: long } });
    const { html } = await page("?actor=writer%40shopiq.example");
    expect(html).toContain(`<details class="audit-changes__after audit-long"><summary>${long.slice(0, 120)}…</summary>${long}</details>`);
    expect(rows(html)[0]![3]).toContain("body: Short. → ");
  });
});

describe("filters", () => {
  const at = (iso: string) => new Date(iso);
  beforeAll(() => {
    const actor = { userId: null, label: "dates@shopiq.example" };
    // Day edges in India (UTC+5:30): 9 Mar 23:59, 10 Mar 00:00, 11 Mar 23:59, 12 Mar 00:00 IST.
    for (const [iso, id] of [
      ["2024-03-09T18:29:00Z", 1],
      ["2024-03-09T18:30:00Z", 2],
      ["2024-03-11T18:29:00Z", 3],
      ["2024-03-11T18:30:00Z", 4],
    ] as const) {
      writeAudit(t.db, { actor, action: id % 2 === 0 ? "maintenance.create" : "incident.create", entityType: id % 2 === 0 ? "maintenance" : "incident", entityId: id, after: { title: `Entry ${id}` }, at: at(iso) });
    }
  });

  it("keeps entries between two days in India, both included", async () => {
    const { status, html } = await page("?actor=dates%40shopiq.example&from=2024-03-10&to=2024-03-11");
    expect(status).toBe(200);
    expect(rows(html).map((r) => [r[0], r[3]])).toEqual([
      ["11 Mar 2024, 23:59 IST", "title: Entry 3"],
      ["10 Mar 2024, 00:00 IST", "title: Entry 2"],
    ]);
    expect((await page("?actor=dates%40shopiq.example&from=2024-03-11")).html).toContain("Entries 1–2 of 2 matching the filters.");
    expect(rows((await page("?actor=dates%40shopiq.example&to=2024-03-09")).html).map((r) => r[3])).toEqual(["title: Entry 1"]);
  });

  it("filters by kind of record and by action, and shows the chosen filters", async () => {
    const byEntity = await page("?actor=dates%40shopiq.example&entity=maintenance");
    expect(rows(byEntity.html).map((r) => r[2])).toEqual(["maintenance.create maintenance #4", "maintenance.create maintenance #2"]);
    expect(byEntity.html).toMatch(/<option value="maintenance" selected="">maintenance<\/option>/);
    expect(byEntity.html).toMatch(/<option value="dates@shopiq.example" selected="">/);
    const byAction = await page("?action=incident.create&actor=dates%40shopiq.example");
    expect(rows(byAction.html).map((r) => r[2])).toEqual(["incident.create incident #3", "incident.create incident #1"]);
    const none = await page("?actor=nobody%40shopiq.example");
    expect(none.status).toBe(200);
    expect(rows(none.html)).toEqual([]);
    expect(none.html).toContain("No entries match these filters.");
    // A value from a shared link that is not in the log still shows as chosen.
    expect(none.html).toMatch(/<option value="nobody@shopiq.example" selected="">/);
  });

  it("offers everyone and everything in the log as choices", async () => {
    const { html } = await page("");
    const select = (name: string) => [...(html.match(new RegExp(`<select id="audit-${name}"[\\s\\S]*?</select>`))?.[0] ?? "").matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(select("actor")).toEqual(expect.arrayContaining(["", "admin@shopiq.example", "dates@shopiq.example", "statusctl"]));
    expect(select("entity")).toEqual(expect.arrayContaining(["", "catalogue", "incident", "maintenance", "user"]));
    expect(select("action")).toEqual(expect.arrayContaining(["", "catalogue.import", "user.role", "user.disable"]));
  });

  const invalid = [
    { name: "a date that is not a date", query: "?from=last-week", field: "from", message: "Use a date like 2025-01-31." },
    { name: "a day that does not exist", query: "?to=2024-02-30", field: "to", message: "That date does not exist." },
    { name: "an end before the start", query: "?from=2024-03-11&to=2024-03-10", field: "to", message: "The end date is before the start date." },
  ];
  it.each(invalid)("answers 400 with the field's error and keeps what was typed, on $name", async ({ query, field, message }) => {
    const { status, html } = await page(`${query}&actor=dates%40shopiq.example`);
    expect(status).toBe(400);
    expect(html).toContain(`<p id="audit-${field}-error" class="field-error">${message}</p>`);
    const input = html.match(new RegExp(`<input id="audit-${field}"[^>]*>`))?.[0];
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain(`value="${new URLSearchParams(query).get(field)}"`);
    expect(html).toMatch(/<option value="dates@shopiq.example" selected="">/);
    expect(html).toContain("Fix the filter above to see entries.");
    expect(rows(html)).toEqual([]);
  });

  it("answers 400 on a page that is not a page", async () => {
    const { status, html } = await page("?page=0");
    expect(status).toBe(400);
    expect(html).toContain("Pages start at 1.");
  });
});

describe("paging", () => {
  it("shows the newest entries first, a page at a time, keeping the filters in the links", async () => {
    const actor = { userId: null, label: "pager@shopiq.example" };
    const total = AUDIT_PAGE_SIZE + 5;
    const start = Date.UTC(2024, 0, 1);
    for (let i = 1; i <= total; i += 1) {
      writeAudit(t.db, { actor, action: "action.edit", entityType: "recommended_action", entityId: i, after: { position: i }, at: new Date(start + i * 60_000) });
    }
    const first = await page("?actor=pager%40shopiq.example");
    const firstRows = rows(first.html);
    expect(firstRows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(firstRows[0]![2]).toBe(`action.edit recommended_action #${total}`);
    expect(first.html).toContain(`Entries 1–${AUDIT_PAGE_SIZE} of ${total} matching the filters.`);
    expect(first.html).toContain('href="/ops/audit?actor=pager%40shopiq.example&amp;page=2">Older entries →</a>');
    expect(first.html).not.toContain("Newer entries");

    const second = await page("?actor=pager%40shopiq.example&page=2");
    expect(rows(second.html).map((r) => r[2])).toEqual([5, 4, 3, 2, 1].map((i) => `action.edit recommended_action #${i}`));
    expect(second.html).toContain('href="/ops/audit?actor=pager%40shopiq.example">← Newer entries</a>');
    expect(second.html).not.toContain("Older entries");

    const beyond = await page("?actor=pager%40shopiq.example&page=9");
    expect(beyond.status).toBe(200);
    expect(beyond.html).toContain("No entries on this page.");
  });
});
