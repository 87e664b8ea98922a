import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { ActionFormSchema, LibraryError, createAction, deleteAction, getAction, listScopeChoices, updateAction } from "~/data/ops.server";
import { FieldError, fieldErrorsOf, fieldProps, FormError, formText, invalidProps, placeError } from "~/lib/forms";
import { optionalIdParam } from "~/lib/params";
import opsConsoleStyles from "~/styles/ops-console.css";
import { ACTION_KINDS } from "../../db/schema/enums";

// This module is both /ops/actions/new (no id: add) and /ops/actions/:id (edit, delete);
// ops.actions.new.tsx re-exports it so the two forms cannot drift apart.

const INTENTS = ["save", "delete"] as const;

const KIND_LABELS = {
  check: "A step to check",
  advice: "Advice with weight (shown first, with emphasis)",
} as const;

const LANGUAGES = [
  { key: "en", label: "English", lang: "en", hint: "Required." },
  { key: "hi", label: "Hindi", lang: "hi", hint: "Optional; merchants read English until it is filled in." },
  { key: "as", label: "Assamese", lang: "as", hint: "Optional; merchants read English until it is filled in." },
] as const;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: opsConsoleStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action ? "Edit action" : "Add an action"} · Ops console` }];

const actionId = (params: LoaderFunctionArgs["params"]) => optionalIdParam(params, "Action not found");

interface FormValues {
  kind: string;
  categoryId: string;
  causeId: string;
  en: string;
  hi: string;
  as: string;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const id = actionId(params);
  const stored = id === null ? null : getAction(context.db, id);
  if (id !== null && !stored) throw new Response("Action not found", { status: 404 });
  const values: FormValues = stored
    ? {
        kind: stored.kind,
        categoryId: stored.categoryId === null ? "" : String(stored.categoryId),
        causeId: stored.causeId === null ? "" : String(stored.causeId),
        en: stored.text.en,
        hi: stored.text.hi ?? "",
        as: stored.text.as ?? "",
      }
    : { kind: "check", categoryId: "", causeId: "", en: "", hi: "", as: "" };
  return json({ action: stored, values, choices: listScopeChoices(context.db) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = actionId(params);
  const form = await request.formData();
  const text = (name: string) => formText(form, name);
  const values: FormValues = { kind: text("kind"), categoryId: text("categoryId"), causeId: text("causeId"), en: text("en"), hi: text("hi"), as: text("as") };
  const failure = (status: number, fieldErrors: Record<string, string>, formError: string | null) => json({ values, fieldErrors, formError }, { status });
  const intent = z.enum(INTENTS).safeParse(text("intent") || "save");
  if (!intent.success || (id === null && intent.data === "delete")) return failure(400, {}, "Save the action or delete it.");

  const actor = actorOf(user);
  const at = new Date();
  try {
    if (id !== null && intent.data === "delete") {
      deleteAction(context.db, actor, id, at);
      return redirect("/ops/actions?done=deleted");
    }
    const parsed = ActionFormSchema.safeParse(values);
    if (!parsed.success) return failure(400, fieldErrorsOf(parsed.error), null);
    if (id === null) {
      const created = createAction(context.db, actor, parsed.data, at);
      return redirect(`/ops/actions?done=created#action-${created}`);
    }
    updateAction(context.db, actor, id, parsed.data, at);
    return redirect(`/ops/actions?done=saved#action-${id}`);
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    const { fieldErrors, formError } = placeError(error);
    return failure(error.status, fieldErrors, formError);
  }
}

export default function ActionForm() {
  const { action: stored, values: storedValues, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = result?.values ?? storedValues;
  const e: Record<string, string | undefined> = result?.fieldErrors ?? {};
  const firstError = Object.keys(e)[0];
  const field = fieldProps(null, e);
  // A new key after each submit remounts the form, so autoFocus moves to the first wrong field.
  const formKey = JSON.stringify(result ?? storedValues);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/ops/actions">Recommended actions</Link> › <span>{stored ? stored.slug : "Add"}</span>
      </nav>
      <h1>{stored ? "Edit action" : "Add an action"}</h1>
      <FormError message={result?.formError} />
      <Form method="post" className="stack-form console-form" noValidate key={formKey}>
        <input type="hidden" name="intent" value="save" />
        <fieldset aria-describedby={e.kind ? "kind-error" : undefined}>
          <legend>Kind</legend>
          {ACTION_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} autoFocus={firstError === "kind" && k === ACTION_KINDS[0]} />
              {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <FieldError id="kind-error" message={e.kind} />

        <div className="scope-fields">
          <div>
            <label htmlFor="categoryId">Category</label>
            <select {...field("categoryId")} defaultValue={values.categoryId}>
              <option value="">Any category</option>
              {choices.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="categoryId-error" message={e.categoryId} />
          </div>
          <div>
            <label htmlFor="causeId">Cause</label>
            <select {...field("causeId")} defaultValue={values.causeId}>
              <option value="">No particular cause</option>
              {choices.causes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="causeId-error" message={e.causeId} />
          </div>
        </div>
        <p className="muted">
          Neither: a &ldquo;check first&rdquo; step for every merchant. A category alone: that category&rsquo;s advice or checklist. A cause: a step for that cause,
          for every category or only the one chosen.
        </p>

        <div className="languages">
          {LANGUAGES.map((l) => (
            <div key={l.key}>
              <label htmlFor={`text-${l.key}`}>{l.label}</label>
              <textarea
                id={`text-${l.key}`}
                name={l.key}
                lang={l.lang}
                required={l.key === "en"}
                defaultValue={values[l.key]}
                {...invalidProps(l.key, e[l.key], firstError === l.key)}
                aria-describedby={[e[l.key] ? `${l.key}-error` : "", `${l.key}-hint`].filter(Boolean).join(" ")}
              />
              <p id={`${l.key}-hint`} className="muted">
                {l.hint}
              </p>
              <FieldError id={`${l.key}-error`} message={e[l.key]} />
            </div>
          ))}
        </div>

        <button type="submit" disabled={busy}>
          {stored ? "Save changes" : "Add action"}
        </button>
      </Form>

      {stored ? (
        <section className="console-danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          {stored.linkedIncidentIds.length > 0 ? (
            <p>
              This action cannot be deleted while incidents show it to merchants:{" "}
              {stored.linkedIncidentIds.map((id, i) => (
                <span key={id}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/ops/incidents/${id}`}>incident {id}</Link>
                </span>
              ))}
              . Remove it from those incidents first, or edit its text instead.
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <p className="muted">No incident shows this action, so it can be deleted.</p>
              <button type="submit" className="danger" disabled={busy}>
                Delete this action
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}
