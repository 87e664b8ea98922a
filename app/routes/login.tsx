import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { currentUser, safeRedirectPath, signIn } from "~/auth/session.server";
import { attemptSignIn } from "~/auth/sign-in.server";
import { FieldError, fieldErrorsOf, FormError, invalidProps } from "~/lib/forms";

const SignInSchema = z.object({
  email: z.email("Enter the email address of your account."),
  password: z.string().min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (await currentUser(request, context)) throw redirect(redirectTo);
  return json({ redirectTo });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = SignInSchema.safeParse(form);
  const email = typeof form.email === "string" ? form.email : "";
  if (!parsed.success) {
    return json({ fieldErrors: fieldErrorsOf(parsed.error), formError: null, email }, { status: 400 });
  }
  const outcome = await attemptSignIn(context, { email: parsed.data.email, password: parsed.data.password, address: context.clientAddress ?? "unknown" });
  if (outcome.ok) return signIn(request, context, outcome.userId, safeRedirectPath(parsed.data.redirectTo));
  return json({ fieldErrors: {}, formError: outcome.message, email }, { status: outcome.locked ? 429 : 400 });
}

export const meta: MetaFunction = () => [{ title: "Sign in · ShopIQ Integration Status" }];

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.fieldErrors ?? {};
  return (
    <section className="narrow">
      <h1>Sign in to the ops console</h1>
      <p className="muted">For ShopIQ staff who post incident updates. Merchants do not need an account to read the status page.</p>
      <FormError message={result?.formError} />
      <Form method="post" className="stack-form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <label>
          Email
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email ?? ""}
            {...invalidProps("email", errors.email, true)}
            autoFocus
          />
        </label>
        <FieldError id="email-error" message={errors.email} />
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            {...invalidProps("password", errors.password, false)}
          />
        </label>
        <FieldError id="password-error" message={errors.password} />
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </Form>
    </section>
  );
}
