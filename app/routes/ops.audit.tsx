import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { AUDIT_PAGE_SIZE, listAuditEntries, listAuditFilterOptions, type AuditPage, type ChangeSide } from "~/data/ops.server";
import { formatDateTime } from "~/lib/format";
import { FieldError, fieldErrorsOf, invalidProps } from "~/lib/forms";
import adminStyles from "~/styles/ops-admin.css";

const MAX_AUDIT_PAGE = 10_000;
/** Longer values fold away behind their first words, so one big edit does not push the rest of the page down. */
const LONG_VALUE_CHARS = 120;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** 2025-02-30 matches the pattern; only a round trip through Date shows it is not a day. */
const isCalendarDay = (v: string) => {
  const ms = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v;
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-01-31.").refine(isCalendarDay, "That date does not exist.");

const AuditQuery = z
  .object({
    actor: z.string().max(254, "That is too long for a name in the log.").optional(),
    entity: z.string().max(100, "That is too long for a kind of record.").optional(),
    action: z.string().max(100, "That is too long for an action.").optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number({ error: "Use a page number." }).int("Use a page number.").min(1, "Pages start at 1.").max(MAX_AUDIT_PAGE, "There are not that many pages.").default(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end date is before the start date." });

const FILTER_NAMES = ["actor", "entity", "action", "from", "to"] as const;
type Filters = Record<(typeof FILTER_NAMES)[number], string>;

function formatValue(value: unknown): string {
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value === "" ? "(empty)" : ISO_INSTANT.test(value) ? formatDateTime(Date.parse(value)) : value;
  return JSON.stringify(value);
}

const formatSide = (side: ChangeSide) => (side === null ? null : formatValue(side.value));

function forPage(page: AuditPage) {
  return {
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    /** The number of the page's first entry in the whole log, counting from 1. */
    firstEntry: (page.page - 1) * AUDIT_PAGE_SIZE + 1,
    entries: page.entries.map((e) => ({
      id: e.id,
      atMs: e.at.getTime(),
      actorLabel: e.actorLabel,
      action: e.action,
      entity: e.entityId === null ? e.entityType : `${e.entityType} #${e.entityId}`,
      changes: e.changes.map((c) => ({ field: c.field, before: formatSide(c.before), after: formatSide(c.after) })),
    })),
  };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

export const meta: MetaFunction = () => [{ title: "Audit log · Ops console · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const search = new URL(request.url).searchParams;
  const typed: Filters = { actor: "", entity: "", action: "", from: "", to: "" };
  for (const name of FILTER_NAMES) typed[name] = search.get(name) ?? "";
  const options = listAuditFilterOptions(context.db);
  // Empty fields are "any": that is what a GET form sends for a select left on its first option.
  const parsed = AuditQuery.safeParse(Object.fromEntries([...search].filter(([, v]) => v !== "")));
  if (!parsed.success) {
    return json({ filters: typed, fieldErrors: fieldErrorsOf(parsed.error), options, log: null }, { status: 400 });
  }
  const { actor, entity, action, from, to, page } = parsed.data;
  const log = listAuditEntries(context.db, { actorLabel: actor, entityType: entity, action, fromDay: from, toDay: to }, page);
  const noErrors: Record<string, string> = {};
  return json({ filters: typed, fieldErrors: noErrors, options, log: forPage(log) });
}

function FilterField({ name, label, error, children }: { name: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="audit-filters__field">
      <label htmlFor={`audit-${name}`}>{label}</label>
      {children}
      <FieldError id={`audit-${name}-error`} message={error} />
    </div>
  );
}

function FilterSelect(props: { name: string; label: string; anyLabel: string; value: string; options: string[]; error?: string }) {
  // A value from a shared link that is no longer in the log still shows as chosen.
  const options = props.value && !props.options.includes(props.value) ? [props.value, ...props.options] : props.options;
  const id = `audit-${props.name}`;
  return (
    <FilterField {...props}>
      <select id={id} name={props.name} defaultValue={props.value} {...invalidProps(id, props.error, false)}>
        <option value="">{props.anyLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

function DateField(props: { name: string; label: string; value: string; error?: string }) {
  const id = `audit-${props.name}`;
  return (
    <FilterField {...props}>
      <input id={id} name={props.name} type="date" defaultValue={props.value} {...invalidProps(id, props.error, false)} />
    </FilterField>
  );
}

function Value({ text, className }: { text: string; className: string }) {
  if (text.length <= LONG_VALUE_CHARS) return <span className={className}>{text}</span>;
  return (
    <details className={`${className} audit-long`}>
      <summary>{`${text.slice(0, LONG_VALUE_CHARS)}…`}</summary>
      {text}
    </details>
  );
}

export default function AuditLog() {
  const { filters, fieldErrors, options, log } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = fieldErrors;
  const pageLink = (page: number) => {
    const search = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ""));
    if (page > 1) search.set("page", String(page));
    const query = search.toString();
    return query ? `/ops/audit?${query}` : "/ops/audit";
  };
  const filtered = Object.values(filters).some((v) => v !== "");
  const first = log ? log.firstEntry : 0;
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every change a person made, newest first: who, when, what, and the values before and after. Times are IST.</p>

      <Form method="get" action="/ops/audit" className="filters audit-filters" aria-label="Filter the audit log">
        <FilterSelect name="actor" label="Who" anyLabel="Anyone" value={filters.actor} options={options.actorLabels} error={errors.actor} />
        <FilterSelect name="entity" label="Record" anyLabel="Any kind" value={filters.entity} options={options.entityTypes} error={errors.entity} />
        <FilterSelect name="action" label="Action" anyLabel="Any action" value={filters.action} options={options.actions} error={errors.action} />
        <DateField name="from" label="From" value={filters.from} error={errors.from} />
        <DateField name="to" label="To (included)" value={filters.to} error={errors.to} />
        <button type="submit">Show entries</button>
        {filtered ? <Link to="/ops/audit">Clear filters</Link> : null}
      </Form>
      {log === null ? (
        <p className="form-error" role="alert">
          {errors.page ? (
            <>
              {`${errors.page} `}
              <Link to={pageLink(1)}>Go to the first page</Link>.
            </>
          ) : (
            "Fix the filter above to see entries."
          )}
        </p>
      ) : log.entries.length === 0 ? (
        <p className="audit-summary">{log.total === 0 ? (filtered ? "No entries match these filters." : "Nothing has been changed yet.") : <>No entries on this page. <Link to={pageLink(1)}>Go to the first page</Link>.</>}</p>
      ) : (
        <>
          <p className="audit-summary">{`Entries ${first}–${first + log.entries.length - 1} of ${log.total}${filtered ? " matching the filters" : ""}.`}</p>
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.id}>
                  <td className="audit-table__when">{formatDateTime(e.atMs)}</td>
                  <td>{e.actorLabel}</td>
                  <td>
                    <code>{e.action}</code>
                    <br />
                    <span className="muted">{e.entity}</span>
                  </td>
                  <td>
                    {e.changes.length === 0 ? (
                      <span className="muted">no values recorded</span>
                    ) : (
                      <ul className="audit-changes">
                        {e.changes.map((c, i) => (
                          <li key={c.field ?? i}>
                            {c.field !== null ? <span className="audit-changes__field">{`${c.field}: `}</span> : null}
                            {c.before !== null ? <Value text={c.before} className="audit-changes__before" /> : null}
                            {c.before !== null ? (
                              <>
                                <span aria-hidden="true"> → </span>
                                <span className="visually-hidden"> changed to </span>
                              </>
                            ) : null}
                            {c.after !== null ? <Value text={c.after} className="audit-changes__after" /> : <span className="muted">removed</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {log && log.pageCount > 1 ? (
        <nav className="pager" aria-label="Audit log pages">
          {log.page > 1 ? <Link to={pageLink(log.page - 1)}>← Newer entries</Link> : <span />}
          <span className="muted">{`Page ${log.page} of ${log.pageCount}`}</span>
          {log.page < log.pageCount ? <Link to={pageLink(log.page + 1)}>Older entries →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
