import { json, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { actorOf, requireUser } from "~/auth/session.server";
import { changeUserDisabled, changeUserRole, DuplicateEmailError, inviteUser, listManagedUsers, renewInvite, UserChangeRefusedError, type IssuedInvite } from "~/data/ops.server";
import { formatDateTime } from "~/lib/format";
import { FieldError, fieldErrorsOf, FormError, formText, invalidProps } from "~/lib/forms";
import adminStyles from "~/styles/ops-admin.css";
import { USER_ROLES } from "../../db/schema/enums";
import { INVITE_LIFETIME_DAYS } from "../../db/users/invite-lifetime";
const MAX_NAME_LENGTH = 100;
const MAX_EMAIL_LENGTH = 254;

const roleField = z.enum(USER_ROLES, { error: "Choose admin or ops." });
const userIdField = z.coerce.number({ error: "This form does not name a user; reload the page." }).int().positive();

const InviteForm = z.object({
  email: z.string().trim().max(MAX_EMAIL_LENGTH, "That address is too long.").pipe(z.email("Enter an email address, like name@shopiq.example.")),
  name: z.string().trim().min(1, "Enter their name.").max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters.`),
  role: roleField,
});
const RoleForm = z.object({ userId: userIdField, role: roleField });
const EnableDisableForm = z.object({ userId: userIdField });
const RenewInviteForm = z.object({ userId: userIdField });

const INTENTS = ["invite", "role", "disable", "enable", "renew-invite"] as const;
type Intent = (typeof INTENTS)[number];

/** What the page shows after a change: one shape for every form, so the page reads it without branching on types. */
interface ActionResult {
  intent: Intent | null;
  /** The row the form belonged to, to mark its fields. */
  userId: number | null;
  success: string | null;
  formError: string | null;
  fieldErrors: Record<string, string>;
  /** What was typed into the invite form, given back with its errors. */
  values: Record<string, string>;
  invite: { email: string; link: string; expiresAtMs: number } | null;
}

const result = (fields: Partial<ActionResult>): ActionResult => ({
  intent: null,
  userId: null,
  success: null,
  formError: null,
  fieldErrors: {},
  values: {},
  invite: null,
  ...fields,
});

/** The hidden and one-choice forms show their problems in one line: the chosen role's before the row's user. */
const oneLine = (fieldErrors: Record<string, string>) => Object.values(fieldErrors).reverse().join(" ");

// A page rendered after an action takes its headers from this export, not from the action's response.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const cacheControl = actionHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : new Headers();
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

export const meta: MetaFunction = () => [{ title: "Users · Ops console · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requireUser(request, context, "admin");
  const users = listManagedUsers(context.db).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    state: u.state,
    inviteExpiresAtMs: u.inviteExpiresAt?.getTime() ?? null,
  }));
  return json({ meId: me.id, nowMs: Date.now(), users });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireUser(request, context, "admin");
  const actor = actorOf(me);
  const form = await request.formData();
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? null;
  const nowMs = Date.now();
  // An invite link is a password in waiting: it must not linger in a cache or the history.
  const shown = (invite: IssuedInvite, message: string) =>
    json(
      result({
        intent,
        userId: invite.user.id,
        success: message,
        invite: { email: invite.user.email, link: new URL(`/invite/${invite.token}`, request.url).href, expiresAtMs: invite.expiresAt.getTime() },
      }),
      { headers: { "Cache-Control": "no-store" } },
    );
  const refused = (userId: number, error: unknown) => {
    if (error instanceof UserChangeRefusedError) return json(result({ intent, userId, formError: error.message }), { status: 409 });
    throw error;
  };
  const notFound = () => json(result({ intent, formError: "There is no such user: someone may have removed them. Reload the page." }), { status: 404 });

  switch (intent) {
    case "invite": {
      const values = { email: formText(form, "email"), name: formText(form, "name"), role: formText(form, "role") };
      const parsed = InviteForm.safeParse(values);
      if (!parsed.success) return json(result({ intent, fieldErrors: fieldErrorsOf(parsed.error), values }), { status: 400 });
      try {
        const invite = inviteUser(context.db, actor, parsed.data, nowMs);
        return shown(invite, `Invited ${invite.user.email} as ${invite.user.role}.`);
      } catch (error) {
        if (!(error instanceof DuplicateEmailError)) throw error;
        return json(result({ intent, fieldErrors: { email: "There is already a user with this email." }, values }), { status: 400 });
      }
    }
    case "renew-invite": {
      const parsed = RenewInviteForm.safeParse({ userId: formText(form, "userId") });
      if (!parsed.success) return json(result({ intent, formError: oneLine(fieldErrorsOf(parsed.error)) }), { status: 400 });
      try {
        const invite = renewInvite(context.db, actor, parsed.data.userId, nowMs);
        return invite ? shown(invite, `A new invite link for ${invite.user.email}; earlier links no longer work.`) : notFound();
      } catch (error) {
        return refused(parsed.data.userId, error);
      }
    }
    case "role": {
      const parsed = RoleForm.safeParse({ userId: formText(form, "userId"), role: formText(form, "role") });
      const userId = Number(formText(form, "userId")) || null;
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        return json(result({ intent, userId, fieldErrors, formError: oneLine(fieldErrors) }), { status: 400 });
      }
      try {
        const changed = changeUserRole(context.db, actor, parsed.data.userId, parsed.data.role);
        if (!changed) return notFound();
        const { email, role } = changed.user;
        return json(result({ intent, userId, success: changed.changed ? `${email} is now ${role}.` : `${email} was already ${role}; nothing changed.` }));
      } catch (error) {
        return refused(parsed.data.userId, error);
      }
    }
    case "disable":
    case "enable": {
      const parsed = EnableDisableForm.safeParse({ userId: formText(form, "userId") });
      if (!parsed.success) return json(result({ intent, formError: oneLine(fieldErrorsOf(parsed.error)) }), { status: 400 });
      const disabled = intent === "disable";
      try {
        const changed = changeUserDisabled(context.db, actor, parsed.data.userId, disabled, nowMs);
        if (!changed) return notFound();
        const { email } = changed.user;
        const message = !changed.changed
          ? `${email} was already ${disabled ? "disabled" : "enabled"}; nothing changed.`
          : disabled
            ? `Disabled ${email}: they are signed out everywhere and cannot sign in.`
            : `Enabled ${email}: they can sign in again.`;
        return json(result({ intent, userId: parsed.data.userId, success: message }));
      } catch (error) {
        return refused(parsed.data.userId, error);
      }
    }
    case null:
      return json(result({ formError: "The form did not say what to do; reload the page and try again." }), { status: 400 });
  }
}

const STATE_LABELS = { active: "Active", invited: "Invited", disabled: "Disabled" } as const;

function InviteField(props: { name: string; label: string; type: "email" | "text"; maxLength: number; typed: string | undefined; error: string | undefined }) {
  const id = `invite-${props.name}`;
  return (
    <div className="invite-form__field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        autoComplete="off"
        required
        maxLength={props.maxLength}
        defaultValue={props.typed ?? ""}
        {...invalidProps(id, props.error, false)}
      />
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

export default function OpsUsers() {
  const { users, meId, nowMs } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const inviteErrors: Record<string, string | undefined> = outcome?.intent === "invite" ? outcome.fieldErrors : {};
  const typed: Record<string, string | undefined> = outcome?.intent === "invite" ? outcome.values : {};
  return (
    <>
      <h1>Users</h1>
      <p className="muted">Admins manage people; ops post incidents, maintenance and actions. Admins can also do everything ops can.</p>

      {outcome?.success ? (
        <div className="form-success" role="status">
          <p>{outcome.success}</p>
          {outcome.invite ? (
            <div className="invite-link">
              <label>
                {`Invite link for ${outcome.invite.email}`}
                <input type="text" readOnly value={outcome.invite.link} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <p>
                {`It works once and expires in ${INVITE_LIFETIME_DAYS} days (${formatDateTime(outcome.invite.expiresAtMs)}). `}
                This is the only time it is shown: copy it now and send it to them yourself.
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
      <FormError message={outcome?.formError} />

      <section className="section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <p className="muted">They get an account without a password and set one from the link, which you send them.</p>
        {/* A new key after each invite empties the form for the next one. */}
        <Form method="post" className="invite-form" noValidate key={outcome?.invite?.link ?? "invite"}>
          <input type="hidden" name="intent" value="invite" />
          <InviteField name="email" label="Email" type="email" maxLength={MAX_EMAIL_LENGTH} typed={typed.email} error={inviteErrors.email} />
          <InviteField name="name" label="Name" type="text" maxLength={MAX_NAME_LENGTH} typed={typed.name} error={inviteErrors.name} />
          <div className="invite-form__field">
            <label htmlFor="invite-role">Role</label>
            <select
              id="invite-role"
              name="role"
              defaultValue={typed.role || "ops"}
              {...invalidProps("invite-role", inviteErrors.role, false)}
            >
              <option value="ops">ops: incidents, maintenance, actions</option>
              <option value="admin">admin: also manages users</option>
            </select>
            <FieldError id="invite-role-error" message={inviteErrors.role} />
          </div>
          <button type="submit" disabled={busy}>
            Create invite link
          </button>
        </Form>
      </section>

      <section className="section" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <table className="data-table user-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const roleError = outcome?.intent === "role" && outcome.userId === u.id ? outcome.fieldErrors.role : undefined;
              return (
                <tr key={u.id} className={u.state === "disabled" ? "user-table__row--disabled" : undefined}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{u.role}</td>
                  <td>
                    {STATE_LABELS[u.state]}
                    {u.state === "invited" ? (
                      <span className="muted">
                        {u.inviteExpiresAtMs === null || u.inviteExpiresAtMs <= nowMs
                          ? " (link expired)"
                          : ` (link works until ${formatDateTime(u.inviteExpiresAtMs)})`}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {u.id === meId ? (
                      <span className="muted">This is you: another admin can change your account.</span>
                    ) : (
                      <div className="user-table__changes">
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="userId" value={u.id} />
                          <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                            {`Role of ${u.name}`}
                          </label>
                          <select id={`role-${u.id}`} name="role" defaultValue={u.role} aria-invalid={roleError ? true : undefined}>
                            {USER_ROLES.map((r) => (
                              <option key={r} value={r}>
                                {r}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button--secondary" disabled={busy}>
                            Change role<span className="visually-hidden">{` of ${u.name}`}</span>
                          </button>
                        </Form>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value={u.state === "disabled" ? "enable" : "disable"} />
                          <input type="hidden" name="userId" value={u.id} />
                          <button type="submit" className={u.state === "disabled" ? "button--secondary" : "danger"} disabled={busy}>
                            {u.state === "disabled" ? "Enable" : "Disable"}
                            <span className="visually-hidden">{` ${u.name}`}</span>
                          </button>
                        </Form>
                        {u.state === "invited" ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="renew-invite" />
                            <input type="hidden" name="userId" value={u.id} />
                            <button type="submit" className="link-button" disabled={busy}>
                              New invite link<span className="visually-hidden">{` for ${u.name}`}</span>
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <section className="section">
      <h1>Users</h1>
      <p className="form-error" role="alert">
        {forbidden ? "Only admins can manage users. Ask an admin if you need an account changed." : "The users page could not be shown. Please try again."}
      </p>
    </section>
  );
}
