import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { VerdictOrNone } from "~/components/readiness/Verdict";
import { compareSnapshots } from "~/data/readiness.server";
import { formatDateTime, formatDay } from "~/lib/format";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantViewer } from "~/merchant/session.server";
import { MAX_READINESS_SCORE } from "../../db/readiness/score";

const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NOT_FOUND = "Report not found";
// Ids that are not positive whole numbers name no report: a 404, like another merchant's.
const CompareQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction = () => [{ title: "Compare readiness reports · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  const query = new URL(request.url).searchParams;
  const ids = CompareQuery.safeParse({ from: query.get("from"), to: query.get("to") });
  const comparison = ids.success ? compareSnapshots(context.db, viewer.merchantId, ids.data.from, ids.data.to) : null;
  if (!comparison) throw new Response(NOT_FOUND, { status: 404, headers: PRIVATE_NO_STORE });
  return json({ comparison, viewQuery: viewer.viewQuery }, { headers: PRIVATE_NO_STORE });
}

export default function CompareReports() {
  const { comparison, viewQuery } = useLoaderData<typeof loader>();
  const { from, to, changed, unchangedCount } = comparison;
  const link = (path: string) => withViewQuery(path, viewQuery);
  const reports = [
    ["Earlier", from],
    ["Later", to],
  ] as const;

  return (
    <div className="readiness">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={link("/merchant/readiness")}>Readiness review</Link> › <span>Compare reports</span>
      </nav>
      <h1>Compare readiness reports</h1>
      <table className="readiness-table compare-summary">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Period</th>
            <th scope="col">Generated</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {reports.map(([label, s]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {s.periodName} <span className="muted">({formatDay(s.startsOn)} to {formatDay(s.endsOn)})</span>
              </td>
              <td>
                <Link to={link(`/merchant/readiness/reports/${s.id}`)}>{formatDateTime(s.generatedAtMs)}</Link>
              </td>
              <td>
                {s.score} / {MAX_READINESS_SCORE}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="section" aria-labelledby="changes-heading">
        <h2 id="changes-heading">
          {changed.length === 0 ? "No item changed its verdict" : `${changed.length} ${changed.length === 1 ? "item" : "items"} changed`}
        </h2>
        <p className="muted">
          {unchangedCount} {unchangedCount === 1 ? "item has" : "items have"} the same verdict in both reports.
        </p>
        {changed.length > 0 ? (
          <table className="readiness-table">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Earlier</th>
                <th scope="col">Later</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((c) => (
                <tr key={c.key}>
                  <th scope="row">
                    {c.provider ? `${c.provider.name}: ` : ""}
                    {c.title}
                  </th>
                  <td>
                    <VerdictOrNone verdict={c.from} />
                  </td>
                  <td>
                    <VerdictOrNone verdict={c.to} />
                  </td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
