import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MouseEvent } from "react";
import { formatIndianCount } from "~/components/readiness/numbers";
import { ScoreExplanation } from "~/components/readiness/ScoreExplanation";
import { VerdictLabel } from "~/components/readiness/Verdict";
import { getSnapshot } from "~/data/readiness.server";
import { formatDateTime, formatDay } from "~/lib/format";
import { idParam } from "~/lib/params";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantViewer } from "~/merchant/session.server";
import { itemKey, MAX_READINESS_SCORE } from "../../db/readiness/score";
import type { CategorySlug } from "../../db/schema/enums";
import type { ReadinessItemRecord } from "../../db/schema/types";

const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NOT_FOUND = "Report not found";
const CATEGORY_WORDS: Record<CategorySlug, string> = {
  payments: "Payments",
  logistics: "Logistics",
  messaging: "WhatsApp and messaging",
  analytics: "Analytics",
  advertising: "Advertising",
  marketplaces: "Marketplaces",
};

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Readiness: ${data.snapshot.periodName}` : "Readiness report"} · ShopIQ Integration Status` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  // Another merchant's report answers exactly as one that does not exist.
  const snapshot = getSnapshot(context.db, viewer.merchantId, idParam(params, NOT_FOUND));
  if (!snapshot) throw new Response(NOT_FOUND, { status: 404, headers: PRIVATE_NO_STORE });
  const printView = new URL(request.url).searchParams.has("print");
  return json({ snapshot, viewQuery: viewer.viewQuery, printView }, { headers: PRIVATE_NO_STORE });
}

const titleOf = (item: ReadinessItemRecord) => (item.provider ? `${item.provider.name}: ${item.title}` : item.title);

/** With JavaScript the link prints at once; without it, it opens the print view, which says how to print. */
function printNow(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  window.print();
}

export default function ReadinessReport() {
  const { snapshot, viewQuery, printView } = useLoaderData<typeof loader>();
  const link = (path: string) => withViewQuery(path, viewQuery);
  const self = `/merchant/readiness/reports/${snapshot.id}`;
  // Saved in severity order: the passes are the tail.
  const concerns = snapshot.items.filter((i) => i.verdict !== "pass");
  const passes = snapshot.items.filter((i) => i.verdict === "pass");

  return (
    <article className={`readiness-report${printView ? " readiness-report--print-view" : ""}`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={link("/merchant/readiness")}>Readiness review</Link> › <span>Report</span>
      </nav>
      {printView ? (
        <p className="print-hint" role="status">
          This is the print view. Press Ctrl+P (⌘P on a Mac) to print it or save it as a PDF. <Link to={link(self)}>Back to the report</Link>
        </p>
      ) : null}
      <header className="readiness-report__header">
        <h1>Readiness report: {snapshot.periodName}</h1>
        <dl className="facts">
          <div>
            <dt>Period</dt>
            <dd>
              {formatDay(snapshot.startsOn)} to {formatDay(snapshot.endsOn)}
            </dd>
          </div>
          <div>
            <dt>Expected orders</dt>
            <dd>{formatIndianCount(snapshot.expectedOrdersPerDay)} a day</dd>
          </div>
          <div>
            <dt>Generated</dt>
            <dd>{formatDateTime(snapshot.generatedAtMs)}</dd>
          </div>
        </dl>
        <p className="report-tools">
          <a href={link(`${self}?print`)} className="button button--secondary" onClick={printNow}>
            Print
          </a>{" "}
          <a href={link(`${self}.csv`)} className="button button--secondary" download>
            Download CSV
          </a>
        </p>
      </header>

      <section className="score-card" aria-labelledby="score-heading">
        <h2 id="score-heading">
          Readiness score: <span className="score-card__value">{snapshot.score}</span> / {MAX_READINESS_SCORE}
        </h2>
        <ScoreExplanation items={snapshot.items} />
      </section>

      <section className="section" aria-labelledby="attention-heading">
        <h2 id="attention-heading">{concerns.length === 0 ? "Nothing needs attention" : `Needs attention (${concerns.length}), most serious first`}</h2>
        {concerns.length > 0 ? (
          <ol className="readiness-items">
            {concerns.map((item) => (
              <li key={itemKey(item)} className={`readiness-item readiness-item--${item.verdict}`}>
                <div className="readiness-item__head">
                  <VerdictLabel verdict={item.verdict} />
                  <h3 className="readiness-item__title">{titleOf(item)}</h3>
                  <span className="readiness-item__category">{CATEGORY_WORDS[item.category]}</span>
                </div>
                <p className="readiness-item__reason">{item.reason}</p>
                {item.action ? (
                  <p className="readiness-item__action">
                    <strong>What to do:</strong> {item.action}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {passes.length > 0 ? (
        <section className="section" aria-labelledby="passed-heading">
          <h2 id="passed-heading">Passed ({passes.length})</h2>
          <ul className="readiness-passes">
            {passes.map((item) => (
              <li key={itemKey(item)}>
                <VerdictLabel verdict={item.verdict} /> <strong>{titleOf(item)}</strong>
                <span className="readiness-passes__reason"> {item.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted readiness-note">
        ShopIQ checks what it can see of each provider account; it cannot guarantee a provider's uptime, limits or approvals.
      </p>
    </article>
  );
}
