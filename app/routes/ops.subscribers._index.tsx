import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listConsoleSubscribers, SUBSCRIBER_LIST_LIMIT, type ConsoleSubscriber } from "~/data/ops.server";
import { formatDateTime } from "~/lib/format";
import adminStyles from "~/styles/ops-admin.css";

const SEARCH_MAX_CHARS = 200;

const TEXT = {
  title: "Subscribers",
  intro: "People and tools that receive incident and maintenance news by email or webhook. Open one for its delivery log.",
  search: "Email address or webhook URL contains",
  searchButton: "Search",
  none: "No subscribers match.",
  count: (shown: number, total: number) =>
    total > shown ? `Showing the first ${shown} of ${total} subscribers, disabled ones first. Search to narrow.` : `${total} ${total === 1 ? "subscriber" : "subscribers"}, disabled ones first.`,
  columns: { address: "Address", kind: "By", state: "State", providers: "Providers", delivered: "Delivered", waiting: "Waiting", failed: "Gave up", last: "Last attempt" },
  allProviders: "All",
  never: "Never",
  kinds: { email: "Email", webhook: "Webhook" },
  states: { unconfirmed: "Awaiting confirmation", active: "Active", disabled: "Disabled" },
} as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: `${TEXT.title} · Ops console · ShopIQ Integration Status` }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const search = (new URL(request.url).searchParams.get("q") ?? "").slice(0, SEARCH_MAX_CHARS);
  return json({ search, ...listConsoleSubscribers(context.db, search) });
}

const waiting = (s: ConsoleSubscriber) => s.deliveries.pending + s.deliveries.sending + s.deliveries.failed;

export default function OpsSubscribers() {
  const { search, subscribers, total } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{TEXT.title}</h1>
      <p className="muted">{TEXT.intro}</p>
      <Form method="get" className="inline-form" role="search">
        <label>
          {TEXT.search}
          <input type="search" name="q" defaultValue={search} maxLength={SEARCH_MAX_CHARS} />
        </label>
        <button type="submit">{TEXT.searchButton}</button>
      </Form>
      <p>{total === 0 ? TEXT.none : TEXT.count(Math.min(total, SUBSCRIBER_LIST_LIMIT), total)}</p>
      {subscribers.length > 0 ? (
        <table className="data-table user-table">
          <thead>
            <tr>
              <th scope="col">{TEXT.columns.address}</th>
              <th scope="col">{TEXT.columns.kind}</th>
              <th scope="col">{TEXT.columns.state}</th>
              <th scope="col">{TEXT.columns.providers}</th>
              <th scope="col">{TEXT.columns.delivered}</th>
              <th scope="col">{TEXT.columns.waiting}</th>
              <th scope="col">{TEXT.columns.failed}</th>
              <th scope="col">{TEXT.columns.last}</th>
            </tr>
          </thead>
          <tbody>
            {subscribers.map((s) => (
              <tr key={s.id} className={s.state === "disabled" ? "user-table__row--disabled" : undefined}>
                <td>
                  <Link to={`/ops/subscribers/${s.id}`}>{s.address}</Link>
                </td>
                <td>{TEXT.kinds[s.kind]}</td>
                <td>{TEXT.states[s.state]}</td>
                <td>{s.providers.length === 0 ? TEXT.allProviders : s.providers.join(", ")}</td>
                <td>{s.deliveries.delivered}</td>
                <td>{waiting(s)}</td>
                <td>{s.deliveries.dead}</td>
                <td>{s.lastAttemptAtMs === null ? TEXT.never : formatDateTime(s.lastAttemptAtMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
