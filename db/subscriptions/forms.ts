// The subscription forms, one schema each, shared by the pages that show them and the
// actions that read them. Free of database and Node code, so pages may import the limits.

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

const emailAddress = z.email();

const providerChoice = {
  locale: z.enum(LOCALES, { error: "Choose a language from the list." }),
  scope: z.enum(PROVIDER_SCOPES, { error: "Choose all providers or the ones you pick." }),
  providerIds: z.array(z.coerce.number().int().positive(), { error: "Choose providers from the list." }).default([]),
};

/** Chosen providers, or none at all for every provider. */
function chosenProviders(form: { scope: (typeof PROVIDER_SCOPES)[number]; providerIds: number[] }, ctx: z.RefinementCtx): number[] | null {
  if (form.scope === "all") return [];
  if (form.providerIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["providerIds"], message: "Choose at least one provider, or choose all providers." });
    return null;
  }
  return [...new Set(form.providerIds)];
}

/** Why a webhook URL cannot be used, or null when it can. */
function webhookUrlProblem(value: string): string | null {
  if (value === "") return "Enter the URL of your webhook endpoint, starting with https://.";
  if (value.length > WEBHOOK_URL_MAX_CHARS) return `Keep the URL to ${WEBHOOK_URL_MAX_CHARS} characters or fewer.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, such as https://hooks.example.com/shopiq-status.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The URL must start with https:// (or http://).";
  // A password in the URL would travel in every delivery log line; the signature is how the receiver trusts us.
  if (url.username || url.password) return "Leave the user name and password out of the URL; check the signature instead.";
  return null;
}

export const SubscribeFormSchema = z
  .object({
    kind: z.enum(SUBSCRIBER_KINDS, { error: "Choose email or webhook." }),
    email: z.string().trim().toLowerCase().default(""),
    url: z.string().trim().default(""),
    ...providerChoice,
  })
  .transform((form, ctx) => {
    const providerIds = chosenProviders(form, ctx);
    if (form.kind === "email") {
      const problem =
        form.email.length > EMAIL_MAX_CHARS
          ? `Keep the address to ${EMAIL_MAX_CHARS} characters or fewer.`
          : emailAddress.safeParse(form.email).success
            ? null
            : "Enter an email address, such as name@example.com.";
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
