import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LocaleSelect } from "~/components/subscriptions/LocaleSelect";
import { ProviderChoices } from "~/components/subscriptions/ProviderChoices";
import { getOwnSubscription, listProviderChoices, SubscriptionError, updateOwnSubscription } from "~/data/subscriptions.server";
import { fieldErrorsOf, fieldProps, FormError, formText, SuccessNotice, useFocusOnFailure } from "~/lib/forms";
import subscriptionStyles from "~/styles/subscriptions.css";
import { ManageFormSchema } from "../../db/subscriptions/forms";

const TEXT = {
  title: "Your subscription",
  notFound: "This link does not belong to a subscription. It may have been used to unsubscribe.",
  kind: "Delivered",
  kindEmail: "By email to",
  kindWebhook: "By webhook to",
  state: "State",
  active: "Active: you hear about every new incident, update and maintenance of your providers.",
  unconfirmed: "Waiting for you to open the confirmation link we emailed.",
  disabled: (reason: string) => `Stopped: ${reason} Subscribe again, or ask ShopIQ support to restart it.`,
  save: "Save changes",
  saving: "Saving…",
  confirmed: "Your subscription is confirmed. Updates about your providers will arrive as they are posted.",
  saved: "Your changes are saved.",
  unsubscribeTitle: "Unsubscribe",
  unsubscribeBody: "Stop all updates and forget this address.",
  unsubscribe: "Unsubscribe",
  subscribe: "Subscribe another address",
} as const;

const DONE_MESSAGES: Record<string, string> = { confirmed: TEXT.confirmed, saved: TEXT.saved };
const FIELD_ORDER = ["locale", "scope", "providerIds"] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: subscriptionStyles }];
export const meta: MetaFunction = () => [{ title: `${TEXT.title} · ShopIQ Integration Status` }, { name: "robots", content: "noindex" }];
// The address in the page is only for whoever holds the link.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

interface FormValues {
  locale: string;
  scope: string;
  providerIds: string[];
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const subscription = getOwnSubscription(context.db, params.token ?? "");
  if (!subscription) throw new Response(TEXT.notFound, { status: 404 });
  const done = new URL(request.url).searchParams.get("done");
  return json({
    token: params.token ?? "",
    subscription,
    providerChoices: listProviderChoices(context.db),
    notice: done ? (DONE_MESSAGES[done] ?? null) : null,
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
  const failure = (fieldErrors: Record<string, string>, formError: string | null) => json({ values, fieldErrors, formError }, { status: 400 });
  const parsed = ManageFormSchema.safeParse(values);
  if (!parsed.success) return failure(fieldErrorsOf(parsed.error), null);
  try {
    if (!updateOwnSubscription(context.db, token, parsed.data, Date.now())) throw new Response(TEXT.notFound, { status: 404 });
  } catch (error) {
    if (!(error instanceof SubscriptionError)) throw error;
    return failure(error.field ? { [error.field]: error.message } : {}, error.field ? null : error.message);
  }
  return redirect(`/subscribe/manage/${encodeURIComponent(token)}?done=saved`);
}

export default function ManageSubscription() {
  const { token, subscription, providerChoices, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const formRef = useFocusOnFailure(result);
  const values: FormValues = result?.values ?? {
    locale: subscription.locale,
    scope: subscription.providerIds.length === 0 ? "all" : "chosen",
    providerIds: subscription.providerIds.map(String),
  };
  const e: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const field = fieldProps(null, e, FIELD_ORDER);
  const firstError = FIELD_ORDER.find((f) => e[f]);
  return (
    <>
      <h1>{TEXT.title}</h1>
      <SuccessNotice message={result ? null : notice} />
      <FormError message={result?.formError} />
      <dl className="facts facts--wide">
        <div>
          <dt>{TEXT.kind}</dt>
          <dd>
            {subscription.kind === "email" ? TEXT.kindEmail : TEXT.kindWebhook} <strong>{subscription.address}</strong>
          </dd>
        </div>
        <div>
          <dt>{TEXT.state}</dt>
          <dd>{subscription.disabledReason ? TEXT.disabled(subscription.disabledReason) : subscription.confirmed ? TEXT.active : TEXT.unconfirmed}</dd>
        </div>
      </dl>

      <Form method="post" className="stack-form subscribe-form" noValidate ref={formRef} key={JSON.stringify(result ?? null)}>
        {subscription.kind === "email" ? (
          <>
            <LocaleSelect field={field("locale")} value={values.locale} error={e.locale} />
          </>
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
          {busy ? TEXT.saving : TEXT.save}
        </button>
      </Form>

      <Form method="post" action={`/subscribe/unsubscribe/${encodeURIComponent(token)}`} className="unsubscribe-zone" aria-labelledby="unsubscribe-title">
        <h2 id="unsubscribe-title">{TEXT.unsubscribeTitle}</h2>
        <p className="muted">{TEXT.unsubscribeBody}</p>
        <button type="submit" className="danger" disabled={busy}>
          {TEXT.unsubscribe}
        </button>
      </Form>
      <p className="muted">
        <Link to="/subscribe">{TEXT.subscribe}</Link>
      </p>
    </>
  );
}
