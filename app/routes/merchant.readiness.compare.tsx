import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { VerdictOrNone } from "~/components/readiness/Verdict";
import { compareSnapshots } from "~/data/readiness.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantViewer } from "~/merchant/session.server";
import { MAX_READINESS_SCORE } from "../../db/readiness/score";

const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const NOT_FOUND = "Report not found";
// Ids that are not positive whole numbers name no report: a 404, like another merchant's.
const CompareQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("readiness.compare.title"), { noindex: true });

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
  const { t, format, localize } = useI18n();
  const { from, to, changed, unchangedCount } = comparison;
  const link = (path: string) => withViewQuery(path, viewQuery);
  const reports = [
    ["earlier", from],
    ["later", to],
  ] as const;

  return (
    <div className="readiness">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={link("/merchant/readiness")}>{t("readiness.title")}</Link> › <span>{t("readiness.compare.breadcrumb")}</span>
      </nav>
      <h1>{t("readiness.compare.title")}</h1>
      <table className="readiness-table compare-summary">
        <thead>
          <tr>
            <th scope="col">{t("readiness.compare.report")}</th>
            <th scope="col">{t("readiness.period")}</th>
            <th scope="col">{t("readiness.generated")}</th>
            <th scope="col">{t("readiness.scoreColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map(([which, s]) => (
            <tr key={which}>
              <th scope="row">{t(`readiness.compare.${which}`)}</th>
              <td>
                {localize(s.periodName)} <span className="muted">({format.dayRange(s.startsOn, s.endsOn)})</span>
              </td>
              <td>
                <Link to={link(`/merchant/readiness/reports/${s.id}`)}>{format.dateTime(s.generatedAtMs)}</Link>
              </td>
              <td>{t("readiness.scoreOutOf", { score: format.count(s.score), max: format.count(MAX_READINESS_SCORE) })}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="section" aria-labelledby="changes-heading">
        <h2 id="changes-heading">
          {changed.length === 0
            ? t("readiness.compare.noneChanged")
            : t("readiness.compare.changed", { count: changed.length, n: format.count(changed.length) })}
        </h2>
        <p className="muted">{t("readiness.compare.unchanged", { count: unchangedCount, n: format.count(unchangedCount) })}</p>
        {changed.length > 0 ? (
          <table className="readiness-table">
            <thead>
              <tr>
                <th scope="col">{t("readiness.compare.check")}</th>
                <th scope="col">{t("readiness.compare.earlier")}</th>
                <th scope="col">{t("readiness.compare.later")}</th>
                <th scope="col">{t("readiness.compare.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((c) => (
                <tr key={c.key}>
                  <th scope="row">
                    {c.provider ? `${c.provider.name}: ` : ""}
                    {localize(c.title)}
                  </th>
                  <td>
                    <VerdictOrNone verdict={c.from} />
                  </td>
                  <td>
                    <VerdictOrNone verdict={c.to} />
                  </td>
                  <td>{localize(c.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
