import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { countPendingReviews } from "~/data/ops.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return json({ user: { name: user.name, email: user.email, role: user.role }, pendingReviews: countPendingReviews(context.db) });
}

export const meta: MetaFunction = () => [{ title: "Ops console · ShopIQ Integration Status" }, { name: "robots", content: "noindex" }];

export default function OpsLayout() {
  const { user, pendingReviews } = useLoaderData<typeof loader>();
  return (
    <div className="ops">
      <div className="ops-bar">
        <nav aria-label="Ops console">
          <ul className="ops-nav">
            <li>
              <NavLink to="/ops" end>
                Dashboard
              </NavLink>
            </li>
            <li>
              <NavLink to="/ops/incidents">Incidents</NavLink>
            </li>
            <li>
              <NavLink to="/ops/inbox">
                Detected{pendingReviews > 0 ? <span className="count"> ({pendingReviews} to review)</span> : null}
              </NavLink>
            </li>
            <li>
              <NavLink to="/ops/maintenance">Maintenance</NavLink>
            </li>
            <li>
              <NavLink to="/ops/actions">Actions</NavLink>
            </li>
            <li>
              <NavLink to="/ops/merchants">Merchants</NavLink>
            </li>
            <li>
              <NavLink to="/ops/subscribers">Subscribers</NavLink>
            </li>
            {user.role === "admin" ? (
              <li>
                <NavLink to="/ops/users">Users</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/ops/audit">Audit log</NavLink>
            </li>
          </ul>
        </nav>
        <Form method="post" action="/logout" className="ops-user">
          <span>
            {user.name} ({user.role})
          </span>
          <button type="submit" className="link-button">
            Sign out
          </button>
        </Form>
      </div>
      <Outlet />
    </div>
  );
}
