// The shared calendar of high-order periods: reference data every deployment needs, so
// it is upserted by slug on every start, and edits to the file reach existing databases.

import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../client";
import { isCalendarDay } from "../readiness/calendar-days";
import { highOrderPeriod } from "../schema";
import { PERIOD_KINDS } from "../schema/enums";

const day = z.string().refine(isCalendarDay, "expected a real date as YYYY-MM-DD");
const text = z.string().trim().min(1);

export const HighOrderPeriodsSchema = z.object({
  version: z.literal(1),
  periods: z
    .array(
      z
        .object({
          slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a lowercase slug"),
          kind: z.enum(PERIOD_KINDS),
          name: z.object({ en: text, hi: text.optional(), as: text.optional() }).strict(),
          startsOn: day,
          endsOn: day,
        })
        .strict()
        .refine((p) => p.endsOn >= p.startsOn, { message: "a period cannot end before it starts", path: ["endsOn"] }),
    )
    .refine((periods) => new Set(periods.map((p) => p.slug)).size === periods.length, "each slug must appear once"),
});

const CALENDAR_FILE = new URL("./high-order-periods.json", import.meta.url);

/** Upserts the calendar by slug in one transaction; returns how many periods the file has. */
export function seedHighOrderPeriods(db: Executor, input: unknown = JSON.parse(readFileSync(CALENDAR_FILE, "utf8"))): number {
  const { periods } = HighOrderPeriodsSchema.parse(input);
  db.transaction((tx) => {
    for (const p of periods) {
      tx.insert(highOrderPeriod)
        .values(p)
        .onConflictDoUpdate({
          target: highOrderPeriod.slug,
          set: {
            name: sql`excluded.name`,
            kind: sql`excluded.kind`,
            startsOn: sql`excluded.starts_on`,
            endsOn: sql`excluded.ends_on`,
            updatedAt: new Date(),
          },
          // Only a period the file changed is touched, so its updated_at says when it last changed.
          setWhere: sql`${highOrderPeriod.name} is not excluded.name or ${highOrderPeriod.kind} is not excluded.kind
            or ${highOrderPeriod.startsOn} is not excluded.starts_on or ${highOrderPeriod.endsOn} is not excluded.ends_on`,
        })
        .run();
    }
  });
  return periods.length;
}
