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
import { formatIndianCount } from "~/components/readiness/numbers";
import { PERIOD_KIND_LABELS } from "~/components/readiness/Verdict";
import {
  CampaignFormSchema,
  createCampaign,
  generateReport,
  getReadinessPage,
  ReadinessError,
  ReportFormSchema,
  type CalendarEntry,
} from "~/data/readiness.server";
import { formatDateTime, formatDay } from "~/lib/format";
import { FieldError, fieldErrorsOf, fieldProps, FormError, placeError, SuccessNotice, textFields } from "~/lib/forms";
import { localize } from "~/lib/labels";
import { withViewQuery } from "~/lib/view-query";
import { requireMerchantEditor, requireMerchantViewer } from "~/merchant/session.server";
import { CAMPAIGN_NAME_MAX_CHARS } from "../../db/readiness/forms";
import { MAX_READINESS_SCORE } from "../../db/readiness/score";

/** A merchant's own data: never kept by a shared cache, nor by the browser for the next person at the desk. */
const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" };
const INTENTS = ["add-campaign", "generate"] as const;
type Intent = (typeof INTENTS)[number];
const CAMPAIGN_FIELDS = ["name", "startsOn", "endsOn", "expectedOrdersPerDay"] as const;
const REPORT_FIELDS = ["target", "expectedOrdersPerDay"] as const;

const DONE_MESSAGES = {
  "campaign-added": "Campaign added to your calendar.",
  "campaign-saved": "Campaign saved.",
  "campaign-deleted": "Campaign deleted. Reports generated for it are kept.",
} as const;
const Done = z.enum(Object.keys(DONE_MESSAGES) as [keyof typeof DONE_MESSAGES]);

export const headers: HeadersFunction = () => PRIVATE_NO_STORE;
export const meta: MetaFunction = () => [{ title: "Readiness review · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

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
      done: done.success ? DONE_MESSAGES[done.data] : null,
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
  const values = textFields(await request.formData());
  const failure = (failed: Omit<Failure, "values">) => json<Failure>({ ...failed, values }, { status: 400 });
  const intent = z.enum(INTENTS).safeParse(values.intent);
  if (!intent.success) return failure({ intent: null, fieldErrors: {}, formError: "Add a campaign or generate a report." });

  if (intent.data === "add-campaign") {
    const parsed = CampaignFormSchema.safeParse(values);
    if (!parsed.success) return failure({ intent: intent.data, fieldErrors: fieldErrorsOf(parsed.error), formError: null });
    createCampaign(context.db, viewer.merchantId, parsed.data);
    return redirect("/merchant/readiness?done=campaign-added#campaigns");
  }

  const parsed = ReportFormSchema.safeParse(values);
  if (!parsed.success) return failure({ intent: intent.data, fieldErrors: fieldErrorsOf(parsed.error), formError: null });
  try {
    const snapshot = generateReport(context.db, viewer.merchantId, parsed.data, Date.now());
    return redirect(`/merchant/readiness/reports/${snapshot.id}`);
  } catch (error) {
    if (!(error instanceof ReadinessError)) throw error;
    // Another merchant's campaign answers exactly as one that does not exist.
    if (error.status === 404) throw new Response(error.message, { status: 404, headers: PRIVATE_NO_STORE });
    return failure({ intent: intent.data, ...placeError(error) });
  }
}

const entryValue = (e: CalendarEntry) => `${e.type}:${e.id}`;
const entryName = (e: CalendarEntry) => (e.type === "period" ? localize(e.name) : e.name);
const dates = (e: { startsOn: string; endsOn: string }) =>
  e.startsOn === e.endsOn ? formatDay(e.startsOn) : `${formatDay(e.startsOn)} to ${formatDay(e.endsOn)}`;

export default function ReadinessReview() {
  const { today, calendar, campaigns, snapshots, readOnly, viewQuery, merchantParam, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const link = (path: string) => withViewQuery(path, viewQuery);
  const campaignFailure = result?.intent === "add-campaign" ? result : null;
  const reportFailure = result?.intent === "generate" ? result : null;
  const campaignErrors: Record<string, string | undefined> = campaignFailure?.fieldErrors ?? {};
  const reportErrors: Record<string, string | undefined> = reportFailure?.fieldErrors ?? {};
  const campaignField = fieldProps("campaign", campaignErrors, CAMPAIGN_FIELDS);
  const reportField = fieldProps("report", reportErrors, REPORT_FIELDS);
  const campaignValues = campaignFailure?.values ?? {};
  const reportValues = reportFailure?.values ?? {};
  const ownCampaigns = calendar.filter((e) => e.type === "campaign");
  const periods = calendar.filter((e) => e.type === "period");

  return (
    <div className="readiness">
      <h1>Readiness review</h1>
      <p className="lead">
        Before a sale, festival or campaign, check that every integration will hold up: connected, healthy, paid up, verified, with
        the permissions, limits and balances your expected orders need.
      </p>
      <SuccessNotice message={done} />
      <FormError message={result?.intent === null ? result.formError : null} />

      <section className="section" aria-labelledby="generate-heading">
        <h2 id="generate-heading">Check readiness for a period</h2>
        {readOnly ? (
          <p className="muted">Ops view is read-only: only the merchant can generate reports.</p>
        ) : calendar.length === 0 ? (
          <p className="muted">There is no upcoming period or campaign. Add a campaign below.</p>
        ) : (
          <Form method="post" className="stack-form readiness-form" noValidate key={JSON.stringify(reportFailure)}>
            <input type="hidden" name="intent" value="generate" />
            <FormError message={reportFailure?.formError} />
            <label htmlFor="report-target">Period or campaign</label>
            <select {...reportField("target")} defaultValue={reportValues.target ?? entryValue(calendar[0]!)}>
              {ownCampaigns.length > 0 ? (
                <optgroup label="Your campaigns">
                  {ownCampaigns.map((e) => (
                    <option key={entryValue(e)} value={entryValue(e)}>
                      {entryName(e)} ({dates(e)})
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label="Sale and festival calendar">
                {periods.map((e) => (
                  <option key={entryValue(e)} value={entryValue(e)}>
                    {entryName(e)} ({dates(e)})
                  </option>
                ))}
              </optgroup>
            </select>
            <FieldError id="report-target-error" message={reportErrors.target} />
            <label htmlFor="report-expectedOrdersPerDay">Expected orders per day</label>
            <p id="report-orders-hint" className="hint">
              For a calendar period, how many orders a day you expect during it. A campaign uses the number saved with it.
            </p>
            <input
              {...reportField("expectedOrdersPerDay", "report-orders-hint")}
              inputMode="numeric"
              autoComplete="off"
              defaultValue={reportValues.expectedOrdersPerDay ?? ""}
            />
            <FieldError id="report-expectedOrdersPerDay-error" message={reportErrors.expectedOrdersPerDay} />
            <button type="submit" disabled={busy}>
              Generate report
            </button>
          </Form>
        )}
      </section>

      <section className="section" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Upcoming high-order periods</h2>
        {calendar.length === 0 ? (
          <p className="muted">Nothing upcoming on the calendar.</p>
        ) : (
          <table className="readiness-table">
            <caption className="visually-hidden">Sale seasons, festivals and your campaigns that have not ended, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">Dates</th>
                <th scope="col">Period</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {calendar.map((e) => (
                <tr key={entryValue(e)} className={e.type === "campaign" ? "readiness-table__own" : undefined}>
                  <td>
                    {dates(e)}
                    {e.startsOn <= today ? <span className="tag tag--now">Now</span> : null}
                  </td>
                  <td>
                    {e.type === "campaign" ? <Link to={link(`/merchant/readiness/campaigns/${e.id}`)}>{e.name}</Link> : entryName(e)}
                  </td>
                  <td>
                    {e.type === "campaign"
                      ? `Your campaign, ${formatIndianCount(e.expectedOrdersPerDay)} orders a day`
                      : PERIOD_KIND_LABELS[e.kind]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted readiness-note">
          Festival dates follow the Indian calendar; sale windows are the usual ones around them, not dates announced by a marketplace.
        </p>
      </section>

      <section className="section" aria-labelledby="campaigns">
        <h2 id="campaigns">Your campaigns</h2>
        {campaigns.length === 0 ? (
          <p className="muted">You have not added a campaign yet.</p>
        ) : (
          <ul className="campaign-list">
            {campaigns.map((c) => (
              <li key={c.id}>
                <Link to={link(`/merchant/readiness/campaigns/${c.id}`)}>{c.name}</Link>{" "}
                <span className="muted">
                  {dates(c)}, {formatIndianCount(c.expectedOrdersPerDay)} orders a day{c.endsOn < today ? ", ended" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {readOnly ? null : (
          <Form method="post" className="stack-form readiness-form" noValidate key={JSON.stringify(campaignFailure)}>
            <h3>Add a campaign</h3>
            <input type="hidden" name="intent" value="add-campaign" />
            <FormError message={campaignFailure?.formError} />
            <label htmlFor="campaign-name">Name</label>
            <input {...campaignField("name")} maxLength={CAMPAIGN_NAME_MAX_CHARS} required defaultValue={campaignValues.name ?? ""} />
            <FieldError id="campaign-name-error" message={campaignErrors.name} />
            <div className="date-pair">
              <div>
                <label htmlFor="campaign-startsOn">First day</label>
                <input {...campaignField("startsOn")} type="date" required defaultValue={campaignValues.startsOn ?? ""} />
                <FieldError id="campaign-startsOn-error" message={campaignErrors.startsOn} />
              </div>
              <div>
                <label htmlFor="campaign-endsOn">Last day</label>
                <input {...campaignField("endsOn")} type="date" required defaultValue={campaignValues.endsOn ?? ""} />
                <FieldError id="campaign-endsOn-error" message={campaignErrors.endsOn} />
              </div>
            </div>
            <label htmlFor="campaign-expectedOrdersPerDay">Expected orders per day</label>
            <input
              {...campaignField("expectedOrdersPerDay")}
              inputMode="numeric"
              autoComplete="off"
              required
              defaultValue={campaignValues.expectedOrdersPerDay ?? ""}
            />
            <FieldError id="campaign-expectedOrdersPerDay-error" message={campaignErrors.expectedOrdersPerDay} />
            <button type="submit" disabled={busy}>
              Add campaign
            </button>
          </Form>
        )}
      </section>

      <section className="section" aria-labelledby="reports-heading">
        <h2 id="reports-heading">Saved reports</h2>
        {snapshots.length === 0 ? (
          <p className="muted">No report yet. Each report you generate is saved here with its date, so you can compare them later.</p>
        ) : (
          <>
            <table className="readiness-table">
              <thead>
                <tr>
                  <th scope="col">Generated</th>
                  <th scope="col">Period</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={link(`/merchant/readiness/reports/${s.id}`)}>{formatDateTime(s.generatedAtMs)}</Link>
                    </td>
                    <td>
                      {s.periodName} <span className="muted">({dates(s)})</span>
                    </td>
                    <td>
                      {s.score} / {MAX_READINESS_SCORE}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {snapshots.length > 1 ? (
              <Form method="get" action="/merchant/readiness/compare" className="compare-form">
                {merchantParam ? <input type="hidden" name="merchant" value={merchantParam} /> : null}
                <label>
                  Compare
                  <select name="from" defaultValue={snapshots[1]!.id}>
                    {snapshots.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.periodName}, {formatDateTime(s.generatedAtMs)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  with
                  <select name="to" defaultValue={snapshots[0]!.id}>
                    {snapshots.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.periodName}, {formatDateTime(s.generatedAtMs)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit">Compare</button>
              </Form>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
