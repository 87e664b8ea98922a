import { z } from "zod";
import {
  ACTION_KINDS,
  CATEGORY_SLUGS,
  CAUSE_SIDES,
  CAUSE_SLUGS,
  CHECK_KINDS,
} from "../schema/enums";
import { CHECK_CONFIG_SCHEMAS } from "../schema/check-config";

// The catalogue file: categories, workflows, causes, recommended actions, providers and
// their checks. Positions are the order of the arrays. Re-importing the same file
// changes nothing; items are matched by slug.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

export const LocalizedTextSchema = z
  .object({
    en: z.string().trim().min(1),
    hi: z.string().trim().min(1).optional(),
    as: z.string().trim().min(1).optional(),
  })
  .strict();

export const CatalogueCategorySchema = z
  .object({
    slug: z.enum(CATEGORY_SLUGS),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
  })
  .strict();

export const CatalogueWorkflowSchema = z
  .object({
    slug,
    category: z.enum(CATEGORY_SLUGS),
    name: LocalizedTextSchema,
    effect: LocalizedTextSchema,
  })
  .strict();

export const CatalogueCauseSchema = z
  .object({
    slug: z.enum(CAUSE_SLUGS),
    side: z.enum(CAUSE_SIDES),
    name: LocalizedTextSchema,
    explanation: LocalizedTextSchema,
  })
  .strict();

export const CatalogueActionSchema = z
  .object({
    slug,
    category: z.enum(CATEGORY_SLUGS).optional(),
    cause: z.enum(CAUSE_SLUGS).optional(),
    kind: z.enum(ACTION_KINDS).default("check"),
    text: LocalizedTextSchema,
  })
  .strict();

export const CatalogueCheckSchema = z
  .object({
    slug,
    name: z.string().trim().min(1),
    kind: z.enum(CHECK_KINDS),
    /** Validated against the kind's own schema below. */
    config: z.record(z.string(), z.unknown()).default({}),
    intervalSeconds: z.int().min(10).max(86_400).default(60),
    timeoutMs: z.int().min(100).max(120_000).default(10_000),
    failureThreshold: z.int().min(1).max(100).default(3),
    successThreshold: z.int().min(1).max(100).default(2),
    enabled: z.boolean().default(true),
  })
  .strict()
  .transform((check, ctx) => {
    const config = CHECK_CONFIG_SCHEMAS[check.kind].safeParse(check.config);
    if (!config.success) {
      for (const issue of config.error.issues) ctx.addIssue({ ...issue, path: ["config", ...issue.path] } as z.core.$ZodRawIssue);
      return z.NEVER;
    }
    return { ...check, config: config.data as Record<string, unknown> };
  });

export const CatalogueProviderSchema = z
  .object({
    slug,
    name: z.string().trim().min(1),
    category: z.enum(CATEGORY_SLUGS),
    description: z.string().trim().default(""),
    websiteUrl: z.url().optional(),
    statusPageUrl: z.url().optional(),
    checks: z.array(CatalogueCheckSchema).default([]),
  })
  .strict();

function uniqueSlugs<T extends { slug: string }>(label: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.slug)) {
        ctx.addIssue({ code: "custom", message: `duplicate ${label} slug "${item.slug}"`, path: [index, "slug"] });
      }
      seen.add(item.slug);
    });
  };
}

export const CatalogueSchema = z
  .object({
    version: z.literal(1),
    categories: z.array(CatalogueCategorySchema).superRefine(uniqueSlugs("category")).default([]),
    workflows: z.array(CatalogueWorkflowSchema).superRefine(uniqueSlugs("workflow")).default([]),
    causes: z.array(CatalogueCauseSchema).superRefine(uniqueSlugs("cause")).default([]),
    actions: z.array(CatalogueActionSchema).superRefine(uniqueSlugs("action")).default([]),
    providers: z.array(CatalogueProviderSchema).superRefine(uniqueSlugs("provider")).default([]),
  })
  .strict();

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type CatalogueInput = z.input<typeof CatalogueSchema>;
