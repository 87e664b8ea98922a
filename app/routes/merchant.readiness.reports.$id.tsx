import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MouseEvent } from "react";
import { ScoreExplanation } from "~/components/readiness/ScoreExplanation";
import { VerdictLabel } from "~/components/readiness/Verdict";
import { getSnapshot } from "~/data/readiness.server";
import { Localized, pageMeta, useI18n, type PageI18n } from "~/i18n/page-i18n";
import { idParam } from "~/lib/params";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantViewer } from "~/merchant/session.server";
import { itemKey, MAX_READINESS_SCORE } from "../../db/readiness/score";
import type { ReadinessItemRecord } from "../../db/schema/types";

const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NOT_FOUND = "Report not found";

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t, localize) => (data ? t("readiness.report.metaTitle", { period: localize(data.snapshot.periodName) }) : t("readiness.report.breadcrumb")), {
    noindex: true,
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  // Another merchant's report answers exactly as one that does not exist.
  const snapshot = getSnapshot(context.db, viewer.merchantId, idParam(params, NOT_FOUND));
  if (!snapshot) throw new Response(NOT_FOUND, { status: 404, headers: PRIVATE_NO_STORE });
  const printView = new URL(request.url).searchParams.has("print");
  return json({ snapshot, viewQuery: viewer.viewQuery, printView }, { headers: PRIVATE_NO_STORE });
}

const titleOf = ({ localize }: PageI18n, item: ReadinessItemRecord) =>
  item.provider ? `${item.provider.name}: ${localize(item.title)}` : localize(item.title);

/** With JavaScript the link prints at once; without it, it opens the print view, which says how to print. */
function printNow(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  window.print();
}

export default function ReadinessReport() {
  const { snapshot, viewQuery, printView } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t, format, localize } = i18n;
  const link = (path: string) => withViewQuery(path, viewQuery);
  const self = `/merchant/readiness/reports/${snapshot.id}`;
  // Saved in severity order: the passes are the tail.
  const concerns = snapshot.items.filter((i) => i.verdict !== "pass");
  const passes = snapshot.items.filter((i) => i.verdict === "pass");

  return (
    <article className={`readiness-report${printView ? " readiness-report--print-view" : ""}`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={link("/merchant/readiness")}>{t("readiness.title")}</Link> › <span>{t("readiness.report.breadcrumb")}</span>
      </nav>
      {printView ? (
        <p className="print-hint" role="status">
          {t("readiness.report.printHint")} <Link to={link(self)}>{t("readiness.report.backToReport")}</Link>
        </p>
      ) : null}
      <header className="readiness-report__header">
        <h1>{t("readiness.report.title", { period: localize(snapshot.periodName) })}</h1>
        <dl className="facts">
          <div>
            <dt>{t("readiness.period")}</dt>
            <dd>{format.dayRange(snapshot.startsOn, snapshot.endsOn)}</dd>
          </div>
          <div>
            <dt>{t("readiness.report.expectedOrders")}</dt>
            <dd>{t("readiness.report.ordersADay", { count: snapshot.expectedOrdersPerDay, orders: format.count(snapshot.expectedOrdersPerDay) })}</dd>
          </div>
          <div>
            <dt>{t("readiness.generated")}</dt>
            <dd>{format.dateTime(snapshot.generatedAtMs)}</dd>
          </div>
        </dl>
        <p className="report-tools">
          <a href={link(`${self}?print`)} className="button button--secondary" onClick={printNow}>
            {t("readiness.report.print")}
          </a>{" "}
          <a href={link(`${self}.csv`)} className="button button--secondary" download>
            {t("readiness.report.downloadCsv")}
          </a>
        </p>
      </header>

      <section className="score-card" aria-labelledby="score-heading">
        <h2 id="score-heading">
          {t("readiness.report.scoreHeading")} <span className="score-card__value">{format.count(snapshot.score)}</span> /{" "}
          {format.count(MAX_READINESS_SCORE)}
        </h2>
        <ScoreExplanation items={snapshot.items} />
      </section>

      <section className="section" aria-labelledby="attention-heading">
        <h2 id="attention-heading">
          {concerns.length === 0 ? t("readiness.report.nothingNeedsAttention") : t("readiness.report.needsAttention", { n: format.count(concerns.length) })}
        </h2>
        {concerns.length > 0 ? (
          <ol className="readiness-items">
            {concerns.map((item) => (
              <li key={itemKey(item)} className={`readiness-item readiness-item--${item.verdict}`}>
                <div className="readiness-item__head">
                  <VerdictLabel verdict={item.verdict} />
                  <h3 className="readiness-item__title">{titleOf(i18n, item)}</h3>
                  <span className="readiness-item__category">{t(`readiness.category.${item.category}`)}</span>
                </div>
                <p className="readiness-item__reason">{localize(item.reason)}</p>
                {item.action ? (
                  <p className="readiness-item__action">
                    <strong>{t("readiness.report.whatToDo")}</strong> <Localized text={item.action} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {passes.length > 0 ? (
        <section className="section" aria-labelledby="passed-heading">
          <h2 id="passed-heading">{t("readiness.report.passed", { n: format.count(passes.length) })}</h2>
          <ul className="readiness-passes">
            {passes.map((item) => (
              <li key={itemKey(item)}>
                <VerdictLabel verdict={item.verdict} /> <strong>{titleOf(i18n, item)}</strong>
                <span className="readiness-passes__reason"> {localize(item.reason)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted readiness-note">{t("readiness.report.note")}</p>
    </article>
  );
}
