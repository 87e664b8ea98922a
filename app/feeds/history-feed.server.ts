// The history feeds, all incidents or one provider's, in Atom or RSS: the data, the
// absolute URLs a feed must carry, and the cacheable response.

import type { Db } from "../../db/client";
import { feedStartedAtMs, findFeedProvider, listFeedIncidents, type FeedIncident } from "../../db/feeds/incidents";
import { cacheableResponse } from "~/cacheable-response.server";
import { atomFeed } from "./atom.server";
import { rssFeed } from "./rss.server";

const FEED_FORMATS = {
  atom: { extension: "atom", contentType: "application/atom+xml; charset=utf-8", render: atomFeed },
  rss: { extension: "rss", contentType: "application/rss+xml; charset=utf-8", render: rssFeed },
} as const;
type FeedFormat = keyof typeof FEED_FORMATS;

/** Readers poll often; a minute old is fresh enough for a status feed, and ETags make the rest cheap. */
const FEED_CACHE_CONTROL = "public, max-age=60";

const SITE_NAME = "ShopIQ Integration Status";

export interface FeedDocument {
  title: string;
  description: string;
  /** The page the feed mirrors. */
  pageUrl: string;
  /** The feed itself: its Atom id and its rel="self" link. */
  selfUrl: string;
  /** The newest entry's `updatedAtMs`, or when the feed began while it has none. */
  updatedAtMs: number;
  siteName: string;
  /** Where links inside entries point: absolute, since readers show entries away from this site. */
  origin: string;
  entries: FeedIncident[];
}

function feedDocument(db: Db, origin: string, format: FeedFormat, providerSlug?: string): FeedDocument | null {
  const { extension } = FEED_FORMATS[format];
  const provider = providerSlug === undefined ? null : findFeedProvider(db, providerSlug);
  if (providerSlug !== undefined && provider === null) return null;
  const entries = listFeedIncidents(db, providerSlug);
  const updatedAtMs = entries.length > 0 ? Math.max(...entries.map((e) => e.updatedAtMs)) : (feedStartedAtMs(db, providerSlug) ?? 0);
  if (provider === null) {
    return {
      title: `Incident history · ${SITE_NAME}`,
      description: "Incidents affecting the payment, logistics, messaging, analytics, advertising and marketplace integrations ShopIQ stores use, with every update.",
      pageUrl: `${origin}/history`,
      selfUrl: `${origin}/history.${extension}`,
      updatedAtMs,
      siteName: SITE_NAME,
      origin,
      entries,
    };
  }
  const path = `/providers/${encodeURIComponent(provider.slug)}`;
  return {
    title: `${provider.name} incidents · ${SITE_NAME}`,
    description: `Incidents affecting ${provider.name} for ShopIQ stores, with every update.`,
    pageUrl: `${origin}${path}`,
    selfUrl: `${origin}${path}/history.${extension}`,
    updatedAtMs,
    siteName: SITE_NAME,
    origin,
    entries,
  };
}

/** A history feed for a loader; an unknown provider is a 404. */
export function historyFeedResponse(db: Db, request: Request, format: FeedFormat, providerSlug?: string): Response {
  const feed = feedDocument(db, new URL(request.url).origin, format, providerSlug);
  if (!feed) throw new Response(`There is no provider "${providerSlug}".`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { contentType, render } = FEED_FORMATS[format];
  return cacheableResponse(request, render(feed), { contentType, cacheControl: FEED_CACHE_CONTROL });
}
