import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { ImpactTag, IncidentStatusTag } from "~/components/IncidentCard";
import { formatDateTime } from "~/lib/format";
import { IMPACT_LABELS, INCIDENT_STATUS_LABELS, PROVIDER_IMPACT_LABELS, localize } from "~/lib/labels";
import { Markdown } from "~/lib/markdown";
import styles from "~/styles/ops-incidents.css";
import {
  addCustomStep,
  addNote,
  editUpdate,
  getConsoleIncident,
  IncidentConsoleError,
  incidentExists,
  incidentFormOptions,
  linkAction,
  moveAction,
  OPS_UPDATE_STATUSES,
  postUpdateByOps,
  setPostmortem,
  unlinkAction,
  type ConsoleAction,
} from "../../db/incidents/console";
import { isClosedStatus } from "../../db/incidents/write";
import { INCIDENT_IMPACTS, PROVIDER_IMPACTS, type IncidentStatus } from "../../db/schema/enums";

const BODY_MAX_CHARS = 5_000;
const POSTMORTEM_MAX_CHARS = 20_000;
const STEP_MAX_CHARS = 500;

const Params = z.object({ id: z.coerce.number().int().positive() });
const Id = z.coerce.number().int().positive();
const text = (what: string, maxChars: number) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(1, `Write ${what}.`)
    .max(maxChars, `Keep ${what} under ${maxChars.toLocaleString("en-IN")} characters.`);
const Impact = z.enum(PROVIDER_IMPACTS, { error: "Choose an impact from the list." });
const blankAsNull = z.literal("").transform(() => null);

/** Every form on the page, told apart by its `intent`. */
const IncidentForm = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("update"),
        status: z.enum(OPS_UPDATE_STATUSES, { error: "Choose a status." }),
        body: text("the update", BODY_MAX_CHARS),
        providers: z.array(z.object({ providerId: Id, impact: Impact })),
        addProviderId: z.union([blankAsNull, Id], { error: "Choose a provider from the list." }).optional(),
        addImpact: z.union([blankAsNull, Impact]).optional(),
        impactOverride: z.union([blankAsNull, z.enum(INCIDENT_IMPACTS)], { error: "Choose an impact from the list." }).optional(),
      })
      .refine((d) => !d.addProviderId || d.addImpact, { path: ["addImpact"], message: "Choose the impact on the added provider." })
      .refine((d) => d.providers.length > 0 || d.addProviderId, { path: ["providers"], message: "Keep at least one affected provider." }),
    z.object({ intent: z.literal("edit-update"), updateId: Id, body: text("the update", BODY_MAX_CHARS) }),
    z.object({ intent: z.literal("postmortem"), body: text("the postmortem", POSTMORTEM_MAX_CHARS) }),
    z.object({
      intent: z.literal("link-action"),
      recommendedActionId: z.string({ error: "Choose a step to add." }).min(1, "Choose a step to add.").pipe(z.coerce.number<string>().int().positive()),
    }),
    z.object({ intent: z.literal("custom-step"), text: text("the step", STEP_MAX_CHARS) }),
    z.object({ intent: z.literal("unlink-action"), incidentActionId: Id }),
    z.object({ intent: z.literal("move-action"), incidentActionId: Id, direction: z.enum(["up", "down"]) }),
    z.object({ intent: z.literal("note"), body: text("the note", BODY_MAX_CHARS) }),
  ],
  { error: "This form is not one the page knows. Reload the page and try again." },
);
type Intent = z.infer<typeof IncidentForm>["intent"];

const SAVED: Record<Intent | "created", string> = {
  created: "Incident opened. Merchants see it on the status page now.",
  update: "Update posted.",
  "edit-update": "Update corrected. Merchants see it marked as edited.",
  postmortem: "Postmortem published.",
  "link-action": "Step added.",
  "custom-step": "Step added.",
  "unlink-action": "Step removed.",
  "move-action": "Step moved.",
  note: "Note added.",
};
const SECTION_OF: Record<Intent | "created", string> = {
  created: "header",
  update: "post-update",
  "edit-update": "updates",
  postmortem: "postmortem",
  "link-action": "actions",
  "custom-step": "actions",
  "unlink-action": "actions",
  "move-action": "actions",
  note: "notes",
};
const isSaved = (value: string | null): value is keyof typeof SAVED => value !== null && value in SAVED;
const KNOWN_INTENTS: readonly string[] = Object.keys(SECTION_OF);
const HIDDEN_FIELDS: readonly string[] = ["updateId", "incidentActionId", "direction"];
const STALE_FORM = "This form is out of date. Reload the page and try again.";

function incidentIdOf(params: Record<string, string | undefined>): number {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("Incident not found", { status: 404 });
  return parsed.data.id;
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.incident.summary.title} · Ops console` : "Incident not found" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const incident = getConsoleIncident(context.db, incidentIdOf(params));
  if (!incident) throw new Response("Incident not found", { status: 404 });
  const saved = new URL(request.url).searchParams.get("saved");
  return json({ incident, categories: incidentFormOptions(context.db).categories, saved: isSaved(saved) ? saved : null });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const incidentId = incidentIdOf(params);
  if (!incidentExists(context.db, incidentId)) throw new Response("Incident not found", { status: 404 });
  const values: Record<string, string> = {};
  for (const [name, value] of await request.formData()) if (typeof value === "string") values[name] = value;
  const providers = Object.entries(values).flatMap(([name, impact]) => {
    const providerId = /^impact\.(\d+)$/.exec(name)?.[1];
    return providerId && impact !== "" ? [{ providerId, impact }] : [];
  });
  const intent = values.intent ?? "";
  const failed = (fieldErrors: Record<string, string>, formError: string | null = null) =>
    json({ intent, target: values.updateId ?? values.incidentActionId ?? null, fieldErrors, formError, values }, { status: 400 });

  const parsed = IncidentForm.safeParse({ ...values, providers });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    let formError: string | null = null;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      // Hidden fields are not something the person can correct: the page they submitted is stale or forged.
      if (field === undefined || field === "intent") formError ??= issue.message;
      else if (HIDDEN_FIELDS.includes(String(field))) formError ??= STALE_FORM;
      else fieldErrors[String(field)] ??= issue.message;
    }
    return failed(fieldErrors, formError);
  }
  const data = parsed.data;
  const actor = actorOf(user);
  const nowMs = Date.now();
  let focus = "saved";
  try {
    switch (data.intent) {
      case "update": {
        const added = data.addProviderId && data.addImpact ? [{ providerId: data.addProviderId, impact: data.addImpact }] : [];
        postUpdateByOps(
          context.db,
          actor,
          { incidentId, status: data.status, body: data.body, providers: [...data.providers, ...added], impactOverride: data.impactOverride },
          nowMs,
        );
        break;
      }
      case "edit-update":
        editUpdate(context.db, actor, { incidentId, updateId: data.updateId, body: data.body }, nowMs);
        break;
      case "postmortem":
        setPostmortem(context.db, actor, { incidentId, body: data.body }, nowMs);
        break;
      case "link-action":
        linkAction(context.db, actor, { incidentId, recommendedActionId: data.recommendedActionId }, nowMs);
        break;
      case "custom-step":
        addCustomStep(context.db, actor, { incidentId, text: data.text }, nowMs);
        break;
      case "unlink-action":
        unlinkAction(context.db, actor, { incidentId, incidentActionId: data.incidentActionId }, nowMs);
        break;
      case "move-action":
        moveAction(context.db, actor, { incidentId, incidentActionId: data.incidentActionId, direction: data.direction }, nowMs);
        // Keyboard users keep their place: the moved step takes the focus.
        focus = `step-${data.incidentActionId}`;
        break;
      case "note":
        addNote(context.db, actor, { incidentId, body: data.body }, nowMs);
        break;
    }
  } catch (error) {
    if (error instanceof IncidentConsoleError) return error.field ? failed({ [error.field]: error.message }) : failed({}, error.message);
    throw error;
  }
  return redirect(`/ops/incidents/${incidentId}?saved=${data.intent}#${focus}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Failure = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

/** A failure shows next to its form; one whose form is not on the page shows at the top. */
const shownInSection = (failure: Failure, data: LoaderData) =>
  KNOWN_INTENTS.includes(failure.intent) && (failure.intent !== "edit-update" || data.incident.updates.some((u) => String(u.id) === failure.target));

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** aria-invalid and the error's id for a field, and the focus for the first field in error. */
function fieldProps(prefix: string, errors: Record<string, string>, order: readonly string[]) {
  const first = order.find((f) => errors[f]);
  return (name: string, hintId?: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hintId, errors[name] ? `${prefix}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
    autoFocus: first === name,
  });
}

/** With JavaScript the page is not reloaded after a failed submit, so `autoFocus` alone would not move the focus. */
function useFocusOnFailure(failure: Failure | null) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failure) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failure]);
  return form;
}

function Saved({ section, saved }: { section: string; saved: LoaderData["saved"] }) {
  if (!saved || SECTION_OF[saved] !== section) return null;
  return (
    <p id="saved" className="form-success" role="status" tabIndex={-1}>
      {SAVED[saved]}
    </p>
  );
}

function FormFailure({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <p className="form-error" role="alert">
      {failure.formError ?? "Nothing was saved: correct the fields marked below."}
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section ops-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

const UPDATE_FIELDS = ["status", "body", "providers", "addProviderId", "addImpact", "impactOverride"] as const;

function PostUpdate({ data, failure }: { data: LoaderData; failure: Failure | null }) {
  const { summary, impactOverride } = data.incident;
  const errors = failure?.fieldErrors ?? {};
  const typed = failure?.values ?? {};
  const field = fieldProps("update", errors, UPDATE_FIELDS);
  const form = useFocusOnFailure(failure);
  const affected = new Set(summary.providers.map((p) => p.id));
  const impactErrors = ["providers", "addProviderId", "addImpact", "impactOverride"].some((f) => errors[f]);
  const defaultStatus: IncidentStatus = summary.status === "postmortem" ? "resolved" : summary.status;
  return (
    <Section id="post-update" title="Post an update">
      <Saved section="post-update" saved={data.saved} />
      <FormFailure failure={failure} />
      <Form method="post" className="stack-form" noValidate ref={form} key={data.incident.updates.length}>
        <input type="hidden" name="intent" value="update" />
        <label htmlFor="update-status">Status</label>
        <select {...field("status")} defaultValue={typed.status ?? defaultStatus}>
          {OPS_UPDATE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <FieldError id="update-status-error" message={errors.status} />
        <label htmlFor="update-body">Update for merchants</label>
        <textarea {...field("body", "update-body-hint")} rows={5} maxLength={BODY_MAX_CHARS} defaultValue={typed.body ?? ""} />
        <p id="update-body-hint" className="hint">
          Shown on the status page as typed, with its time. Markdown: **bold**, *italic*, `code`, lists, [link](https://…).
        </p>
        <FieldError id="update-body-error" message={errors.body} />
        <details className="impact-change" open={impactErrors}>
          <summary>Change the affected providers or the overall impact</summary>
          <fieldset className="impact-grid">
            <legend>Affected providers</legend>
            <FieldError id="update-providers-error" message={errors.providers} />
            {summary.providers.map((p) => (
              <div key={p.id} className="impact-grid__row">
                <label htmlFor={`update-impact-${p.id}`}>{p.name}</label>
                <select
                  id={`update-impact-${p.id}`}
                  name={`impact.${p.id}`}
                  defaultValue={typed[`impact.${p.id}`] ?? p.impact}
                  aria-invalid={errors.providers ? true : undefined}
                  aria-describedby={errors.providers ? "update-providers-error" : undefined}
                >
                  {PROVIDER_IMPACTS.map((impact) => (
                    <option key={impact} value={impact}>
                      {PROVIDER_IMPACT_LABELS[impact]}
                    </option>
                  ))}
                  <option value="">No longer affected</option>
                </select>
              </div>
            ))}
            <label htmlFor="update-addProviderId">Add a provider</label>
            <select {...field("addProviderId")} defaultValue={typed.addProviderId ?? ""}>
              <option value="">None</option>
              {data.categories.map((c) => (
                <optgroup key={c.id} label={localize(c.name)}>
                  {c.providers
                    .filter((p) => !affected.has(p.id))
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <FieldError id="update-addProviderId-error" message={errors.addProviderId} />
            <label htmlFor="update-addImpact">Impact on the added provider</label>
            <select {...field("addImpact")} defaultValue={typed.addImpact ?? ""}>
              <option value="">Choose when adding a provider</option>
              {PROVIDER_IMPACTS.map((impact) => (
                <option key={impact} value={impact}>
                  {PROVIDER_IMPACT_LABELS[impact]}
                </option>
              ))}
            </select>
            <FieldError id="update-addImpact-error" message={errors.addImpact} />
          </fieldset>
          <label htmlFor="update-impactOverride">Overall impact</label>
          <select {...field("impactOverride")} defaultValue={typed.impactOverride ?? impactOverride ?? ""}>
            <option value="">Derived from the providers’ impacts</option>
            {INCIDENT_IMPACTS.map((impact) => (
              <option key={impact} value={impact}>
                {IMPACT_LABELS[impact]} (override)
              </option>
            ))}
          </select>
          <FieldError id="update-impactOverride-error" message={errors.impactOverride} />
        </details>
        <div>
          <button type="submit">Post update</button>
        </div>
      </Form>
    </Section>
  );
}

function EditUpdate({ update, failure }: { update: LoaderData["incident"]["updates"][number]; failure: Failure | null }) {
  const prefix = `edit-${update.id}`;
  const errors = failure?.fieldErrors ?? {};
  const form = useFocusOnFailure(failure);
  const field = fieldProps(prefix, errors, ["body"]);
  return (
    <details className="edit-update" open={failure !== null}>
      <summary>Correct this update</summary>
      <FormFailure failure={failure} />
      <Form method="post" className="stack-form" noValidate ref={form} key={update.body}>
        <input type="hidden" name="intent" value="edit-update" />
        <input type="hidden" name="updateId" value={update.id} />
        <label htmlFor={`${prefix}-body`}>Corrected text</label>
        <textarea {...field("body", `${prefix}-hint`)} rows={4} maxLength={BODY_MAX_CHARS} defaultValue={failure?.values.body ?? update.body} />
        <p id={`${prefix}-hint`} className="hint">
          Merchants will see the update marked “(edited)”; the earlier text stays in the audit log.
        </p>
        <FieldError id={`${prefix}-body-error`} message={errors.body} />
        <div>
          <button type="submit">Save correction</button>
        </div>
      </Form>
    </details>
  );
}

function Updates({ data, failure }: { data: LoaderData; failure: Failure | null }) {
  return (
    <Section id="updates" title="Updates">
      <Saved section="updates" saved={data.saved} />
      <ol className="timeline ops-timeline">
        {data.incident.updates.map((u) => (
          <li key={u.id} className={`timeline__item timeline__item--${u.status}`}>
            <h3>
              {INCIDENT_STATUS_LABELS[u.status]}
              <time dateTime={new Date(u.createdAtMs).toISOString()}> · {formatDateTime(u.createdAtMs)}</time>
            </h3>
            <p className="muted">
              {u.author ? `Posted by ${u.author}` : "Posted automatically"}
              {u.editedAtMs !== null ? `; edited ${formatDateTime(u.editedAtMs)}` : ""}
            </p>
            <Markdown source={u.body} />
            {u.history.length > 0 ? (
              <details>
                <summary>Earlier text ({u.history.length})</summary>
                <ol className="edit-history">
                  {u.history.map((h, i) => (
                    <li key={i}>
                      <p className="muted">
                        Replaced {formatDateTime(h.replacedAtMs)} by {h.by}:
                      </p>
                      <Markdown source={h.body} />
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            <EditUpdate update={u} failure={failure?.intent === "edit-update" && failure.target === String(u.id) ? failure : null} />
          </li>
        ))}
      </ol>
    </Section>
  );
}

function Postmortem({ data, failure }: { data: LoaderData; failure: Failure | null }) {
  const { summary, postmortem } = data.incident;
  const errors = failure?.fieldErrors ?? {};
  const form = useFocusOnFailure(failure);
  const field = fieldProps("postmortem", errors, ["body"]);
  return (
    <Section id="postmortem" title="Postmortem">
      <Saved section="postmortem" saved={data.saved} />
      {isClosedStatus(summary.status) ? (
        <>
          <FormFailure failure={failure} />
          <Form method="post" className="stack-form" noValidate ref={form} key={postmortem ?? ""}>
            <input type="hidden" name="intent" value="postmortem" />
            <label htmlFor="postmortem-body">What happened, why, and what changes</label>
            <textarea {...field("body", "postmortem-hint")} rows={8} maxLength={POSTMORTEM_MAX_CHARS} defaultValue={failure?.values.body ?? postmortem ?? ""} />
            <p id="postmortem-hint" className="hint">
              Shown on the incident’s public page below the updates. Revisions are kept in the audit log.
            </p>
            <FieldError id="postmortem-body-error" message={errors.body} />
            <div>
              <button type="submit">{postmortem ? "Update postmortem" : "Publish postmortem"}</button>
            </div>
          </Form>
        </>
      ) : (
        <p className="muted">A postmortem can be published once the incident is resolved.</p>
      )}
    </Section>
  );
}

function StepButton({ action, intent, direction, label }: { action: ConsoleAction; intent: Intent; direction?: "up" | "down"; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="incidentActionId" value={action.id} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className="button--secondary button--small">
        {label}
        <span className="visually-hidden">: {localize(action.text)}</span>
      </button>
    </Form>
  );
}

function StepList({ actions, ordered }: { actions: ConsoleAction[]; ordered: boolean }) {
  const items = actions.map((a, i) => (
    <li key={a.id} id={`step-${a.id}`} tabIndex={-1} className="step">
      <span className="step__text">
        {localize(a.text)} <span className="muted">({a.scope ?? "for this incident only"})</span>
      </span>
      <span className="step__controls">
        {i > 0 ? <StepButton action={a} intent="move-action" direction="up" label="Move up" /> : null}
        {i < actions.length - 1 ? <StepButton action={a} intent="move-action" direction="down" label="Move down" /> : null}
        <StepButton action={a} intent="unlink-action" label="Remove" />
      </span>
    </li>
  ));
  return ordered ? <ol className="steps">{items}</ol> : <ul className="steps">{items}</ul>;
}

const STEP_INTENTS: readonly string[] = ["link-action", "custom-step", "unlink-action", "move-action"];

function RecommendedActions({ data, failure }: { data: LoaderData; failure: Failure | null }) {
  const { actions, library } = data.incident;
  const advice = actions.filter((a) => a.kind === "advice");
  const steps = actions.filter((a) => a.kind !== "advice");
  const linkFailure = failure?.intent === "link-action" ? failure : null;
  const customFailure = failure?.intent === "custom-step" ? failure : null;
  const linkForm = useFocusOnFailure(linkFailure);
  const customForm = useFocusOnFailure(customFailure);
  const linkField = fieldProps("link", linkFailure?.fieldErrors ?? {}, ["recommendedActionId"]);
  const customField = fieldProps("custom", customFailure?.fieldErrors ?? {}, ["text"]);
  const option = (a: (typeof library.other)[number]) => (
    <option key={a.id} value={a.id}>
      {a.kind === "advice" ? "Important: " : ""}
      {localize(a.text)} ({a.scope})
    </option>
  );
  return (
    <Section id="actions" title="What merchants should do">
      <Saved section="actions" saved={data.saved} />
      <FormFailure failure={failure} />
      <p className="hint">The incident’s public page shows the advice first, set apart, then the steps in this order.</p>
      {actions.length === 0 ? <p>No steps linked. Merchants are shown the suggested steps for the affected categories and cause.</p> : null}
      {advice.length > 0 ? (
        <>
          <h3>Advice</h3>
          <StepList actions={advice} ordered={false} />
        </>
      ) : null}
      {steps.length > 0 ? (
        <>
          <h3>Steps</h3>
          <StepList actions={steps} ordered />
        </>
      ) : null}
      <div className="step-forms">
        <Form method="post" className="stack-form" noValidate ref={linkForm} key={`link-${actions.length}`}>
          <input type="hidden" name="intent" value="link-action" />
          <label htmlFor="link-recommendedActionId">Add a step from the library</label>
          <select {...linkField("recommendedActionId")} defaultValue={linkFailure?.values.recommendedActionId ?? ""}>
            <option value="">Choose a step</option>
            {library.suggested.length > 0 ? <optgroup label="Suggested for this incident">{library.suggested.map(option)}</optgroup> : null}
            <optgroup label="All other steps">{library.other.map(option)}</optgroup>
          </select>
          <FieldError id="link-recommendedActionId-error" message={linkFailure?.fieldErrors.recommendedActionId} />
          <div>
            <button type="submit">Add step</button>
          </div>
        </Form>
        <Form method="post" className="stack-form" noValidate ref={customForm} key={`custom-${actions.length}`}>
          <input type="hidden" name="intent" value="custom-step" />
          <label htmlFor="custom-text">Write a step for this incident only</label>
          <input {...customField("text")} maxLength={STEP_MAX_CHARS} defaultValue={customFailure?.values.text ?? ""} />
          <FieldError id="custom-text-error" message={customFailure?.fieldErrors.text} />
          <div>
            <button type="submit">Add this step</button>
          </div>
        </Form>
      </div>
    </Section>
  );
}

type MerchantRow = LoaderData["incident"]["merchants"]["merchants"][number];

function RightNow({ connection }: { connection: MerchantRow["connections"][number] }) {
  if (connection.checkState === "down") return <strong>Failing{connection.cause ? `: ${localize(connection.cause)}` : ""}</strong>;
  if (connection.checkState === "degraded") return <>Degraded</>;
  if (connection.checkState === "ok") return <>Working</>;
  return <span className="muted">No confirmed result yet</span>;
}

function MerchantTable({ merchants, caption }: { merchants: MerchantRow[]; caption: string }) {
  return (
    <table className="data-table merchants">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Merchant</th>
          <th scope="col">Provider</th>
          <th scope="col">Right now</th>
        </tr>
      </thead>
      <tbody>
        {merchants.flatMap((m) =>
          m.connections.map((c, i) => (
            <tr key={`${m.id}-${i}`} className={c.checkState === "down" ? "merchant--failing" : undefined}>
              <td>
                {m.name} <span className="muted">({m.externalId})</span>
              </td>
              <td>
                {c.provider}
                {c.state === "disconnected" ? <span className="muted"> (disconnected)</span> : null}
              </td>
              <td>
                <RightNow connection={c} />
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** Failing merchants are the ones to act on; the others stay folded away, counted. */
function AffectedMerchants({ data }: { data: LoaderData }) {
  const { total, failing, merchants } = data.incident.merchants;
  const failingNow = merchants.filter((m) => m.failing);
  const others = merchants.filter((m) => !m.failing);
  return (
    <Section id="merchants" title="Affected merchants">
      <p>
        <strong>{total}</strong> merchant{total === 1 ? " has" : "s have"} a connection to the affected providers;{" "}
        <strong>{failing}</strong> {failing === 1 ? "is" : "are"} failing now.
      </p>
      {merchants.length < total ? <p className="hint">Listing the first {merchants.length}, failing merchants first.</p> : null}
      {failingNow.length > 0 ? <MerchantTable merchants={failingNow} caption="Merchants failing now" /> : null}
      {others.length > 0 ? (
        <details className="merchants-others">
          <summary>
            {others.length} merchant{others.length === 1 ? "" : "s"} not failing now
          </summary>
          <MerchantTable merchants={others} caption="Merchants not failing now" />
        </details>
      ) : null}
    </Section>
  );
}

function Notes({ data, failure }: { data: LoaderData; failure: Failure | null }) {
  const { notes } = data.incident;
  const errors = failure?.fieldErrors ?? {};
  const form = useFocusOnFailure(failure);
  const field = fieldProps("note", errors, ["body"]);
  return (
    <Section id="notes" title="Internal notes">
      <Saved section="notes" saved={data.saved} />
      <p className="hint">For the ops team only: merchants never see these.</p>
      {notes.length > 0 ? (
        <ol className="notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="muted">
                {n.author ?? "Someone"} · {formatDateTime(n.createdAtMs)}
              </p>
              <Markdown source={n.body} />
            </li>
          ))}
        </ol>
      ) : null}
      <FormFailure failure={failure} />
      <Form method="post" className="stack-form" noValidate ref={form} key={notes.length}>
        <input type="hidden" name="intent" value="note" />
        <label htmlFor="note-body">Add a note</label>
        <textarea {...field("body")} rows={3} maxLength={BODY_MAX_CHARS} defaultValue={failure?.values.body ?? ""} />
        <FieldError id="note-body-error" message={errors.body} />
        <div>
          <button type="submit">Add note</button>
        </div>
      </Form>
    </Section>
  );
}

export default function OpsIncident() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() ?? null;
  const { summary, impactOverride } = data.incident;
  const location = useLocation();
  const failureFor = (...intents: string[]) => (result && intents.includes(result.intent) ? result : null);
  // After a saved change the page comes back at its confirmation (or the moved step): with
  // JavaScript that element also takes the focus, so keyboard users continue from there.
  useEffect(() => {
    if (data.saved && location.hash) document.getElementById(location.hash.slice(1))?.focus();
  }, [data.saved, location.key, location.hash]);

  return (
    <article className="ops-incident">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/incidents">Incidents</Link> › <span>Incident {summary.id}</span>
      </nav>
      <header className="page-header page-header--incident">
        <h1>{summary.title}</h1>
        <div className="tags">
          <ImpactTag impact={summary.impact} />
          <IncidentStatusTag status={summary.status} />
        </div>
      </header>
      <Saved section="header" saved={data.saved} />
      {result && !shownInSection(result, data) ? <FormFailure failure={result} /> : null}
      <dl className="facts facts--wide">
        <div>
          <dt>Affected providers</dt>
          <dd>{summary.providers.map((p) => `${p.name} (${PROVIDER_IMPACT_LABELS[p.impact].toLowerCase()})`).join(", ")}</dd>
        </div>
        <div>
          <dt>Overall impact</dt>
          <dd>
            {IMPACT_LABELS[summary.impact]} {impactOverride ? "(set by ops)" : "(derived from the providers)"}
          </dd>
        </div>
        {summary.workflows.length > 0 ? (
          <div>
            <dt>Workflows</dt>
            <dd>{summary.workflows.map((w) => localize(w.name)).join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>Cause</dt>
          <dd>{summary.cause ? localize(summary.cause.name) : "Not known yet"}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(summary.startedAtMs)}</dd>
        </div>
        <div>
          <dt>Public page</dt>
          <dd>
            <Link to={`/incidents/${summary.id}`}>/incidents/{summary.id}</Link>
          </dd>
        </div>
      </dl>
      <PostUpdate data={data} failure={failureFor("update")} />
      <Updates data={data} failure={failureFor("edit-update")} />
      <Postmortem data={data} failure={failureFor("postmortem")} />
      <RecommendedActions data={data} failure={failureFor(...STEP_INTENTS)} />
      <AffectedMerchants data={data} />
      <Notes data={data} failure={failureFor("note")} />
    </article>
  );
}
