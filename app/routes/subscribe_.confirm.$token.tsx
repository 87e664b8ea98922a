import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { confirmSubscription } from "~/data/subscriptions.server";

const TEXT = {
  title: "This link does not work",
  body: "It may have been used to unsubscribe, or it was not confirmed in time and has expired. You can subscribe again.",
  subscribe: "Subscribe to updates",
} as const;

export const meta: MetaFunction = () => [{ title: `${TEXT.title} · ShopIQ Integration Status` }, { name: "robots", content: "noindex" }];

/** Opening the emailed link is the confirmation; opening it again changes nothing. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  if (confirmSubscription(context.db, token, Date.now())) {
    return redirect(`/subscribe/manage/${encodeURIComponent(token)}?done=confirmed`, { headers: { "Cache-Control": "no-store" } });
  }
  return json(null, { status: 404 });
}

export default function ConfirmFailed() {
  return (
    <section className="error-page">
      <h1>{TEXT.title}</h1>
      <p>{TEXT.body}</p>
      <p>
        <Link to="/subscribe">{TEXT.subscribe}</Link>
      </p>
    </section>
  );
}
