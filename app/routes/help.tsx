import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/ActionList";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { getHelpContent } from "~/data/public.server";
import { pageMeta, useI18n } from "~/i18n/page-i18n";

export async function loader({ context }: LoaderFunctionArgs) {
  return json(getHelpContent(context.db));
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("help.title"));

/** The guidance comes from the database in all three languages; the page reads the reader's. */
export default function HelpPage() {
  const help = useLoaderData<typeof loader>();
  const { t, format, localize } = useI18n();
  return (
    <>
      <h1>{t("help.title")}</h1>
      <nav aria-label={t("help.tocLabel")} className="toc">
        <ul>
          <li>
            <a href="#what-happens">{t("help.toc.whatHappens")}</a>
          </li>
          <li>
            <a href="#check-first">{t("help.toc.checkFirst")}</a>
          </li>
          <li>
            <a href="#causes">{t("help.toc.causes")}</a>
          </li>
          <li>
            <a href="#checklists">{t("help.toc.checklists")}</a>
          </li>
        </ul>
      </nav>

      <NoGuaranteeNotice />

      <section className="section" aria-labelledby="what-happens">
        <h2 id="what-happens">{t("help.whatHappens.title")}</h2>
        <p>{t("help.whatHappens.intro")}</p>
        <dl className="workflows">
          {help.categories
            .filter((c) => c.workflows.length > 0)
            .map((c) => (
              <div key={c.slug}>
                <dt>{localize(c.name)}</dt>
                {c.workflows.map((w) => (
                  <dd key={w.slug}>
                    <strong>{localize(w.name)}</strong>: {localize(w.effect)}
                  </dd>
                ))}
              </div>
            ))}
        </dl>
      </section>

      <section className="section" aria-labelledby="check-first">
        <h2 id="check-first">{t("help.toc.checkFirst")}</h2>
        <ActionList actions={help.checkFirst} />
      </section>

      <section className="section" aria-labelledby="causes">
        <h2 id="causes">{t("help.toc.causes")}</h2>
        <p>{t("help.causesIntro", { count: help.causes.length, causes: format.count(help.causes.length) })}</p>
        <ol className="causes">
          {help.causes.map((c) => (
            <li key={c.slug} id={`cause-${c.slug}`} className="cause">
              <h3>{localize(c.name)}</h3>
              <p className={`side side--${c.side}`}>{t(`help.side.${c.side}`)}</p>
              <p>{localize(c.explanation)}</p>
              {c.steps.length > 0 ? <ActionList actions={c.steps} ordered={false} /> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="checklists">
        <h2 id="checklists">{t("help.toc.checklists")}</h2>
        {help.categories.map((c) => (
          <section key={c.slug} id={`checklist-${c.slug}`} aria-labelledby={`checklist-${c.slug}-title`} className="checklist">
            <h3 id={`checklist-${c.slug}-title`}>{localize(c.name)}</h3>
            <p className="muted">{localize(c.description)}</p>
            {c.advice.length > 0 ? <ActionList actions={c.advice} ordered={false} /> : null}
            <ActionList actions={c.checklist} />
          </section>
        ))}
      </section>
    </>
  );
}
