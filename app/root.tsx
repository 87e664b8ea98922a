import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Trans } from "react-i18next";
import { LanguageSwitcher } from "./components/LanguageSwitcher";
import { localeFormats } from "./i18n/formats.server";
import { isEnglishOnlyPath } from "./i18n/i18n";
import { languageSwitch, negotiateLocale, resourcesFor, VARY_ON_LANGUAGE } from "./i18n/negotiate.server";
import { metaTranslator, PageI18nProvider, useI18n, type PageLanguage } from "./i18n/page-i18n";
import { useNonce } from "./nonce";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The page's language: its strings (that language only) and its locale data for dates and numbers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const switched = languageSwitch(request);
  if (switched) throw switched;
  const locale = negotiateLocale(request);
  const language: PageLanguage = { locale, resources: resourcesFor(locale), formats: localeFormats(locale) };
  return json(language, { headers: { Vary: VARY_ON_LANGUAGE } });
}

// The language changes only with the switcher, which loads the whole page again, or when
// moving into or out of the English-only ops console; any other navigation would fetch the
// same strings again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) =>
  isEnglishOnlyPath(currentUrl.pathname) !== isEnglishOnlyPath(nextUrl.pathname);

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaTranslator(matches);
  return t ? [{ title: t("site.name") }, { name: "description", content: t("site.description") }] : [];
};

function Document({ language, children }: { language: PageLanguage; children: ReactNode }) {
  return (
    <PageI18nProvider language={language}>
      <Page>{children}</Page>
    </PageI18nProvider>
  );
}

function Page({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  // The console has its own navigation and stays English: no language to switch, nothing to subscribe to there.
  const inConsole = isEnglishOnlyPath(pathname);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("site.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                S
              </span>
              <span>
                ShopIQ <span className="brand__sub">{t("site.subtitle")}</span>
              </span>
            </Link>
            <nav aria-label={t("nav.label")}>
              <ul className="nav">
                <li>
                  <NavLink to="/" end>
                    {t("nav.status")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/history">{t("nav.history")}</NavLink>
                </li>
                <li>
                  <NavLink to="/help">{t("nav.help")}</NavLink>
                </li>
                {inConsole ? null : (
                  <li>
                    <NavLink to="/subscribe">{t("nav.subscribe")}</NavLink>
                  </li>
                )}
              </ul>
            </nav>
            {inConsole ? null : <LanguageSwitcher />}
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              <Trans i18nKey="footer.noGuarantee" components={{ helpLink: <Link to="/help" /> }} />
            </p>
            <p className="muted">{t("footer.timeZone")}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const language = useRouteLoaderData<typeof loader>("root")!;
  return (
    <Document language={language}>
      <Outlet />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const language = useRouteLoaderData<typeof loader>("root");
  if (!language) return <UntranslatedError />;
  return (
    <Document language={language}>
      <ErrorPage error={error} />
    </Document>
  );
}

const ERROR_TITLE_KEYS = { 400: "error.badRequest", 401: "error.signIn", 403: "error.forbidden", 404: "error.notFound" } as const;
const isExplainedStatus = (status: number): status is keyof typeof ERROR_TITLE_KEYS => status in ERROR_TITLE_KEYS;

function ErrorPage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // 400, 401 and 403 carry a sentence written for the reader, in their language (what was wrong, how to get in).
  const explained = isRouteErrorResponse(error) && [400, 401, 403].includes(status);
  return (
    <section className="error-page">
      <h1>{isExplainedStatus(status) ? t(ERROR_TITLE_KEYS[status]) : t("error.failed")}</h1>
      <p>{status === 404 ? t("error.notFoundText") : explained ? String(error.data) : t("error.failedText")}</p>
      <p>
        <Link to="/">{t("error.backToStatus")}</Link>
      </p>
    </section>
  );
}

/**
 * The last resort, when the root loader itself failed and not even the reader's language
 * is known: plain English, without the site's navigation.
 */
function UntranslatedError() {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>ShopIQ Integration Status</title>
        <Links />
      </head>
      <body>
        <main id="main" className="container error-page">
          <h1>Something went wrong</h1>
          <p>
            The status page could not be shown. Please try again in a moment. <a href="/">Back to the status page</a>
          </p>
        </main>
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}
