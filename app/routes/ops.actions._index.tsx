import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { LibraryError, MOVE_DIRECTIONS, listActionLibrary, moveAction, type LibraryAction } from "~/data/ops.server";
import { FormError, SuccessNotice } from "~/lib/forms";
import opsConsoleStyles from "~/styles/ops-console.css";

const DONE_MESSAGES: Record<string, string> = {
  created: "The action is added at the end of its group.",
  saved: "Your changes to the action are saved.",
  deleted: "The action is deleted.",
};

const MoveSchema = z.object({
  id: z.coerce.number().int().positive(),
  direction: z.enum(MOVE_DIRECTIONS),
});

export const links: LinksFunction = () => [{ rel: "stylesheet", href: opsConsoleStyles }];
export const meta: MetaFunction = () => [{ title: "Recommended actions · Ops console" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const done = new URL(request.url).searchParams.get("done");
  return json({ notice: done ? (DONE_MESSAGES[done] ?? null) : null, library: listActionLibrary(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = MoveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ formError: "Choose an action and whether to move it up or down." }, { status: 400 });
  try {
    moveAction(context.db, actorOf(user), parsed.data.id, parsed.data.direction, new Date());
  } catch (error) {
    if (error instanceof LibraryError) return json({ formError: error.message }, { status: error.status });
    throw error;
  }
  // Back to the moved action, so keyboard users without JavaScript do not lose their place.
  return redirect(`/ops/actions#action-${parsed.data.id}`);
}

const LANGUAGES = [
  { key: "hi", label: "Hindi" },
  { key: "as", label: "Assamese" },
] as const;

function ActionGroup({ label, items, busy }: { label: string; items: LibraryAction[]; busy: boolean }) {
  if (items.length === 0) return <p className="muted">No actions yet.</p>;
  return (
    <ol className="action-group" aria-label={label}>
      {items.map((a, i) => {
        const missing = LANGUAGES.filter((l) => !a.text[l.key]).map((l) => l.label);
        return (
          <li key={a.id} id={`action-${a.id}`} className="action-group__item">
            <div className="action-group__text">
              {a.kind === "advice" ? <strong>Advice: </strong> : null}
              <Link to={`/ops/actions/${a.id}`}>{a.text.en}</Link>
              <p className="muted">
                {a.categoryName ? `Only for ${a.categoryName}. ` : ""}
                {missing.length === 0 ? "Hindi and Assamese translated." : `No ${missing.join(" or ")} text yet.`}
                {a.linkedIncidents > 0 ? ` Shown on ${a.linkedIncidents} incident${a.linkedIncidents === 1 ? "" : "s"}.` : ""}
              </p>
            </div>
            <Form method="post" className="move-buttons">
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" name="direction" value="up" disabled={busy || i === 0} aria-label={`Move “${a.text.en}” up`}>
                ↑
              </button>
              <button type="submit" name="direction" value="down" disabled={busy || i === items.length - 1} aria-label={`Move “${a.text.en}” down`}>
                ↓
              </button>
            </Form>
          </li>
        );
      })}
    </ol>
  );
}

export default function ActionLibraryPage() {
  const { notice, library } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <header className="console-header">
        <h1>Recommended actions</h1>
        <Link to="/ops/actions/new" className="button">
          Add an action
        </Link>
      </header>
      <p className="muted">
        The steps merchants are shown, in the order they are shown: for an incident, a category's advice comes first, then the steps for its cause, then the
        category's checklist.
      </p>
      <SuccessNotice message={notice} />
      <FormError message={result?.formError} />
      <nav aria-label="Groups" className="toc">
        <ul>
          <li>
            <a href="#general">Check first</a>
          </li>
          <li>
            <a href="#categories">By category</a>
          </li>
          <li>
            <a href="#causes">By cause</a>
          </li>
        </ul>
      </nav>

      <section className="section" aria-labelledby="general">
        <h2 id="general">Check first (every merchant)</h2>
        <ActionGroup label="Check first" items={library.general} busy={busy} />
      </section>

      <section className="section" aria-labelledby="categories">
        <h2 id="categories">By category</h2>
        {library.categories.map((c) => (
          <div key={c.id} className="action-scope">
            <h3>{c.name}</h3>
            <h4>Advice</h4>
            <ActionGroup label={`${c.name} advice`} items={c.advice} busy={busy} />
            <h4>Checklist</h4>
            <ActionGroup label={`${c.name} checklist`} items={c.checklist} busy={busy} />
          </div>
        ))}
      </section>

      <section className="section" aria-labelledby="causes">
        <h2 id="causes">By cause</h2>
        {library.causes.map((c) => (
          <div key={c.id} className="action-scope">
            <h3>
              {c.name} <span className="muted">({c.side === "unknown" ? "either side" : `${c.side}'s side`})</span>
            </h3>
            <ActionGroup label={`${c.name} steps`} items={c.steps} busy={busy} />
          </div>
        ))}
      </section>
    </>
  );
}
