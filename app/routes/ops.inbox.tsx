import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { StatusOptions } from "~/components/ops/incident/IncidentOptions";
import {
  ConfirmDetectionSchema,
  DismissDetectionSchema,
  MergeDetectionSchema,
  ReviewError,
  confirmDetection,
  dismissDetection,
  listMergeTargets,
  listOpenMirroredIncidents,
  listPendingDetections,
  listRecentReviews,
  mergeDetection,
} from "~/data/ops.server";
import { formatDateTime, formatTimeAgo } from "~/lib/format";
import { FieldError, fieldErrorsOf, FormError, invalidProps, placeError, SuccessNotice, textFields } from "~/lib/forms";
import { INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS } from "~/lib/labels";
import opsConsoleStyles from "~/styles/ops-console.css";
import { CONFIRM_STATUSES } from "../../db/health/incident-status";
import type { CheckKind } from "../../db/schema/enums";

const RECENT_REVIEWS_SHOWN = 10;
const INTENTS = ["confirm", "merge", "dismiss"] as const;
type Intent = (typeof INTENTS)[number];

const DONE_MESSAGES: Record<Intent, (id: string) => string> = {
  confirm: (id) => `Incident ${id} is confirmed and your update is published.`,
  merge: (id) => `Detected incident ${id} is merged; the incident it joined has your update.`,
  dismiss: (id) => `Incident ${id} is dismissed and no longer shown to merchants.`,
};

const FEED_LABELS: Partial<Record<CheckKind, string>> = {
  statuspage: "status page",
  "payment-downtime": "downtime feed",
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: opsConsoleStyles }];
export const meta: MetaFunction = () => [{ title: "Detected incidents · Ops console" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const search = new URL(request.url).searchParams;
  const done = z.enum(INTENTS).safeParse(search.get("done"));
  const doneId = search.get("incident") ?? "";
  return json({
    nowMs: Date.now(),
    notice: done.success && /^\d+$/.test(doneId) ? DONE_MESSAGES[done.data](doneId) : null,
    pending: listPendingDetections(context.db),
    targets: listMergeTargets(context.db),
    recent: listRecentReviews(context.db, RECENT_REVIEWS_SHOWN),
    mirrored: listOpenMirroredIncidents(context.db),
  });
}

type Values = Record<string, string>;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const values = textFields(await request.formData());
  const intent = z.enum(INTENTS).safeParse(values.intent);
  const failure = (status: number, fieldErrors: Record<string, string>, formError: string | null) =>
    json({ intent: intent.success ? intent.data : null, incidentId: values.incidentId ?? "", values, fieldErrors, formError }, { status });
  if (!intent.success) return failure(400, {}, "Choose whether to confirm, merge or dismiss.");

  const apply = <S extends z.ZodType>(schema: S, review: (input: z.output<S>) => void) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return failure(400, fieldErrorsOf(parsed.error), null);
    try {
      review(parsed.data);
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      const { fieldErrors, formError } = placeError(error);
      return failure(error.status, fieldErrors, formError);
    }
    return redirect(`/ops/inbox?done=${intent.data}&incident=${encodeURIComponent(values.incidentId ?? "")}`);
  };
  const actor = actorOf(user);
  const at = new Date();
  switch (intent.data) {
    case "confirm":
      return apply(ConfirmDetectionSchema, (input) => confirmDetection(context.db, actor, input, at));
    case "merge":
      return apply(MergeDetectionSchema, (input) => mergeDetection(context.db, actor, input, at));
    case "dismiss":
      return apply(DismissDetectionSchema, (input) => dismissDetection(context.db, actor, input, at));
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;
type Pending = LoaderData["pending"][number];

/** What a failed submit of one form brings back: its errors and what was typed. */
interface FormState {
  values: Values;
  errors: Record<string, string>;
  formError: string | null;
}

function ConfirmForm({ incident, state, busy }: { incident: Pending; state: FormState | null; busy: boolean }) {
  const id = `confirm-${incident.id}`;
  const e = state?.errors ?? {};
  const firstError = Object.keys(e)[0];
  return (
    <Form method="post" className="stack-form review-form" aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>Confirm and publish</h3>
      <p className="muted">Replace the automatic title and write the first update merchants read. It is posted under your name.</p>
      <input type="hidden" name="intent" value="confirm" />
      <input type="hidden" name="incidentId" value={incident.id} />
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} name="title" required defaultValue={state?.values.title ?? incident.title} {...invalidProps(`${id}-title`, e.title, firstError === "title")} />
      <FieldError id={`${id}-title-error`} message={e.title} />
      <label htmlFor={`${id}-status`}>Status</label>
      <select id={`${id}-status`} name="status" defaultValue={state?.values.status ?? incident.status} {...invalidProps(`${id}-status`, e.status, firstError === "status")}>
        <StatusOptions statuses={CONFIRM_STATUSES} />
      </select>
      <FieldError id={`${id}-status-error`} message={e.status} />
      <label htmlFor={`${id}-body`}>Update for merchants</label>
      <textarea id={`${id}-body`} name="body" required defaultValue={state?.values.body ?? ""} {...invalidProps(`${id}-body`, e.body, firstError === "body")} />
      <FieldError id={`${id}-body-error`} message={e.body} />
      <button type="submit" disabled={busy}>
        Confirm and publish
      </button>
    </Form>
  );
}

function MergeForm({ incident, targets, state, busy }: { incident: Pending; targets: LoaderData["targets"]; state: FormState | null; busy: boolean }) {
  const id = `merge-${incident.id}`;
  const e = state?.errors ?? {};
  const firstError = Object.keys(e)[0];
  const choices = targets.filter((t) => t.id !== incident.id);
  const providerNames = incident.providers.map((p) => p.name).join(", ");
  return (
    <details className="review-form" open={state !== null}>
      <summary>Merge into an open incident</summary>
      {choices.length === 0 ? (
        <p className="muted">There is no other open incident to merge into.</p>
      ) : (
        <Form method="post" className="stack-form" noValidate>
          <input type="hidden" name="intent" value="merge" />
          <input type="hidden" name="incidentId" value={incident.id} />
          <label htmlFor={`${id}-target`}>Incident to merge into</label>
          <select id={`${id}-target`} name="targetId" required defaultValue={state?.values.targetId ?? ""} {...invalidProps(`${id}-target`, e.targetId, firstError === "targetId")}>
            <option value="">Choose an open incident…</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>
                #{t.id} {t.title} ({t.providerNames.join(", ")})
              </option>
            ))}
          </select>
          <FieldError id={`${id}-target-error`} message={e.targetId} />
          <label htmlFor={`${id}-body`}>Update to post on that incident</label>
          <textarea
            id={`${id}-body`}
            name="body"
            required
            defaultValue={state?.values.body ?? `We also see failures on ${providerNames}, and are tracking them in this incident.`}
            {...invalidProps(`${id}-body`, e.body, firstError === "body")}
          />
          <FieldError id={`${id}-body-error`} message={e.body} />
          <p className="muted">{providerNames} will be added to that incident if it does not list them yet; this one closes and leaves the public pages.</p>
          <button type="submit" disabled={busy}>
            Merge
          </button>
        </Form>
      )}
    </details>
  );
}

function DismissForm({ incident, state, busy }: { incident: Pending; state: FormState | null; busy: boolean }) {
  const id = `dismiss-${incident.id}`;
  const e = state?.errors ?? {};
  return (
    <details className="review-form" open={state !== null}>
      <summary>Dismiss as a false alarm</summary>
      <Form method="post" className="stack-form" noValidate>
        <input type="hidden" name="intent" value="dismiss" />
        <input type="hidden" name="incidentId" value={incident.id} />
        <label htmlFor={`${id}-reason`}>Why is this not a provider outage?</label>
        <textarea id={`${id}-reason`} name="reason" required defaultValue={state?.values.reason ?? ""} {...invalidProps(`${id}-reason`, e.reason, true)} />
        <FieldError id={`${id}-reason-error`} message={e.reason} />
        <p className="muted">Only ops see the reason. The incident closes and disappears from the status page, history and uptime bars.</p>
        <button type="submit" className="danger" disabled={busy}>
          Dismiss
        </button>
      </Form>
    </details>
  );
}

function stateFor(result: ActionData | undefined, incidentId: number, intent: Intent): FormState | null {
  if (!result || result.intent !== intent || result.incidentId !== String(incidentId)) return null;
  return { values: result.values, errors: result.fieldErrors, formError: result.formError };
}

function PendingItem({ incident, targets, nowMs, result, busy }: { incident: Pending; targets: LoaderData["targets"]; nowMs: number; result: ActionData | undefined; busy: boolean }) {
  const formError = result && result.incidentId === String(incident.id) ? result.formError : null;
  return (
    <li className="review-item" aria-labelledby={`detected-${incident.id}`}>
      <header className="review-item__header">
        <h2 id={`detected-${incident.id}`}>
          #{incident.id} {incident.title}
        </h2>
        <div className="tags">
          <span className={`tag tag--status-${incident.status}`}>{INCIDENT_STATUS_LABELS[incident.status]}</span>
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>Providers</dt>
          <dd>{incident.providers.map((p) => `${p.name} (${PROVIDER_IMPACT_LABELS[p.impact].toLowerCase()})`).join(", ")}</dd>
        </div>
        <div>
          <dt>Detected</dt>
          <dd>
            {formatDateTime(incident.startedAtMs)} ({formatTimeAgo(incident.startedAtMs, nowMs)})
            {incident.resolvedAtMs !== null ? `; closed by detection ${formatTimeAgo(incident.resolvedAtMs, nowMs)}` : ""}
          </dd>
        </div>
      </dl>
      <h3 className="review-item__subhead">What detection saw</h3>
      <ol className="review-timeline">
        {incident.updates.map((u) => (
          <li key={u.id}>
            <span className="muted">
              {formatDateTime(u.createdAtMs)} · {INCIDENT_STATUS_LABELS[u.status]}
            </span>
            <p>{u.body}</p>
          </li>
        ))}
      </ol>
      <FormError message={formError} />
      <div className="review-forms">
        <ConfirmForm incident={incident} state={stateFor(result, incident.id, "confirm")} busy={busy} />
        <div className="review-forms__others">
          <MergeForm incident={incident} targets={targets} state={stateFor(result, incident.id, "merge")} busy={busy} />
          <DismissForm incident={incident} state={stateFor(result, incident.id, "dismiss")} busy={busy} />
        </div>
      </div>
    </li>
  );
}

const REVIEW_STATE_LABELS = { pending: "Pending", confirmed: "Confirmed", merged: "Merged", dismissed: "Dismissed" } as const;

export default function Inbox() {
  const { nowMs, notice, pending, targets, recent, mirrored } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const unplaced = result?.formError && !pending.some((p) => String(p.id) === result.incidentId) ? result.formError : null;
  return (
    <>
      <h1>Detected incidents</h1>
      <p className="muted">
        Probes open these on their own when a provider fails for many merchants at once. Merchants already see them, marked as detected automatically, until you
        review them.
      </p>
      <SuccessNotice message={notice} />
      <FormError message={unplaced} />

      <section className="section" aria-labelledby="to-review">
        <h2 id="to-review">To review ({pending.length})</h2>
        {pending.length === 0 ? (
          <p>Nothing to review.</p>
        ) : (
          <ul className="review-list">
            {pending.map((p) => (
              <PendingItem key={p.id} incident={p} targets={targets} nowMs={nowMs} result={result} busy={busy} />
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="mirrored">
        <h2 id="mirrored">Mirrored from providers' own feeds</h2>
        {mirrored.length === 0 ? (
          <p>No provider reports an open incident.</p>
        ) : (
          <ul className="incident-lines">
            {mirrored.map((m) => (
              <li key={m.id} className="mirrored-item">
                <Link to={`/ops/incidents/${m.id}`}>
                  #{m.id} {m.title}
                </Link>{" "}
                <span className={`tag tag--status-${m.status}`}>{INCIDENT_STATUS_LABELS[m.status]}</span>
                <p className="muted">
                  Source:{" "}
                  {m.feed ? (
                    <>
                      {m.providers.map((p) => p.name).join(", ")}'s {FEED_LABELS[m.feed.kind] ?? "feed"} ({m.feed.name}
                      {m.feed.statusPageUrl ? (
                        <>
                          , <a href={m.feed.statusPageUrl}>{m.feed.statusPageUrl}</a>
                        </>
                      ) : null}
                      )
                    </>
                  ) : (
                    "a provider feed that is no longer checked"
                  )}{" "}
                  · since {formatDateTime(m.startedAtMs)}
                </p>
                {m.latestUpdate ? <p>{m.latestUpdate.body}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="recent">
        <h2 id="recent">Recently reviewed</h2>
        {recent.length === 0 ? (
          <p>No reviews yet.</p>
        ) : (
          <ul className="incident-lines">
            {recent.map((r) => (
              <li key={`${r.incidentId}-${r.atMs}`}>
                <strong>{REVIEW_STATE_LABELS[r.reviewState]}</strong>: #{r.incidentId} {r.title}
                {r.mergedInto ? (
                  <>
                    {" "}
                    into <Link to={`/ops/incidents/${r.mergedInto.id}`}>#{r.mergedInto.id} {r.mergedInto.title}</Link>
                  </>
                ) : null}{" "}
                <span className="muted">
                  by {r.by}, {formatTimeAgo(r.atMs, nowMs)}
                </span>
                {r.dismissedReason ? <p className="muted">Reason: {r.dismissedReason}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
