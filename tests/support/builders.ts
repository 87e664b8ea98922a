import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { category, check, provider } from "../../db/schema";
import type { CategorySlug } from "../../db/schema/enums";

/** A provider with one provider-level check, for tests that build their own world. */
export function addProvider(db: Db, slug: string, categorySlug: CategorySlug = "payments", thresholds = { failureThreshold: 3, successThreshold: 2 }) {
  const cat = db.select({ id: category.id }).from(category).where(eq(category.slug, categorySlug)).get();
  if (!cat) throw new Error(`no category ${categorySlug}: seed the guidance first`);
  const p = db
    .insert(provider)
    .values({ slug, name: slug.replace(/(^|-)(\w)/g, (_, sep: string, c: string) => `${sep ? " " : ""}${c.toUpperCase()}`), categoryId: cat.id })
    .returning()
    .get();
  const c = db
    .insert(check)
    .values({ slug: `${slug}-api`, name: "API availability", kind: "http", providerId: p.id, ...thresholds })
    .returning()
    .get();
  return { provider: p, check: c };
}
