import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOwnSubscription, unsubscribe } from "~/data/subscriptions.server";
import { translatorFor } from "~/i18n/negotiate.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";

// The unsubscribe link of every email. Opening it asks first (mail scanners open links,
// and must not unsubscribe anyone); the button, or a mail client's one-click unsubscribe
// (RFC 8058, a POST from the mail provider), does it.

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("subscribe.unsubscribe.title"), { noindex: true });
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const subscription = getOwnSubscription(context.db, params.token ?? "");
  if (!subscription) throw new Response(translatorFor(request).t("subscribe.unsubscribe.notFound"), { status: 404 });
  return json({ token: params.token ?? "", address: subscription.address });
}

/** Unsubscribing twice is unsubscribed all the same, so a link already used answers as the first time did. */
export async function action({ params, context }: ActionFunctionArgs) {
  unsubscribe(context.db, params.token ?? "");
  return redirect("/subscribe?done=unsubscribed");
}

export default function Unsubscribe() {
  const { token, address } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t("subscribe.unsubscribe.title")}</h1>
      <p>{t("subscribe.unsubscribe.question", { address })}</p>
      <p className="muted">{t("subscribe.unsubscribe.note")}</p>
      <Form method="post">
        <button type="submit" className="danger">
          {t("subscribe.unsubscribe.button")}
        </button>
      </Form>
      <p>
        <Link to={`/subscribe/manage/${encodeURIComponent(token)}`}>{t("subscribe.unsubscribe.keep")}</Link>
      </p>
    </section>
  );
}
