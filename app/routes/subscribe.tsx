import { json, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useFieldErrorTexts } from "~/components/subscriptions/field-errors";
import { LocaleSelect } from "~/components/subscriptions/LocaleSelect";
import { ProviderChoices } from "~/components/subscriptions/ProviderChoices";
import { listProviderChoices, subscribe, SubscriptionError } from "~/data/subscriptions.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { FieldError, fieldProps, FormError, formText, SuccessNotice, useFocusOnFailure } from "~/lib/forms";
import subscriptionStyles from "~/styles/subscriptions.css";
import {
  EMAIL_MAX_CHARS,
  HONEYPOT_FIELD,
  SubscribeFormSchema,
  subscribeFieldErrors,
  UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS,
  WEBHOOK_URL_MAX_CHARS,
  type SubscribeErrorKey,
} from "../../db/subscriptions/forms";

const FIELD_ORDER = ["kind", "email", "url", "locale", "scope", "providerIds"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: subscriptionStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("subscribe.title"));
// The answer to a webhook subscription holds its secret: no cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

interface FormValues {
  kind: string;
  email: string;
  url: string;
  locale: string;
  scope: string;
  providerIds: string[];
}

/** Why the form as a whole was refused; the page says it in the reader's language. */
type Refusal = { reason: "honeypot" | "unavailable" } | { reason: "rateLimited"; minutes: number };

export async function loader({ request, context }: LoaderFunctionArgs) {
  return json({
    providerChoices: listProviderChoices(context.db),
    unsubscribed: new URL(request.url).searchParams.get("done") === "unsubscribed",
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
  const failure = (status: number, fieldErrors: Record<string, SubscribeErrorKey>, formError: Refusal | null) =>
    json({ done: null, values, fieldErrors, formError }, { status });
  // A person never sees the honeypot; a bot that fills every field gets a refusal and nothing is written.
  if (formText(form, HONEYPOT_FIELD) !== "") return failure(400, {}, { reason: "honeypot" });
  const parsed = SubscribeFormSchema.safeParse(values);
  if (!parsed.success) return failure(400, subscribeFieldErrors(parsed.error), null);
  if (!context.keyring) return failure(503, {}, { reason: "unavailable" });
  try {
    const outcome = subscribe(context.db, context.keyring, parsed.data, { clientAddress: context.clientAddress ?? "unknown", nowMs: Date.now() });
    if (!outcome.ok) return failure(429, {}, { reason: "rateLimited", minutes: Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000)) });
    if (outcome.kind === "email") return json({ done: "email" as const, email: outcome.email });
    const manageUrl = `${new URL(request.url).origin}/subscribe/manage/${outcome.token}`;
    return json({ done: "webhook" as const, secret: outcome.secret, manageUrl });
  } catch (error) {
    if (!(error instanceof SubscriptionError)) throw error;
    return failure(400, { [error.field]: error.key }, null);
  }
}

export default function SubscribePage() {
  const { providerChoices, unsubscribed } = useLoaderData<typeof loader>();
  const { t, locale, format } = useI18n();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && "fieldErrors" in result ? result : null;
  const formRef = useFocusOnFailure(failed);
  const e = useFieldErrorTexts(failed?.fieldErrors);

  if (result?.done === "email") {
    return (
      <section className="subscribe-done" aria-labelledby="done-title">
        <h1 id="done-title">{t("subscribe.emailSent.title")}</h1>
        <p role="status">{t("subscribe.emailSent.body", { email: result.email })}</p>
        <p className="muted">
          {t("subscribe.emailSent.note", { count: UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS, days: format.count(UNCONFIRMED_SUBSCRIBER_LIFETIME_DAYS) })}
        </p>
      </section>
    );
  }
  if (result?.done === "webhook") {
    return (
      <section className="subscribe-done" aria-labelledby="done-title">
        <h1 id="done-title">{t("subscribe.webhookReady.title")}</h1>
        <p>
          <strong>{t("subscribe.webhookReady.secretLabel")}</strong>
        </p>
        <code className="secret" data-testid="webhook-secret">
          {result.secret}
        </code>
        <p>{t("subscribe.webhookReady.secretOnce")}</p>
        <p>{t("subscribe.webhookReady.signature")}</p>
        <p>{t("subscribe.webhookReady.duplicates")}</p>
        <p>{t("subscribe.webhookReady.manageLink")}</p>
        <p>
          <a href={result.manageUrl} data-testid="manage-link">
            {result.manageUrl}
          </a>
        </p>
      </section>
    );
  }

  // The emails start in the language the page is read in.
  const values: FormValues = failed?.values ?? { kind: "email", email: "", url: "", locale, scope: "all", providerIds: [] };
  const refusal = failed?.formError;
  const formError = !refusal
    ? null
    : refusal.reason === "rateLimited"
      ? t("subscribe.refused.rateLimited", { count: refusal.minutes, minutes: format.count(refusal.minutes) })
      : t(`subscribe.refused.${refusal.reason}`);
  const field = fieldProps(null, e, FIELD_ORDER);
  const firstError = FIELD_ORDER.find((f) => e[f]);
  return (
    <>
      <h1>{t("subscribe.title")}</h1>
      <p className="lead">{t("subscribe.intro")}</p>
      <SuccessNotice message={unsubscribed ? t("subscribe.unsubscribed") : null} />
      <FormError message={formError} />
      <Form method="post" className="stack-form subscribe-form" noValidate ref={formRef} key={JSON.stringify(result ?? null)}>
        <fieldset>
          <legend>{t("subscribe.form.kindLegend")}</legend>
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
            {t("subscribe.form.kindEmail")}
          </label>
          <label className="choice">
            <input type="radio" name="kind" value="webhook" defaultChecked={values.kind === "webhook"} />
            {t("subscribe.form.kindWebhook")}
          </label>
          <FieldError id="kind-error" message={e.kind} />
        </fieldset>

        <label htmlFor="email">{t("subscribe.form.emailLabel")}</label>
        <p id="email-hint" className="hint">
          {t("subscribe.form.emailHint")}
        </p>
        <input {...field("email", "email-hint")} type="email" autoComplete="email" maxLength={EMAIL_MAX_CHARS} defaultValue={values.email} />
        <FieldError id="email-error" message={e.email} />

        <label htmlFor="url">{t("subscribe.form.urlLabel")}</label>
        <p id="url-hint" className="hint">
          {t("subscribe.form.urlHint")}
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
            {t("subscribe.form.honeypotLabel")}
            <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>

        <button type="submit" disabled={busy}>
          {busy ? t("subscribe.form.submitting") : t("subscribe.form.submit")}
        </button>
      </Form>
      <p className="muted">
        <Link to="/">{t("subscribe.backToStatus")}</Link>
      </p>
    </>
  );
}
