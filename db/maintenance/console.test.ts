import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { COMMAND_LINE_ACTOR } from "../audit";
import { listMaintenanceOverlapping } from "../queries/maintenance";
import { auditLog, maintenance, maintenanceProvider } from "../schema";
import { mirrorUpstream } from "../upstream/mirror";
import {
  cancelMaintenance,
  createMaintenance,
  getMaintenance,
  indiaTimeToMs,
  listMaintenanceBoard,
  MaintenanceFormSchema,
  msToIndiaTime,
  updateMaintenance,
  type MaintenanceInput,
} from "./console";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const HOUR = 3_600_000;
const actor = COMMAND_LINE_ACTOR;

describe("India time in the form", () => {
  it("reads a date and time as IST and shows an instant back the same way", () => {
    expect(indiaTimeToMs("2026-11-28", "02:00")).toBe(Date.UTC(2026, 10, 27, 20, 30));
    expect(msToIndiaTime(Date.UTC(2026, 10, 27, 20, 30))).toEqual({ date: "2026-11-28", time: "02:00" });
  });

  it("refuses dates and times that do not exist", () => {
    for (const [date, time] of [["2026-02-30", "10:00"], ["2026-13-01", "10:00"], ["2026-11-28", "24:00"], ["2026-11-28", "10:60"], ["28/11/2026", "10:00"], ["2026-11-28", "10am"]]) {
      expect(indiaTimeToMs(date!, time!), `${date} ${time}`).toBeNull();
    }
  });
});

describe("the maintenance form", () => {
  const valid = { title: "Razorpay upgrade", description: "", providerIds: ["1"], startDate: "2026-11-28", startTime: "02:00", endDate: "2026-11-28", endTime: "04:30" };
  const errors = (input: Record<string, unknown>) => {
    const parsed = MaintenanceFormSchema.safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("turns the fields into a window of UTC instants", () => {
    expect(MaintenanceFormSchema.parse({ ...valid, providerIds: ["1", "1", "2"] })).toEqual({
      title: "Razorpay upgrade",
      description: "",
      providerIds: [1, 2],
      scheduledFor: new Date(Date.UTC(2026, 10, 27, 20, 30)),
      scheduledUntil: new Date(Date.UTC(2026, 10, 27, 23, 0)),
    });
  });

  it("names each missing field", () => {
    expect(errors({ title: " ", providerIds: [], startDate: "", startTime: "", endDate: "", endTime: "" })).toEqual({
      title: "Give the window a title, such as “Razorpay scheduled maintenance”.",
      providerIds: "Choose at least one provider.",
      startDate: "Enter the start date.",
      startTime: "Enter the start time.",
      endDate: "Enter the end date.",
      endTime: "Enter the end time.",
    });
  });

  it("wants the end after the start, and real dates", () => {
    expect(errors({ ...valid, endTime: "02:00" })).toEqual({ end: "The window must end after it starts." });
    expect(errors({ ...valid, startDate: "2026-02-30" })).toEqual({ start: "Enter a real date and time (24-hour, India time)." });
  });
});

function input(providerIds: number[], fromMs: number, untilMs: number, title = "Razorpay upgrade"): MaintenanceInput {
  return { title, description: "Card payments may fail.", providerIds, scheduledFor: new Date(fromMs), scheduledUntil: new Date(untilMs) };
}

describe("scheduling, editing and cancelling", () => {
  it("creates a window shown on public pages whose status follows the clock", () => {
    const { provider } = addProvider(t.db, "razorpay");
    const now = Date.UTC(2026, 10, 28, 6);
    const id = createMaintenance(t.db, actor, input([provider.id], now + HOUR, now + 3 * HOUR), new Date(now));
    const publicAt = (at: number) => listMaintenanceOverlapping(t.db, { fromMs: now, toMs: Number.POSITIVE_INFINITY }, at);
    expect(publicAt(now)).toMatchObject([{ id, status: "scheduled", providers: [{ slug: "razorpay" }] }]);
    expect(publicAt(now + 2 * HOUR)[0]!.status).toBe("in_progress");
    expect(publicAt(now + 4 * HOUR)[0]!.status).toBe("completed");
    const [entry] = t.db.select().from(auditLog).all();
    expect(entry).toMatchObject({ action: "maintenance.create", entityType: "maintenance", entityId: id, before: null });
    expect(entry!.after).toMatchObject({ title: "Razorpay upgrade", providerIds: [provider.id], scheduledFor: new Date(now + HOUR).toISOString() });
  });

  it("writes nothing for an unknown provider", () => {
    expect(() => createMaintenance(t.db, actor, input([999], 0, HOUR), new Date())).toThrow(expect.objectContaining({ field: "providerIds", status: 400 }));
    expect(t.db.select().from(maintenance).all()).toHaveLength(0);
  });

  it("edits times, text and providers, with before and after in the audit log", () => {
    const razorpay = addProvider(t.db, "razorpay").provider;
    const payu = addProvider(t.db, "payu").provider;
    const now = Date.UTC(2026, 10, 28, 6);
    const id = createMaintenance(t.db, actor, input([razorpay.id], now + HOUR, now + 2 * HOUR), new Date(now));
    updateMaintenance(t.db, actor, id, input([payu.id], now + 2 * HOUR, now + 5 * HOUR, "PayU upgrade"), new Date(now + 1));
    expect(getMaintenance(t.db, id, now)).toMatchObject({ title: "PayU upgrade", scheduledForMs: now + 2 * HOUR, providers: [{ name: "Payu" }] });
    const update = t.db.select().from(auditLog).where(eq(auditLog.action, "maintenance.update")).get()!;
    expect(update.before).toMatchObject({ title: "Razorpay upgrade", providerIds: [razorpay.id] });
    expect(update.after).toMatchObject({ title: "PayU upgrade", providerIds: [payu.id] });
  });

  it("cancels a window not yet started, and ends one in progress now", () => {
    const { provider } = addProvider(t.db, "razorpay");
    const now = Date.UTC(2026, 10, 28, 6);
    const later = createMaintenance(t.db, actor, input([provider.id], now + HOUR, now + 2 * HOUR), new Date(now));
    const running = createMaintenance(t.db, actor, input([provider.id], now - HOUR, now + HOUR), new Date(now));
    expect(cancelMaintenance(t.db, actor, later, new Date(now))).toBe("cancelled");
    expect(cancelMaintenance(t.db, actor, running, new Date(now))).toBe("ended");

    expect(listMaintenanceOverlapping(t.db, { fromMs: now - 2 * HOUR, toMs: Number.POSITIVE_INFINITY }, now)).toMatchObject([
      { id: running, status: "completed", scheduledUntilMs: now },
    ]);
    expect(t.db.select({ action: auditLog.action }).from(auditLog).all().map((a) => a.action)).toEqual([
      "maintenance.create",
      "maintenance.create",
      "maintenance.cancel",
      "maintenance.end",
    ]);
    expect(() => cancelMaintenance(t.db, actor, later, new Date(now))).toThrow(/cancelled/);
    expect(() => updateMaintenance(t.db, actor, later, input([provider.id], now, now + HOUR), new Date(now))).toThrow(/cancelled/);
    expect(() => cancelMaintenance(t.db, actor, running, new Date(now + 1))).toThrow(/already over/);
  });

  it("leaves windows mirrored from a provider's feed to the feed", () => {
    const { provider } = addProvider(t.db, "razorpay");
    const now = Date.UTC(2026, 10, 28, 6);
    mirrorUpstream(t.db, {
      providerId: provider.id,
      checkSlug: "razorpay-status",
      nowMs: now,
      report: {
        providerStatus: "operational",
        incidents: [],
        maintenances: [{ externalId: "m1", title: "Planned", description: "", scheduledForMs: now + HOUR, scheduledUntilMs: now + 2 * HOUR }],
      },
    });
    const [mirrored] = t.db.select().from(maintenance).all();
    expect(() => cancelMaintenance(t.db, actor, mirrored!.id, new Date(now))).toThrow(/provider's own feed/);
    expect(() => updateMaintenance(t.db, actor, mirrored!.id, input([provider.id], now, now + HOUR), new Date(now))).toThrow(/provider's own feed/);
    expect(t.db.select().from(maintenanceProvider).all()).toHaveLength(1);
  });
});

describe("the maintenance board", () => {
  it("sorts windows into in progress, upcoming and past, with cancelled ones in the past", () => {
    const { provider } = addProvider(t.db, "razorpay");
    const now = Date.UTC(2026, 10, 28, 6);
    const soon = createMaintenance(t.db, actor, input([provider.id], now + HOUR, now + 2 * HOUR, "Soon"), new Date(now));
    const later = createMaintenance(t.db, actor, input([provider.id], now + 5 * HOUR, now + 6 * HOUR, "Later"), new Date(now));
    const running = createMaintenance(t.db, actor, input([provider.id], now - HOUR, now + HOUR, "Running"), new Date(now));
    const done = createMaintenance(t.db, actor, input([provider.id], now - 5 * HOUR, now - 4 * HOUR, "Done"), new Date(now));
    const called = createMaintenance(t.db, actor, input([provider.id], now + 8 * HOUR, now + 9 * HOUR, "Called off"), new Date(now));
    cancelMaintenance(t.db, actor, called, new Date(now));

    const board = listMaintenanceBoard(t.db, now);
    expect(board.upcoming.map((m) => m.id)).toEqual([soon, later]);
    expect(board.inProgress.map((m) => m.id)).toEqual([running]);
    expect(board.past.map((m) => [m.id, m.status])).toEqual([
      [called, "cancelled"],
      [done, "completed"],
    ]);
  });
});
