import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listDirectoryMerchants, MERCHANT_DIRECTORY_LIMIT } from "~/data/ops.server";
import adminStyles from "~/styles/ops-admin.css";

const SEARCH_MAX_CHARS = 100;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

export const meta: MetaFunction = () => [{ title: "Merchants · Ops console · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const search = (new URL(request.url).searchParams.get("q") ?? "").slice(0, SEARCH_MAX_CHARS);
  return json({ search, ...listDirectoryMerchants(context.db, search) });
}

export default function OpsMerchants() {
  const { search, merchants, total } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Merchants</h1>
      <p className="muted">Open a merchant&apos;s connections and readiness review as they see them. You can read their pages but not change them.</p>
      <Form method="get" className="inline-form" role="search">
        <label>
          Store name or platform id
          <input type="search" name="q" defaultValue={search} maxLength={SEARCH_MAX_CHARS} />
        </label>
        <button type="submit">Search</button>
      </Form>
      <p>
        {total === 0
          ? "No merchants match."
          : total > merchants.length
            ? `Showing the first ${MERCHANT_DIRECTORY_LIMIT} of ${total} merchants, failing connections first. Search to narrow.`
            : `${total} ${total === 1 ? "merchant" : "merchants"}, failing connections first.`}
      </p>
      {merchants.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Platform id</th>
              <th scope="col">Connections</th>
              <th scope="col">Failing now</th>
            </tr>
          </thead>
          <tbody>
            {merchants.map((m) => (
              <tr key={m.id}>
                <td>
                  <a href={`/merchant?merchant=${m.id}`}>{m.name}</a>
                </td>
                <td>{m.externalId}</td>
                <td>{m.connections}</td>
                <td>{m.failing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
