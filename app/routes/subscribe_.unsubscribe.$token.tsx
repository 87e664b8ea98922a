import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOwnSubscription, unsubscribe } from "~/data/subscriptions.server";

// The unsubscribe link of every email. Opening it asks first (mail scanners open links,
// and must not unsubscribe anyone); the button, or a mail client's one-click unsubscribe
// (RFC 8058, a POST from the mail provider), does it.

const TEXT = {
  title: "Unsubscribe",
  question: (address: string) => `Stop all updates to ${address}?`,
  note: "We forget the address and its delivery history. You can subscribe again at any time.",
  confirm: "Unsubscribe",
  keep: "Keep my subscription and change its providers instead",
  notFound: "This link does not belong to a subscription: it may already be unsubscribed.",
} as const;

export const meta: MetaFunction = () => [{ title: `${TEXT.title} · ShopIQ Integration Status` }, { name: "robots", content: "noindex" }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const subscription = getOwnSubscription(context.db, params.token ?? "");
  if (!subscription) throw new Response(TEXT.notFound, { status: 404 });
  return json({ token: params.token ?? "", address: subscription.address });
}

/** Unsubscribing twice is unsubscribed all the same, so a link already used answers as the first time did. */
export async function action({ params, context }: ActionFunctionArgs) {
  unsubscribe(context.db, params.token ?? "");
  return redirect("/subscribe?done=unsubscribed");
}

export default function Unsubscribe() {
  const { token, address } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{TEXT.title}</h1>
      <p>{TEXT.question(address)}</p>
      <p className="muted">{TEXT.note}</p>
      <Form method="post">
        <button type="submit" className="danger">
          {TEXT.confirm}
        </button>
      </Form>
      <p>
        <Link to={`/subscribe/manage/${encodeURIComponent(token)}`}>{TEXT.keep}</Link>
      </p>
    </section>
  );
}
