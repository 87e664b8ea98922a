import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/ActionList";
import { NoGuaranteeNotice } from "~/components/NoGuaranteeNotice";
import { getHelpContent } from "~/data/public.server";
import { localize } from "~/lib/labels";

const SIDE_LABELS = {
  provider: "Usually on the provider's side",
  merchant: "Usually in your own account",
  unknown: "Could be on either side",
} as const;

export async function loader({ context }: LoaderFunctionArgs) {
  return json(getHelpContent(context.db));
}

export const meta: MetaFunction = () => [{ title: "When an integration stops working · ShopIQ Integration Status" }];

export default function HelpPage() {
  const help = useLoaderData<typeof loader>();
  return (
    <>
      <h1>When an integration stops working</h1>
      <nav aria-label="On this page" className="toc">
        <ul>
          <li>
            <a href="#what-happens">What happens</a>
          </li>
          <li>
            <a href="#check-first">What to check first</a>
          </li>
          <li>
            <a href="#causes">Why integrations stop working</a>
          </li>
          <li>
            <a href="#checklists">Checklists by category</a>
          </li>
        </ul>
      </nav>

      <NoGuaranteeNotice />

      <section className="section" aria-labelledby="what-happens">
        <h2 id="what-happens">What happens when an integration stops working</h2>
        <p>Your store talks to each provider through its integration. When one stops working, this is what you and your customers notice:</p>
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
        <h2 id="check-first">What to check first</h2>
        <ActionList actions={help.checkFirst} />
      </section>

      <section className="section" aria-labelledby="causes">
        <h2 id="causes">Why integrations stop working</h2>
        <p>There are {help.causes.length} common reasons. Some are on the provider&rsquo;s side; most are in your own account with the provider.</p>
        <ol className="causes">
          {help.causes.map((c) => (
            <li key={c.slug} id={`cause-${c.slug}`} className="cause">
              <h3>{localize(c.name)}</h3>
              <p className={`side side--${c.side}`}>{SIDE_LABELS[c.side]}</p>
              <p>{localize(c.explanation)}</p>
              {c.steps.length > 0 ? <ActionList actions={c.steps} ordered={false} /> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="checklists">
        <h2 id="checklists">Checklists by category</h2>
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
