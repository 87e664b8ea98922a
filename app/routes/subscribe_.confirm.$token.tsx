import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { confirmSubscription } from "~/data/subscriptions.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("subscribe.confirmFailed.title"), { noindex: true });

/** Opening the emailed link is the confirmation; opening it again changes nothing. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  if (confirmSubscription(context.db, token, Date.now())) {
    return redirect(`/subscribe/manage/${encodeURIComponent(token)}?done=confirmed`, { headers: { "Cache-Control": "no-store" } });
  }
  return json(null, { status: 404 });
}

export default function ConfirmFailed() {
  const { t } = useI18n();
  return (
    <section className="error-page">
      <h1>{t("subscribe.confirmFailed.title")}</h1>
      <p>{t("subscribe.confirmFailed.body")}</p>
      <p>
        <Link to="/subscribe">{t("subscribe.title")}</Link>
      </p>
    </section>
  );
}
