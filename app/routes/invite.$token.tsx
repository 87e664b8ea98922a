import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "~/auth/password.server";
import { signIn } from "~/auth/session.server";
import { acceptInvite, findInvite } from "~/data/ops.server";
import { fieldErrorsOf } from "~/lib/forms";

const SetPasswordSchema = z
  .object({
    password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invite = findInvite(context.db, params.token ?? "", Date.now());
  if (!invite) throw new Response("This invitation has expired or was already used. Ask an admin for a new one.", { status: 404 });
  return json({ name: invite.name, email: invite.email });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = SetPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  }
  const user = acceptInvite(context.db, params.token ?? "", await hashPassword(parsed.data.password), Date.now());
  if (!user) throw redirect("/login");
  return signIn(request, context, user.id, "/ops");
}

export const meta: MetaFunction = () => [{ title: "Set your password · ShopIQ Integration Status" }];

export default function AcceptInvite() {
  const { name, email } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <h1>Welcome, {name}</h1>
      <p>Set a password for {email} to start using the ops console.</p>
      <Form method="post" className="stack-form" noValidate>
        <label>
          New password
          <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required aria-invalid={errors.password ? true : undefined} />
        </label>
        {errors.password ? <p className="field-error">{errors.password}</p> : null}
        <label>
          Repeat it
          <input name="confirm" type="password" autoComplete="new-password" required aria-invalid={errors.confirm ? true : undefined} />
        </label>
        {errors.confirm ? <p className="field-error">{errors.confirm}</p> : null}
        <button type="submit">Set password and sign in</button>
      </Form>
    </section>
  );
}
