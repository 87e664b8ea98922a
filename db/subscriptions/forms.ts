// The subscription forms, one schema each, shared by the pages that show them and the
// actions that read them. Free of database and Node code, so pages may import the limits.
// Each message is a key under `subscribe.errors` in app/i18n/locales: the pages say it in
// the reader's language (decision 013).

import { z } from "zod";
import { LOCALES, SUBSCRIBER_KINDS } from "../schema/enums";

/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_CHARS = 254;
export const WEBHOOK_URL_MAX_CHARS = 2_000;

/** Every provider (including ones added later), or the ones ticked. */
const PROVIDER_SCOPES = ["all", "chosen"] as const;

/** How long a confirmation link works: an address nobody confirmed is then forgotten. */
export const UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS = 7;

/** The field a form's honeypot goes by: people never see it, form-filling bots fill it in. */
export const HONEYPOT_FIELD = "website";

/** What the forms can find wrong, each a key under `subscribe.errors` in the pages' catalogues. */
export const SUBSCRIBE_ERROR_KEYS = [
  "kindMissing",
  "emailInvalid",
  "emailTooLong",
  "urlMissing",
  "urlTooLong",
  "urlInvalid",
  "urlScheme",
  "urlCredentials",
  "localeMissing",
  "scopeMissing",
  "providersUnknown",
  "providersNone",
] as const;
export type SubscribeErrorKey = (typeof SUBSCRIBE_ERROR_KEYS)[number];

const isSubscribeErrorKey = (message: string): message is SubscribeErrorKey => (SUBSCRIBE_ERROR_KEYS as readonly string[]).includes(message);
/** zod takes any string as a message; this one only takes a key the catalogues have. */
const says = (key: SubscribeErrorKey) => key;

/**
 * The first problem with each field, as its key (later ones often restate it). Every check
 * below names its key, so a message that is not one is a mistake in this file.
 */
export function subscribeFieldErrors(error: z.ZodError): Record<string, SubscribeErrorKey> {
  const errors: Record<string, SubscribeErrorKey> = {};
  for (const issue of error.issues) {
    if (!isSubscribeErrorKey(issue.message)) throw new Error(`The subscription forms have no key for the message "${issue.message}"`);
    errors[String(issue.path[0])] ??= issue.message;
  }
  return errors;
}

const emailAddress = z.email();

const providerChoice = {
  locale: z.enum(LOCALES, { error: says("localeMissing") }),
  scope: z.enum(PROVIDER_SCOPES, { error: says("scopeMissing") }),
  // A tampered id ("abc", "-1") is as unknown as one the database lacks.
  providerIds: z.array(z.coerce.number({ error: says("providersUnknown") }).int().positive(), { error: says("providersUnknown") }).default([]),
};

/** Chosen providers, or none at all for every provider. */
function chosenProviders(form: { scope: (typeof PROVIDER_SCOPES)[number]; providerIds: number[] }, ctx: z.RefinementCtx): number[] | null {
  if (form.scope === "all") return [];
  if (form.providerIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["providerIds"], message: says("providersNone") });
    return null;
  }
  return [...new Set(form.providerIds)];
}

/** Why a webhook URL cannot be used, or null when it can. */
function webhookUrlProblem(value: string): SubscribeErrorKey | null {
  if (value === "") return "urlMissing";
  if (value.length > WEBHOOK_URL_MAX_CHARS) return "urlTooLong";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "urlInvalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "urlScheme";
  // A password in the URL would travel in every delivery log line; the signature is how the receiver trusts us.
  if (url.username || url.password) return "urlCredentials";
  return null;
}

export const SubscribeFormSchema = z
  .object({
    kind: z.enum(SUBSCRIBER_KINDS, { error: says("kindMissing") }),
    email: z.string().trim().toLowerCase().default(""),
    url: z.string().trim().default(""),
    ...providerChoice,
  })
  .transform((form, ctx) => {
    const providerIds = chosenProviders(form, ctx);
    if (form.kind === "email") {
      const problem: SubscribeErrorKey | null =
        form.email.length > EMAIL_MAX_CHARS ? "emailTooLong" : emailAddress.safeParse(form.email).success ? null : "emailInvalid";
      if (problem) ctx.addIssue({ code: "custom", path: ["email"], message: problem });
      if (problem || providerIds === null) return z.NEVER;
      return { kind: "email" as const, email: form.email, locale: form.locale, providerIds };
    }
    const problem = webhookUrlProblem(form.url);
    if (problem) ctx.addIssue({ code: "custom", path: ["url"], message: problem });
    if (problem || providerIds === null) return z.NEVER;
    return { kind: "webhook" as const, url: new URL(form.url).href, locale: form.locale, providerIds };
  });
export type SubscribeInput = z.output<typeof SubscribeFormSchema>;

/** A subscriber's own changes: which providers, and the language of the emails. */
export const ManageFormSchema = z.object(providerChoice).transform((form, ctx) => {
  const providerIds = chosenProviders(form, ctx);
  return providerIds === null ? z.NEVER : { locale: form.locale, providerIds };
});
export type ManageInput = z.output<typeof ManageFormSchema>;
