import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CATEGORY_SLUGS } from "../../db/schema/enums";
import { IncidentListItem } from "~/components/IncidentCard";
import { getHistoryPage, listCategories, listProviders } from "~/data/public.server";
import { translatorFor } from "~/i18n/negotiate.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";

const MAX_HISTORY_PAGE = 1_000;

const HistoryQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).default(1),
  provider: z.string().regex(/^[a-z0-9-]+$/).optional(),
  category: z.enum(CATEGORY_SLUGS).optional(),
});

export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = HistoryQuery.safeParse(params);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Response(translatorFor(request).t("history.invalidFilter", { fields }), { status: 400 });
  }
  const { page, provider, category } = parsed.data;
  const providers = listProviders(context.db);
  if (provider && !providers.some((p) => p.slug === provider)) {
    throw new Response(translatorFor(request).t("history.unknownProvider", { provider }), { status: 400 });
  }
  const nowMs = Date.now();
  return json({
    nowMs,
    filters: { provider: provider ?? "", category: category ?? "" },
    providers: providers.map((p) => ({ slug: p.slug, name: p.name })),
    categories: listCategories(context.db).map((c) => ({ slug: c.slug, name: c.name })),
    history: getHistoryPage(context.db, { providerSlug: provider, categorySlug: category }, page, nowMs),
  });
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("history.title"));

export const links = () => [
  { rel: "alternate", type: "application/atom+xml", title: "Incident history (Atom)", href: "/history.atom" },
  { rel: "alternate", type: "application/rss+xml", title: "Incident history (RSS)", href: "/history.rss" },
];

export default function HistoryPage() {
  const { history, filters, providers, categories, nowMs } = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  const pageLink = (page: number) => {
    const search = new URLSearchParams();
    if (filters.provider) search.set("provider", filters.provider);
    if (filters.category) search.set("category", filters.category);
    if (page > 1) search.set("page", String(page));
    const query = search.toString();
    return query ? `/history?${query}` : "/history";
  };
  return (
    <>
      <h1>{t("history.title")}</h1>
      <Form method="get" className="filters" aria-label={t("history.filterLabel")}>
        <label>
          {t("history.provider")}
          <select name="provider" defaultValue={filters.provider}>
            <option value="">{t("history.allProviders")}</option>
            {providers.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("history.category")}
          <select name="category" defaultValue={filters.category}>
            <option value="">{t("history.allCategories")}</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {localize(c.name)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("history.show")}</button>
      </Form>

      {history.months.map((m) => (
        <section key={m.month} className="section" aria-labelledby={`month-${m.month}`}>
          <h2 id={`month-${m.month}`}>{format.month(m.month)}</h2>
          {m.incidents.length === 0 ? (
            <p className="muted">{t("history.noIncidents")}</p>
          ) : (
            <ul className="incident-lines">
              {m.incidents.map((i) => (
                <IncidentListItem key={i.id} incident={i} nowMs={nowMs} />
              ))}
            </ul>
          )}
        </section>
      ))}

      <nav className="pager" aria-label={t("history.pagesLabel")}>
        {history.page > 1 ? <Link to={pageLink(history.page - 1)}>{t("history.newer")}</Link> : <span />}
        {history.hasOlder ? <Link to={pageLink(history.page + 1)}>{t("history.older")}</Link> : <span />}
      </nav>
    </>
  );
}
