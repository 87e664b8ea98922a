import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "./nonce";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "ShopIQ Integration Status" },
  { name: "description", content: "Live status of the payment, logistics, messaging, analytics, advertising and marketplace integrations ShopIQ stores use." },
];

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                S
              </span>
              <span>
                ShopIQ <span className="brand__sub">Integration Status</span>
              </span>
            </Link>
            <nav aria-label="Main">
              <ul className="nav">
                <li>
                  <NavLink to="/" end>
                    Status
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/history">History</NavLink>
                </li>
                <li>
                  <NavLink to="/help">Help</NavLink>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              ShopIQ shows what it knows about third-party providers but cannot guarantee their uptime, pricing, approvals
              or settlement timelines. <Link to="/help">What to check when an integration stops working</Link>.
            </p>
            <p className="muted">Times are India Standard Time (IST).</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // These statuses carry a sentence written for the reader (what was wrong, how to get in).
  const explained = isRouteErrorResponse(error) && [400, 401, 403].includes(status);
  const title =
    status === 404
      ? "Page not found"
      : status === 400
        ? "That request was not valid"
        : status === 401
          ? "Please sign in"
          : status === 403
            ? "Not allowed"
            : "Something went wrong";
  return (
    <Document>
      <section className="error-page">
        <h1>{title}</h1>
        <p>
          {status === 404
            ? "There is no such provider, incident or page. It may have been renamed."
            : explained
              ? String(error.data)
              : "The status page could not be shown. Please try again in a moment."}
        </p>
        <p>
          <Link to="/">Back to the status page</Link>
        </p>
      </section>
    </Document>
  );
}
