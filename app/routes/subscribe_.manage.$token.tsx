import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Trans } from "react-i18next";
import { useFieldErrorTexts } from "~/components/subscriptions/field-errors";
import { LocaleSelect } from "~/components/subscriptions/LocaleSelect";
import { ProviderChoices } from "~/components/subscriptions/ProviderChoices";
import { getOwnSubscription, listProviderChoices, SubscriptionError, updateOwnSubscription } from "~/data/subscriptions.server";
import { translatorFor } from "~/i18n/negotiate.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { fieldProps, formText, SuccessNotice, useFocusOnFailure } from "~/lib/forms";
import subscriptionStyles from "~/styles/subscriptions.css";
import { ManageFormSchema, subscribeFieldErrors, type SubscribeErrorKey } from "../../db/subscriptions/forms";

/** What the page confirms after the link's own redirects (`?done=`). */
const DONE = ["confirmed", "saved"] as const;
const isDone = (value: string | null): value is (typeof DONE)[number] => DONE.some((d) => d === value);
const FIELD_ORDER = ["locale", "scope", "providerIds"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: subscriptionStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("subscribe.manage.title"), { noindex: true });
// The address in the page is only for whoever holds the link.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

interface FormValues {
  locale: string;
  scope: string;
  providerIds: string[];
}

const notFound = (request: Request) => new Response(translatorFor(request).t("subscribe.manage.notFound"), { status: 404 });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const subscription = getOwnSubscription(context.db, params.token ?? "");
  if (!subscription) throw notFound(request);
  const done = new URL(request.url).searchParams.get("done");
  return json({
    token: params.token ?? "",
    subscription,
    providerChoices: listProviderChoices(context.db),
    done: isDone(done) ? done : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await request.formData();
  const values: FormValues = {
    locale: formText(form, "locale"),
    scope: formText(form, "scope"),
    providerIds: form.getAll("providerId").filter((v): v is string => typeof v === "string"),
  };
  const failure = (fieldErrors: Record<string, SubscribeErrorKey>) => json({ values, fieldErrors }, { status: 400 });
  const parsed = ManageFormSchema.safeParse(values);
  if (!parsed.success) return failure(subscribeFieldErrors(parsed.error));
  try {
    if (!updateOwnSubscription(context.db, token, parsed.data, Date.now())) throw notFound(request);
  } catch (error) {
    if (!(error instanceof SubscriptionError)) throw error;
    return failure({ [error.field]: error.key });
  }
  return redirect(`/subscribe/manage/${encodeURIComponent(token)}?done=saved`);
}

export default function ManageSubscription() {
  const { token, subscription, providerChoices, done } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const formRef = useFocusOnFailure(result);
  const values: FormValues = result?.values ?? {
    locale: subscription.locale,
    scope: subscription.providerIds.length === 0 ? "all" : "chosen",
    providerIds: subscription.providerIds.map(String),
  };
  const e = useFieldErrorTexts(result?.fieldErrors);
  const field = fieldProps(null, e, FIELD_ORDER);
  const firstError = FIELD_ORDER.find((f) => e[f]);
  const address = { address: subscription.address };
  return (
    <>
      <h1>{t("subscribe.manage.title")}</h1>
      <SuccessNotice message={result || !done ? null : t(`subscribe.manage.done.${done}`)} />
      <dl className="facts facts--wide">
        <div>
          <dt>{t("subscribe.manage.kind")}</dt>
          <dd>
            {subscription.kind === "email" ? (
              <Trans i18nKey="subscribe.manage.kindEmail" values={address} components={{ strong: <strong /> }} />
            ) : (
              <Trans i18nKey="subscribe.manage.kindWebhook" values={address} components={{ strong: <strong /> }} />
            )}
          </dd>
        </div>
        <div>
          <dt>{t("subscribe.manage.state")}</dt>
          <dd>
            {subscription.disabledReason ? (
              // Why it stopped is recorded in English, for ops; shown as recorded.
              <Trans i18nKey="subscribe.manage.disabled" values={{ reason: subscription.disabledReason }} components={{ reason: <span lang="en" /> }} />
            ) : subscription.confirmed ? (
              t("subscribe.manage.active")
            ) : (
              t("subscribe.manage.unconfirmed")
            )}
          </dd>
        </div>
      </dl>

      <Form method="post" className="stack-form subscribe-form" noValidate ref={formRef} key={JSON.stringify(result ?? null)}>
        {subscription.kind === "email" ? (
          <LocaleSelect field={field("locale")} value={values.locale} error={e.locale} />
        ) : (
          <input type="hidden" name="locale" value={values.locale} />
        )}
        <ProviderChoices
          groups={providerChoices}
          scope={values.scope}
          providerIds={values.providerIds}
          error={e.providerIds ?? e.scope}
          focus={firstError === "scope" || firstError === "providerIds"}
        />
        <button type="submit" disabled={busy}>
          {busy ? t("subscribe.manage.saving") : t("subscribe.manage.save")}
        </button>
      </Form>

      <Form method="post" action={`/subscribe/unsubscribe/${encodeURIComponent(token)}`} className="unsubscribe-zone" aria-labelledby="unsubscribe-title">
        <h2 id="unsubscribe-title">{t("subscribe.unsubscribe.title")}</h2>
        <p className="muted">{t("subscribe.manage.unsubscribeBody")}</p>
        <button type="submit" className="danger" disabled={busy}>
          {t("subscribe.unsubscribe.button")}
        </button>
      </Form>
      <p className="muted">
        <Link to="/subscribe">{t("subscribe.manage.subscribeAnother")}</Link>
      </p>
    </>
  );
}
