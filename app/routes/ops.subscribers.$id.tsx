import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { DELIVERY_LOG_LIMIT, deleteSubscriber, enableSubscriber, getConsoleSubscriber, SubscriberConsoleError } from "~/data/ops.server";
import { formatDateTime } from "~/lib/format";
import { FormError, formText, SuccessNotice } from "~/lib/forms";
import { idParam } from "~/lib/params";
import adminStyles from "~/styles/ops-admin.css";
import type { DeliveryState, NotificationEventKind } from "../../db/schema/enums";

const INTENTS = ["enable", "delete"] as const;

const TEXT = {
  notFound: "Subscriber not found",
  breadcrumb: "Subscribers",
  kinds: { email: "Email", webhook: "Webhook" },
  states: { unconfirmed: "Awaiting confirmation", active: "Active", disabled: "Disabled" },
  facts: { kind: "By", language: "Language", providers: "Providers", since: "Subscribed", state: "State" },
  allProviders: "All providers",
  disabledBecause: (reason: string | null) => `Disabled: ${reason ?? "no reason recorded."}`,
  enableTitle: "Deliver again",
  enableBody: "Deliveries start again with the next event; those dropped while it was disabled are not resent.",
  enable: "Re-enable",
  enabled: "The subscriber is enabled again.",
  deleteTitle: "Delete",
  deleteBody: "Removes the subscriber and its delivery log. They can subscribe again.",
  delete: "Delete subscriber",
  badIntent: "Re-enable or delete the subscriber.",
  logTitle: "Delivery log",
  logNote: (limit: number) => `Newest first, the latest ${limit}. Failed deliveries are retried with growing pauses; after the last retry they are given up.`,
  logEmpty: "Nothing has been sent to this subscriber yet.",
  columns: { event: "Event", created: "Queued", state: "State", attempts: "Attempts", status: "Last answer", error: "Last error", when: "Delivered or next" },
  eventKinds: {
    "incident.created": "Incident opened",
    "incident.updated": "Incident update",
    "incident.resolved": "Incident resolved",
    "maintenance.scheduled": "Maintenance scheduled",
    "maintenance.started": "Maintenance started",
    "maintenance.completed": "Maintenance completed",
    "subscription.confirm": "Confirmation email",
  } satisfies Record<NotificationEventKind, string>,
  deliveryStates: {
    pending: "Waiting",
    sending: "Sending",
    delivered: "Delivered",
    failed: "Failed, will retry",
    dead: "Gave up",
    cancelled: "Dropped",
  } satisfies Record<DeliveryState, string>,
  none: "—",
} as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.detail.subscriber.address ?? "Subscriber"} · Ops console · ShopIQ Integration Status` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const detail = getConsoleSubscriber(context.db, idParam(params, TEXT.notFound));
  if (!detail) throw new Response(TEXT.notFound, { status: 404 });
  return json({ detail, notice: new URL(request.url).searchParams.get("done") === "enabled" ? TEXT.enabled : null });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = idParam(params, TEXT.notFound);
  const intent = z.enum(INTENTS).safeParse(formText(await request.formData(), "intent"));
  if (!intent.success) return json({ formError: TEXT.badIntent }, { status: 400 });
  try {
    if (intent.data === "enable") {
      enableSubscriber(context.db, actorOf(user), id, new Date());
      return redirect(`/ops/subscribers/${id}?done=enabled`);
    }
    deleteSubscriber(context.db, actorOf(user), id, new Date());
    return redirect("/ops/subscribers");
  } catch (error) {
    if (!(error instanceof SubscriberConsoleError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return json({ formError: error.message }, { status: error.status });
  }
}

export default function OpsSubscriber() {
  const { detail, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { subscriber: s, log } = detail;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/subscribers">{TEXT.breadcrumb}</Link> › <span>{s.address}</span>
      </nav>
      <h1>{s.address}</h1>
      <SuccessNotice message={notice} />
      <FormError message={result?.formError} />
      <dl className="facts facts--wide">
        <div>
          <dt>{TEXT.facts.kind}</dt>
          <dd>{TEXT.kinds[s.kind]}</dd>
        </div>
        <div>
          <dt>{TEXT.facts.state}</dt>
          <dd>{s.state === "disabled" ? TEXT.disabledBecause(s.disabledReason) : TEXT.states[s.state]}</dd>
        </div>
        <div>
          <dt>{TEXT.facts.language}</dt>
          <dd>{s.locale}</dd>
        </div>
        <div>
          <dt>{TEXT.facts.providers}</dt>
          <dd>{s.providers.length === 0 ? TEXT.allProviders : s.providers.join(", ")}</dd>
        </div>
        <div>
          <dt>{TEXT.facts.since}</dt>
          <dd>{formatDateTime(s.createdAtMs)}</dd>
        </div>
      </dl>

      {s.state === "disabled" ? (
        <Form method="post" className="section" aria-labelledby="enable-title">
          <h2 id="enable-title">{TEXT.enableTitle}</h2>
          <p className="muted">{TEXT.enableBody}</p>
          <input type="hidden" name="intent" value="enable" />
          <button type="submit" disabled={busy}>
            {TEXT.enable}
          </button>
        </Form>
      ) : null}

      <section className="section" aria-labelledby="log-title">
        <h2 id="log-title">{TEXT.logTitle}</h2>
        <p className="muted">{TEXT.logNote(DELIVERY_LOG_LIMIT)}</p>
        {log.length === 0 ? (
          <p>{TEXT.logEmpty}</p>
        ) : (
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{TEXT.columns.event}</th>
                <th scope="col">{TEXT.columns.created}</th>
                <th scope="col">{TEXT.columns.state}</th>
                <th scope="col">{TEXT.columns.attempts}</th>
                <th scope="col">{TEXT.columns.status}</th>
                <th scope="col">{TEXT.columns.error}</th>
                <th scope="col">{TEXT.columns.when}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((d) => (
                <tr key={d.id} data-delivery-state={d.state}>
                  <td>
                    {TEXT.eventKinds[d.kind]}
                    {d.title ? (
                      <>
                        <br />
                        <span className="muted">{d.title}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="audit-table__when">{formatDateTime(d.createdAtMs)}</td>
                  <td>{TEXT.deliveryStates[d.state]}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatus ?? TEXT.none}</td>
                  <td>{d.lastError ?? TEXT.none}</td>
                  <td className="audit-table__when">
                    {d.deliveredAtMs !== null
                      ? formatDateTime(d.deliveredAtMs)
                      : d.state === "pending" || d.state === "failed"
                        ? formatDateTime(d.nextAttemptAtMs)
                        : TEXT.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Form method="post" className="section" aria-labelledby="delete-title">
        <h2 id="delete-title">{TEXT.deleteTitle}</h2>
        <p className="muted">{TEXT.deleteBody}</p>
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="danger" disabled={busy}>
          {TEXT.delete}
        </button>
      </Form>
    </>
  );
}
