// A provider's badges for a README or a wiki: its status now, and its uptime over the
// last days. Colours are the status page's own, so a badge and the page agree at a glance.

import { z } from "zod";
import type { Db } from "../../db/client";
import { getProviderBadgeStatus, getProviderBadgeUptime } from "../../db/badges/provider-badge";
import { UPTIME_BAR_DAYS } from "../../db/health/uptime";
import type { ProviderStatus } from "../../db/schema/enums";
import { cacheableResponse } from "~/cacheable-response.server";
import { BAND_COLOURS } from "~/components/chart-settings";
import { PROVIDER_STATUS_LABELS } from "~/lib/labels";
import { uptimeBand } from "~/lib/uptime-bands";
import { renderBadge } from "./badge.server";

/** The `:root` colours of app.css for each status. */
export const STATUS_COLOURS: Record<ProviderStatus, string> = {
  operational: "#1f7a4d",
  under_maintenance: "#2f5fb3",
  degraded_performance: "#a15c00",
  partial_outage: "#c77700",
  major_outage: "#b42318",
};

const DEFAULT_UPTIME_BADGE_DAYS = 30;

/** READMEs are read all day; a minute stale is fine, and a proxy may serve a stale badge while it fetches a new one. */
const BADGE_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
const SVG_CONTENT_TYPE = "image/svg+xml; charset=utf-8";

/** As far back as the public pages show uptime. */
const BadgeDays = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(UPTIME_BAR_DAYS));

/**
 * Two decimals, rounded down like the pages' uptime so that a badge never shows 100.00%
 * for a provider that failed at all. Badges are English, as their status words are.
 */
const uptimeText = (ratio: number) => `${(Math.floor(ratio * 10_000) / 100).toFixed(2)}%`;

const notFound = (slug: string) =>
  new Response(`There is no provider "${slug}".`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

const svgResponse = (request: Request, svg: string) => cacheableResponse(request, svg, { contentType: SVG_CONTENT_TYPE, cacheControl: BADGE_CACHE_CONTROL });

export function statusBadgeResponse(db: Db, request: Request, slug: string): Response {
  const provider = getProviderBadgeStatus(db, slug, Date.now());
  if (!provider) throw notFound(slug);
  return svgResponse(request, renderBadge({ label: provider.name, value: PROVIDER_STATUS_LABELS[provider.status], colour: STATUS_COLOURS[provider.status] }));
}

/** `?days=` from 1 to `UPTIME_BAR_DAYS`; anything else is a 400 that says so in one line. */
function badgeDays(request: Request): number {
  const raw = new URL(request.url).searchParams.get("days");
  if (raw === null) return DEFAULT_UPTIME_BADGE_DAYS;
  const parsed = BadgeDays.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Response(`days must be a whole number from 1 to ${UPTIME_BAR_DAYS}, not "${raw}".`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function uptimeBadgeResponse(db: Db, request: Request, slug: string): Response {
  const days = badgeDays(request);
  const provider = getProviderBadgeUptime(db, slug, days, Date.now());
  if (!provider) throw notFound(slug);
  return svgResponse(
    request,
    renderBadge({
      label: `${provider.name} uptime, ${days === 1 ? "today" : `${days} days`}`,
      value: provider.uptime === null ? "no data" : uptimeText(provider.uptime),
      colour: BAND_COLOURS[uptimeBand(provider.uptime)],
    }),
  );
}
