import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import styles from "~/styles/readiness.css";

// The readiness pages share one stylesheet, print rules included; each page checks who is looking.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export default function ReadinessLayout() {
  return <Outlet />;
}
