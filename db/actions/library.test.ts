import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { COMMAND_LINE_ACTOR } from "../audit";
import { exportCatalogue } from "../catalogue/export";
import { importCatalogue } from "../catalogue/import";
import { createIncident } from "../incidents/write";
import { listCategoryActions } from "../queries/catalogue";
import { getHelpContent } from "../queries/help";
import { auditLog, category, cause, recommendedAction } from "../schema";
import type { CategorySlug, CauseSlug } from "../schema/enums";
import { ActionFormSchema, createAction, deleteAction, listActionLibrary, moveAction, updateAction, type ActionInput } from "./library";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

const actor = COMMAND_LINE_ACTOR;
const at = new Date(Date.UTC(2026, 10, 28, 6));
const categoryId = (slug: CategorySlug) => t.db.select({ id: category.id }).from(category).where(eq(category.slug, slug)).get()!.id;
const causeId = (slug: CauseSlug) => t.db.select({ id: cause.id }).from(cause).where(eq(cause.slug, slug)).get()!.id;
const actionRow = (id: number) => t.db.select().from(recommendedAction).where(eq(recommendedAction.id, id)).get()!;

describe("the action form", () => {
  const errors = (input: Record<string, unknown>) => {
    const parsed = ActionFormSchema.safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("keeps only the translations that were written", () => {
    expect(ActionFormSchema.parse({ kind: "check", categoryId: "", causeId: "3", en: " Check KYC ", hi: "", as: " " })).toEqual({
      kind: "check",
      categoryId: null,
      causeId: 3,
      text: { en: "Check KYC" },
    });
    expect(ActionFormSchema.parse({ kind: "advice", categoryId: "1", en: "a", hi: "ए", as: "এ" }).text).toEqual({ en: "a", hi: "ए", as: "এ" });
  });

  it("names each wrong field", () => {
    expect(errors({ kind: "tip", categoryId: "x", causeId: "-1", en: "", hi: "h".repeat(501) })).toEqual({
      kind: "Choose whether this is a step to check or advice.",
      categoryId: "Choose from the list.",
      causeId: "Choose from the list.",
      en: "Write the English text merchants will read.",
      hi: "Keep it to 500 characters or fewer.",
    });
  });
});

describe("editing the library", () => {
  it("adds an action at the end of its group with a slug from its scope and words, and audits it", () => {
    const payments = categoryId("payments");
    const input: ActionInput = { kind: "check", categoryId: payments, causeId: null, text: { en: "Check the settlement account's IFSC code" } };
    const id = createAction(t.db, actor, input, at);
    const again = createAction(t.db, actor, input, at);
    expect(actionRow(id).slug).toBe("payments-check-the-settlement-account-s-ifsc-code");
    expect(actionRow(again).slug).toBe("payments-check-the-settlement-account-s-ifsc-code-2");
    expect(listCategoryActions(t.db, payments).map((a) => a.id).slice(-2)).toEqual([id, again]);
    expect(t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).get()).toMatchObject({
      action: "recommended_action.create",
      entityType: "recommended_action",
      after: { kind: "check", categoryId: payments, text: { en: "Check the settlement account's IFSC code" } },
    });
  });

  it("saves new Hindi and Assamese text that the help page then shows, and keeps the slug", () => {
    const kyc = causeId("account-verification");
    const library = listActionLibrary(t.db);
    const step = library.causes.find((c) => c.id === kyc)!.steps[0]!;
    updateAction(t.db, actor, step.id, { kind: "check", categoryId: null, causeId: kyc, text: { en: step.text.en, hi: "केवाईसी की स्थिति जांचें", as: "KYC স্থিতি পৰীক্ষা কৰক" } }, at);

    expect(actionRow(step.id)).toMatchObject({ slug: step.slug, text: { en: step.text.en, hi: "केवाईसी की स्थिति जांचें", as: "KYC স্থিতি পৰীক্ষা কৰক" } });
    const help = getHelpContent(t.db).causes.find((c) => c.slug === "account-verification")!;
    expect(help.steps[0]!.text.hi).toBe("केवाईसी की स्थिति जांचें");
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, "recommended_action.update")).get()!;
    expect(entry.before).toMatchObject({ text: { en: step.text.en } });
    expect(entry.before).toMatchObject({ text: { hi: step.text.hi } });
    expect(entry.after).toMatchObject({ text: { hi: "केवाईसी की स्थिति जांचें" } });
  });

  it("moves an action that changes group to the end of its new group", () => {
    const payments = categoryId("payments");
    const general = listActionLibrary(t.db).general[0]!;
    updateAction(t.db, actor, general.id, { kind: "check", categoryId: payments, causeId: null, text: general.text }, at);
    expect(listCategoryActions(t.db, payments).at(-1)!.id).toBe(general.id);
    expect(listActionLibrary(t.db).general.map((a) => a.id)).not.toContain(general.id);
  });

  it("refuses an unknown category or cause", () => {
    const input: ActionInput = { kind: "check", categoryId: 999, causeId: null, text: { en: "x" } };
    expect(() => createAction(t.db, actor, input, at)).toThrow(expect.objectContaining({ field: "categoryId", status: 400 }));
    expect(() => createAction(t.db, actor, { ...input, categoryId: null, causeId: 999 }, at)).toThrow(expect.objectContaining({ field: "causeId" }));
  });

  it("survives a catalogue round trip: export then import changes nothing", () => {
    const id = createAction(t.db, actor, { kind: "advice", categoryId: categoryId("logistics"), causeId: null, text: { en: "Ship manually for now", hi: "अभी मैन्युअल रूप से भेजें" } }, at);
    const exported = exportCatalogue(t.db);
    importCatalogue(t.db, exported);
    expect(exportCatalogue(t.db)).toEqual(exported);
    expect(actionRow(id).text.hi).toBe("अभी मैन्युअल रूप से भेजें");
  });
});

describe("ordering", () => {
  it("swaps places with the neighbour in the group, and nothing at either end", () => {
    const kyc = causeId("account-verification");
    const steps = () => listActionLibrary(t.db).causes.find((c) => c.id === kyc)!.steps.map((s) => s.id);
    const [a, b, c] = steps() as [number, number, number];
    expect(moveAction(t.db, actor, b, "up", at)).toBe(true);
    expect(steps()).toEqual([b, a, c]);
    expect(moveAction(t.db, actor, b, "up", at)).toBe(false);
    expect(moveAction(t.db, actor, c, "down", at)).toBe(false);
    expect(moveAction(t.db, actor, a, "down", at)).toBe(true);
    expect(steps()).toEqual([b, c, a]);
    const help = getHelpContent(t.db).causes.find((x) => x.slug === "account-verification")!;
    expect(help.steps.map((s) => s.text.en)).toEqual([b, c, a].map((id) => actionRow(id).text.en));
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "recommended_action.move")).all()).toHaveLength(2);
  });

  it("orders a category's checklist apart from its advice, as pages show them", () => {
    const payments = listActionLibrary(t.db).categories.find((c) => c.name === "Payment gateways")!;
    const [first, second] = payments.checklist;
    expect(moveAction(t.db, actor, first!.id, "up", at)).toBe(false);
    moveAction(t.db, actor, second!.id, "up", at);
    const after = listCategoryActions(t.db, payments.id);
    expect(after[0]!.kind).toBe("advice");
    expect(after.slice(1, 3).map((a) => a.id)).toEqual([second!.id, first!.id]);
  });

  it("pulls apart equal positions so that a move always shows", () => {
    const general = listActionLibrary(t.db).general.map((a) => a.id);
    for (const id of general) t.db.update(recommendedAction).set({ position: 5 }).where(eq(recommendedAction.id, id)).run();
    moveAction(t.db, actor, general[2]!, "up", at);
    expect(listActionLibrary(t.db).general.map((a) => a.id).slice(0, 3)).toEqual([general[0], general[2], general[1]]);
  });
});

describe("deleting", () => {
  it("deletes an action no incident shows, and audits what it was", () => {
    const id = createAction(t.db, actor, { kind: "check", categoryId: null, causeId: null, text: { en: "Restart the app" } }, at);
    deleteAction(t.db, actor, id, at);
    expect(t.db.select().from(recommendedAction).where(eq(recommendedAction.id, id)).get()).toBeUndefined();
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "recommended_action.delete")).get()).toMatchObject({
      entityId: id,
      before: { text: { en: "Restart the app" } },
      after: null,
    });
  });

  it("keeps an action that an incident shows, and says which incident", () => {
    const { provider } = addProvider(t.db, "razorpay");
    const actionId = listActionLibrary(t.db).categories.find((c) => c.name === "Payment gateways")!.checklist[0]!.id;
    const incidentId = createIncident(t.db, {
      title: "Razorpay down",
      providers: [{ providerId: provider.id, impact: "major_outage" }],
      workflowIds: [],
      causeId: null,
      source: "ops",
      startedAt: at,
      firstUpdate: { status: "investigating", body: "Looking." },
      actionIds: [actionId],
    });
    expect(() => deleteAction(t.db, actor, actionId, at)).toThrow(
      `This action cannot be deleted: incident ${incidentId} shows it to merchants. Remove it from those incidents first, or edit its text instead.`,
    );
    expect(actionRow(actionId)).toBeDefined();
  });
});
