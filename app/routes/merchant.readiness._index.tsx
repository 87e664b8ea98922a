import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import {
  CampaignFormSchema,
  createCampaign,
  generateReport,
  getReadinessPage,
  ReadinessError,
  readinessMessage,
  ReportFormSchema,
  type CalendarEntry,
} from "~/data/readiness.server";
import { negotiateLocale } from "~/i18n/negotiate.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";
import { CampaignFields } from "~/components/readiness/CampaignFields";
import { FieldError, fieldErrorsOf, fieldProps, FormError, placeError, SuccessNotice, textFields } from "~/lib/forms";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantEditor, requireMerchantViewer } from "~/merchant/session.server";
import { MAX_READINESS_SCORE } from "../../db/readiness/score";

/** A merchant's own data: never kept by a shared cache, nor by the browser for the next person at the desk. */
const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const INTENTS = ["add-campaign", "generate"] as const;
type Intent = (typeof INTENTS)[number];
const REPORT_FIELDS = ["target", "expectedOrdersPerDay"] as const;

/** What the page confirms after a change, as `readiness.done.<name>`. */
const Done = z.enum(["campaign-added", "campaign-saved", "campaign-deleted"]);

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("readiness.title"), { noindex: true });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  const page = getReadinessPage(context.db, viewer.merchantId, Date.now());
  const done = Done.safeParse(new URL(request.url).searchParams.get("done"));
  return json(
    {
      ...page,
      readOnly: viewer.readOnly,
      viewQuery: viewer.viewQuery,
      // Ops reading this merchant's page keep the merchant when the compare form is sent.
      merchantParam: viewer.readOnly ? String(viewer.merchantId) : null,
      done: done.success ? done.data : null,
    },
    { headers: PRIVATE_NO_STORE },
  );
}

interface Failure {
  intent: Intent | null;
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError: string | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMerchantEditor(request, context);
  const locale = negotiateLocale(request);
  const say = (key: string) => readinessMessage(locale, key);
  const values = textFields(await request.formData());
  const failure = (failed: Omit<Failure, "values">) => json<Failure>({ ...failed, values }, { status: 400 });
  // The schemas' messages are keys; the reader gets them in their language.
  const fieldErrors = (error: z.ZodError) => Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([field, key]) => [field, say(key)]));
  const intent = z.enum(INTENTS).safeParse(values.intent);
  if (!intent.success) return failure({ intent: null, fieldErrors: {}, formError: say("intentMissing") });

  if (intent.data === "add-campaign") {
    const parsed = CampaignFormSchema.safeParse(values);
    if (!parsed.success) return failure({ intent: intent.data, fieldErrors: fieldErrors(parsed.error), formError: null });
    createCampaign(context.db, viewer.merchantId, parsed.data);
    return redirect("/merchant/readiness?done=campaign-added#campaigns");
  }

  const parsed = ReportFormSchema.safeParse(values);
  if (!parsed.success) return failure({ intent: intent.data, fieldErrors: fieldErrors(parsed.error), formError: null });
  try {
    const snapshot = generateReport(context.db, viewer.merchantId, parsed.data, Date.now());
    return redirect(`/merchant/readiness/reports/${snapshot.id}`);
  } catch (error) {
    if (!(error instanceof ReadinessError)) throw error;
    // Another merchant's campaign answers exactly as one that does not exist.
    if (error.status === 404) throw new Response(say(error.key), { status: 404, headers: PRIVATE_NO_STORE });
    return failure({ intent: intent.data, ...placeError({ field: error.field, message: say(error.key) }) });
  }
}

const entryValue = (e: CalendarEntry) => `${e.type}:${e.id}`;

export default function ReadinessReview() {
  const { today, calendar, campaigns, snapshots, readOnly, viewQuery, merchantParam, done } = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  const dates = (e: { startsOn: string; endsOn: string }) => format.dayRange(e.startsOn, e.endsOn);
  const entryName = (e: CalendarEntry) => (e.type === "period" ? localize(e.name) : e.name);
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const link = (path: string) => withViewQuery(path, viewQuery);
  const campaignFailure = result?.intent === "add-campaign" ? result : null;
  const reportFailure = result?.intent === "generate" ? result : null;
  const campaignErrors: Record<string, string | undefined> = campaignFailure?.fieldErrors ?? {};
  const reportErrors: Record<string, string | undefined> = reportFailure?.fieldErrors ?? {};
  const reportField = fieldProps("report", reportErrors, REPORT_FIELDS);
  const campaignValues = campaignFailure?.values ?? {};
  const reportValues = reportFailure?.values ?? {};
  const ownCampaigns = calendar.filter((e) => e.type === "campaign");
  const periods = calendar.filter((e) => e.type === "period");

  return (
    <div className="readiness">
      <h1>{t("readiness.title")}</h1>
      <p className="lead">{t("readiness.lead")}</p>
      <SuccessNotice message={done ? t(`readiness.done.${done}`) : null} />
      <FormError message={result?.intent === null ? result.formError : null} />

      <section className="section" aria-labelledby="generate-heading">
        <h2 id="generate-heading">{t("readiness.generate.title")}</h2>
        {readOnly ? (
          <p className="muted">{t("readiness.generate.readOnly")}</p>
        ) : calendar.length === 0 ? (
          <p className="muted">{t("readiness.generate.nothingUpcoming")}</p>
        ) : (
          <Form method="post" className="stack-form readiness-form" noValidate key={JSON.stringify(reportFailure)}>
            <input type="hidden" name="intent" value="generate" />
            <FormError message={reportFailure?.formError} />
            <label htmlFor="report-target">{t("readiness.generate.target")}</label>
            <select {...reportField("target")} defaultValue={reportValues.target ?? entryValue(calendar[0]!)}>
              {ownCampaigns.length > 0 ? (
                <optgroup label={t("readiness.campaigns.title")}>
                  {ownCampaigns.map((e) => (
                    <option key={entryValue(e)} value={entryValue(e)}>
                      {entryName(e)} ({dates(e)})
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label={t("readiness.generate.calendar")}>
                {periods.map((e) => (
                  <option key={entryValue(e)} value={entryValue(e)}>
                    {entryName(e)} ({dates(e)})
                  </option>
                ))}
              </optgroup>
            </select>
            <FieldError id="report-target-error" message={reportErrors.target} />
            <label htmlFor="report-expectedOrdersPerDay">{t("readiness.expectedOrders")}</label>
            <p id="report-orders-hint" className="hint">
              {t("readiness.generate.ordersHint")}
            </p>
            <input
              {...reportField("expectedOrdersPerDay", "report-orders-hint")}
              inputMode="numeric"
              autoComplete="off"
              defaultValue={reportValues.expectedOrdersPerDay ?? ""}
            />
            <FieldError id="report-expectedOrdersPerDay-error" message={reportErrors.expectedOrdersPerDay} />
            <button type="submit" disabled={busy}>
              {t("readiness.generate.submit")}
            </button>
          </Form>
        )}
      </section>

      <section className="section" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t("readiness.calendar.title")}</h2>
        {calendar.length === 0 ? (
          <p className="muted">{t("readiness.calendar.empty")}</p>
        ) : (
          <table className="readiness-table">
            <caption className="visually-hidden">{t("readiness.calendar.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("readiness.calendar.dates")}</th>
                <th scope="col">{t("readiness.period")}</th>
                <th scope="col">{t("readiness.calendar.kind")}</th>
              </tr>
            </thead>
            <tbody>
              {calendar.map((e) => (
                <tr key={entryValue(e)} className={e.type === "campaign" ? "readiness-table__own" : undefined}>
                  <td>
                    {dates(e)}
                    {e.startsOn <= today ? <span className="tag tag--now">{t("readiness.calendar.now")}</span> : null}
                  </td>
                  <td>
                    {e.type === "campaign" ? <Link to={link(`/merchant/readiness/campaigns/${e.id}`)}>{e.name}</Link> : entryName(e)}
                  </td>
                  <td>
                    {e.type === "campaign"
                      ? t("readiness.calendar.yourCampaign", { count: e.expectedOrdersPerDay, orders: format.count(e.expectedOrdersPerDay) })
                      : t(`readiness.periodKind.${e.kind}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted readiness-note">{t("readiness.calendar.note")}</p>
      </section>

      <section className="section" aria-labelledby="campaigns">
        <h2 id="campaigns">{t("readiness.campaigns.title")}</h2>
        {campaigns.length === 0 ? (
          <p className="muted">{t("readiness.campaigns.none")}</p>
        ) : (
          <ul className="campaign-list">
            {campaigns.map((c) => (
              <li key={c.id}>
                <Link to={link(`/merchant/readiness/campaigns/${c.id}`)}>{c.name}</Link>{" "}
                <span className="muted">
                  {t(c.endsOn < today ? "readiness.campaigns.lineEnded" : "readiness.campaigns.line", {
                    dates: dates(c),
                    count: c.expectedOrdersPerDay,
                    orders: format.count(c.expectedOrdersPerDay),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {readOnly ? null : (
          <Form method="post" className="stack-form readiness-form" noValidate key={JSON.stringify(campaignFailure)}>
            <h3>{t("readiness.campaigns.add")}</h3>
            <input type="hidden" name="intent" value="add-campaign" />
            <FormError message={campaignFailure?.formError} />
            <CampaignFields idPrefix="campaign" errors={campaignErrors} values={campaignValues} />
            <button type="submit" disabled={busy}>
              {t("readiness.campaigns.addSubmit")}
            </button>
          </Form>
        )}
      </section>

      <section className="section" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t("readiness.reports.title")}</h2>
        {snapshots.length === 0 ? (
          <p className="muted">{t("readiness.reports.none")}</p>
        ) : (
          <>
            <table className="readiness-table">
              <thead>
                <tr>
                  <th scope="col">{t("readiness.generated")}</th>
                  <th scope="col">{t("readiness.period")}</th>
                  <th scope="col">{t("readiness.scoreColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={link(`/merchant/readiness/reports/${s.id}`)}>{format.dateTime(s.generatedAtMs)}</Link>
                    </td>
                    <td>
                      {localize(s.periodName)} <span className="muted">({dates(s)})</span>
                    </td>
                    <td>{t("readiness.scoreOutOf", { score: format.count(s.score), max: format.count(MAX_READINESS_SCORE) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {snapshots.length > 1 ? (
              <Form method="get" action="/merchant/readiness/compare" className="compare-form">
                {merchantParam ? <input type="hidden" name="merchant" value={merchantParam} /> : null}
                <label>
                  {t("readiness.reports.compare")}
                  <select name="from" defaultValue={snapshots[1]!.id}>
                    {snapshots.map((s) => (
                      <option key={s.id} value={s.id}>
                        {localize(s.periodName)}, {format.dateTime(s.generatedAtMs)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("readiness.reports.with")}
                  <select name="to" defaultValue={snapshots[0]!.id}>
                    {snapshots.map((s) => (
                      <option key={s.id} value={s.id}>
                        {localize(s.periodName)}, {format.dateTime(s.generatedAtMs)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit">{t("readiness.reports.compareSubmit")}</button>
              </Form>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
