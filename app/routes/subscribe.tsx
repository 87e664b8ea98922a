import { json, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LocaleSelect } from "~/components/subscriptions/LocaleSelect";
import { ProviderChoices } from "~/components/subscriptions/ProviderChoices";
import { listProviderChoices, subscribe, SubscriptionError } from "~/data/subscriptions.server";
import { FieldError, fieldErrorsOf, fieldProps, FormError, formText, SuccessNotice, useFocusOnFailure } from "~/lib/forms";
import subscriptionStyles from "~/styles/subscriptions.css";
import { LOCALES, type Locale } from "../../db/schema/enums";
import { EMAIL_MAX_CHARS, HONEYPOT_FIELD, SubscribeFormSchema, UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS, WEBHOOK_URL_MAX_CHARS } from "../../db/subscriptions/forms";

const TEXT = {
  title: "Subscribe to updates",
  intro: "Hear about incidents and scheduled maintenance of the providers your store relies on, as soon as they are posted here.",
  kindLegend: "How should we tell you?",
  kindEmail: "By email",
  kindWebhook: "By webhook, to your own tools",
  emailLabel: "Email address",
  emailHint: "For email. We first send a link to confirm the address; every email has a link to unsubscribe.",
  urlLabel: "Webhook URL",
  urlHint: "For a webhook. We POST JSON to it, signed with a secret we show you once.",
  honeypotLabel: "Leave this field empty",
  submit: "Subscribe",
  submitting: "Subscribing…",
  honeypotRefused: "This form could not be accepted. If you are a person, reload the page and try again.",
  unavailable: "Subscriptions are not available on this server.",
  rateLimited: (minutes: number) => `Too many subscription requests for this address or from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  unsubscribed: "You are unsubscribed and will receive nothing more from us.",
  checkInbox: "Check your inbox",
  emailSent: (email: string) => `We sent a confirmation link to ${email}. Nothing more will be sent there until the link is opened.`,
  emailSentNote: `The link works for ${UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS} days. Not there? Look in the spam folder, or subscribe again.`,
  webhookReady: "Your webhook is set up",
  secretLabel: "Signing secret",
  secretOnce: "Copy it now: it is not shown again, and we cannot recover it for you.",
  signatureHowTo:
    'Each delivery carries the headers X-ShopIQ-Timestamp and X-ShopIQ-Signature: "sha256=" followed by the hex HMAC-SHA256 of the timestamp, a dot and the raw body, keyed with this secret. Refuse deliveries whose signature does not match or whose timestamp is more than five minutes off.',
  duplicatesHowTo:
    "A failed delivery is retried with growing pauses. Rarely, one may arrive twice: the body's id (and the X-ShopIQ-Delivery header) stay the same, so drop repeats.",
  manageLink: "To change providers or unsubscribe later, keep this link (also shown only once):",
} as const;

const FIELD_ORDER = ["kind", "email", "url", "locale", "scope", "providerIds"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: subscriptionStyles }];
export const meta: MetaFunction = () => [{ title: `${TEXT.title} · ShopIQ Integration Status` }];
// The answer to a webhook subscription holds its secret: no cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** The first of our languages the browser asks for, for the emails' language to start with. */
function browserLocale(acceptLanguage: string | null): Locale {
  const asked = (acceptLanguage ?? "").split(",").map((part) => part.trim().split(/[-;]/)[0]?.toLowerCase());
  return asked.find((code): code is Locale => LOCALES.some((l) => l === code)) ?? "en";
}

interface FormValues {
  kind: string;
  email: string;
  url: string;
  locale: string;
  scope: string;
  providerIds: string[];
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const done = new URL(request.url).searchParams.get("done");
  return json({
    providerChoices: listProviderChoices(context.db),
    locale: browserLocale(request.headers.get("accept-language")),
    notice: done === "unsubscribed" ? TEXT.unsubscribed : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values: FormValues = {
    kind: formText(form, "kind"),
    email: formText(form, "email"),
    url: formText(form, "url"),
    locale: formText(form, "locale"),
    scope: formText(form, "scope"),
    providerIds: form.getAll("providerId").filter((v): v is string => typeof v === "string"),
  };
  const failure = (status: number, fieldErrors: Record<string, string>, formError: string | null) =>
    json({ done: null, values, fieldErrors, formError }, { status });
  // A person never sees the honeypot; a bot that fills every field gets a refusal and nothing is written.
  if (formText(form, HONEYPOT_FIELD) !== "") return failure(400, {}, TEXT.honeypotRefused);
  const parsed = SubscribeFormSchema.safeParse(values);
  if (!parsed.success) return failure(400, fieldErrorsOf(parsed.error), null);
  if (!context.keyring) return failure(503, {}, TEXT.unavailable);
  try {
    const outcome = subscribe(context.db, context.keyring, parsed.data, { clientAddress: context.clientAddress ?? "unknown", nowMs: Date.now() });
    if (!outcome.ok) return failure(429, {}, TEXT.rateLimited(Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000))));
    if (outcome.kind === "email") return json({ done: "email" as const, email: outcome.email });
    const manageUrl = `${new URL(request.url).origin}/subscribe/manage/${outcome.token}`;
    return json({ done: "webhook" as const, secret: outcome.secret, manageUrl });
  } catch (error) {
    if (!(error instanceof SubscriptionError)) throw error;
    return failure(400, error.field ? { [error.field]: error.message } : {}, error.field ? null : error.message);
  }
}

export default function SubscribePage() {
  const { providerChoices, locale, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const formRef = useFocusOnFailure(result && "fieldErrors" in result ? result : null);

  if (result?.done === "email") {
    return (
      <section className="subscribe-done" aria-labelledby="done-title">
        <h1 id="done-title">{TEXT.checkInbox}</h1>
        <p role="status">{TEXT.emailSent(result.email)}</p>
        <p className="muted">{TEXT.emailSentNote}</p>
      </section>
    );
  }
  if (result?.done === "webhook") {
    return (
      <section className="subscribe-done" aria-labelledby="done-title">
        <h1 id="done-title">{TEXT.webhookReady}</h1>
        <p>
          <strong>{TEXT.secretLabel}</strong>
        </p>
        <code className="secret" data-testid="webhook-secret">
          {result.secret}
        </code>
        <p>{TEXT.secretOnce}</p>
        <p>{TEXT.signatureHowTo}</p>
        <p>{TEXT.duplicatesHowTo}</p>
        <p>{TEXT.manageLink}</p>
        <p>
          <a href={result.manageUrl} data-testid="manage-link">
            {result.manageUrl}
          </a>
        </p>
      </section>
    );
  }

  const values: FormValues = result?.values ?? { kind: "email", email: "", url: "", locale, scope: "all", providerIds: [] };
  const e: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const field = fieldProps(null, e, FIELD_ORDER);
  const firstError = FIELD_ORDER.find((f) => e[f]);
  return (
    <>
      <h1>{TEXT.title}</h1>
      <p className="lead">{TEXT.intro}</p>
      <SuccessNotice message={notice} />
      <FormError message={result?.formError} />
      <Form method="post" className="stack-form subscribe-form" noValidate ref={formRef} key={JSON.stringify(result ?? null)}>
        <fieldset>
          <legend>{TEXT.kindLegend}</legend>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="email"
              defaultChecked={values.kind !== "webhook"}
              aria-invalid={e.kind ? true : undefined}
              aria-describedby={e.kind ? "kind-error" : undefined}
              autoFocus={firstError === "kind" || undefined}
            />
            {TEXT.kindEmail}
          </label>
          <label className="choice">
            <input type="radio" name="kind" value="webhook" defaultChecked={values.kind === "webhook"} />
            {TEXT.kindWebhook}
          </label>
          <FieldError id="kind-error" message={e.kind} />
        </fieldset>

        <label htmlFor="email">{TEXT.emailLabel}</label>
        <p id="email-hint" className="hint">
          {TEXT.emailHint}
        </p>
        <input {...field("email", "email-hint")} type="email" autoComplete="email" maxLength={EMAIL_MAX_CHARS} defaultValue={values.email} />
        <FieldError id="email-error" message={e.email} />

        <label htmlFor="url">{TEXT.urlLabel}</label>
        <p id="url-hint" className="hint">
          {TEXT.urlHint}
        </p>
        <input {...field("url", "url-hint")} type="url" inputMode="url" maxLength={WEBHOOK_URL_MAX_CHARS} placeholder="https://" defaultValue={values.url} />
        <FieldError id="url-error" message={e.url} />

        <LocaleSelect field={field("locale")} value={values.locale} error={e.locale} />

        <ProviderChoices
          groups={providerChoices}
          scope={values.scope}
          providerIds={values.providerIds}
          error={e.providerIds ?? e.scope}
          focus={firstError === "scope" || firstError === "providerIds"}
        />

        <div className="honeypot" aria-hidden="true">
          <label>
            {TEXT.honeypotLabel}
            <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>

        <button type="submit" disabled={busy}>
          {busy ? TEXT.submitting : TEXT.submit}
        </button>
      </Form>
      <p className="muted">
        <Link to="/">Back to the status page</Link>
      </p>
    </>
  );
}
