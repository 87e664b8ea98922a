// The readiness page's forms: a campaign, and the choice of what to review. One schema
// per form, free of database code, so the limits the fields show are the ones enforced.
// Each message is a key under `forms` in ./locales: the page says it in the reader's
// language with `readinessMessage` (decision 013).

import { z } from "zod";
import { daysInclusive, isCalendarDay } from "./calendar-days";

export const CAMPAIGN_NAME_MAX_CHARS = 120;
export const EXPECTED_ORDERS_PER_DAY_MAX = 1_000_000;
/** A sale longer than a quarter is a season, not a high-order period; it would also make the wallet maths meaningless. */
export const CAMPAIGN_MAX_DAYS = 92;

const day = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing, abort: true })
    .refine(isCalendarDay, "notADay");

/** Whole orders per day as people type them, "2,500" or "2500". */
const expectedOrdersPerDay = z
  .string({ error: "ordersMissing" })
  .transform((text) => text.replaceAll(",", "").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "ordersMissing", abort: true })
      .regex(/^\d+$/, "ordersNotWhole")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, "ordersTooFew")
          .max(EXPECTED_ORDERS_PER_DAY_MAX, "ordersTooMany"),
      ),
  );

export const CampaignFormSchema = z
  .object({
    name: z.string({ error: "nameMissing" }).trim().min(1, "nameMissing").max(CAMPAIGN_NAME_MAX_CHARS, "nameTooLong"),
    startsOn: day("firstDayMissing"),
    endsOn: day("lastDayMissing"),
    expectedOrdersPerDay,
  })
  .superRefine((form, ctx) => {
    // zod still runs this when a field failed its own checks; those fields already say what is wrong.
    if (!isCalendarDay(form.startsOn) || !isCalendarDay(form.endsOn)) return;
    if (form.endsOn < form.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "lastBeforeFirst" });
    } else if (daysInclusive(form.startsOn, form.endsOn) > CAMPAIGN_MAX_DAYS) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "tooLong" });
    }
  });
export type CampaignInput = z.output<typeof CampaignFormSchema>;

/** What a report is about: a period on the shared calendar or one of the merchant's campaigns, as the form's select sends it. */
const TARGET_PATTERN = /^(period|campaign):([1-9]\d{0,15})$/;

/**
 * The generate form. A campaign carries its own expected orders; a calendar period needs
 * the merchant's estimate, so the field is required only then.
 */
export const ReportFormSchema = z
  .object({
    target: z
      .string({ error: "targetMissing" })
      .regex(TARGET_PATTERN, "targetMissing")
      .transform((text) => {
        const [, kind, id] = TARGET_PATTERN.exec(text)!;
        return { kind: kind as "period" | "campaign", id: Number(id) };
      }),
    expectedOrdersPerDay: z.string().default(""),
  })
  .transform((form, ctx) => {
    if (form.target.kind === "campaign") return { target: form.target, expectedOrdersPerDay: null };
    const orders = expectedOrdersPerDay.safeParse(form.expectedOrdersPerDay);
    if (!orders.success) {
      ctx.addIssue({ code: "custom", path: ["expectedOrdersPerDay"], message: orders.error.issues[0]!.message });
      return z.NEVER;
    }
    return { target: form.target, expectedOrdersPerDay: orders.data };
  });
export type ReportInput = z.output<typeof ReportFormSchema>;
