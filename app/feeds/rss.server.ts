// An RSS 2.0 feed, for readers that take nothing else. Each incident is one item whose
// guid is its page's permanent URL; its pubDate is its latest update, so the order of the
// items and their dates agree.

import type { FeedDocument } from "./history-feed.server";
import { incidentContentHtml } from "./content.server";
import { escapeXml } from "~/xml.server";

/** RFC 822 with a four-digit year, as RSS 2.0 asks: "Tue, 03 Nov 2026 08:35:00 GMT". */
const rssDate = (ms: number) => new Date(ms).toUTCString();

export function rssFeed(feed: FeedDocument): string {
  const items = feed.entries.map((incident) => {
    const url = escapeXml(`${feed.origin}/incidents/${incident.id}`);
    return [
      "    <item>",
      `      <title>${escapeXml(incident.title)}</title>`,
      `      <link>${url}</link>`,
      `      <guid isPermaLink="true">${url}</guid>`,
      `      <pubDate>${rssDate(incident.updatedAtMs)}</pubDate>`,
      ...incident.providers.map((p) => `      <category>${escapeXml(p.name)}</category>`),
      `      <description>${escapeXml(incidentContentHtml(incident, feed.origin))}</description>`,
      "    </item>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.pageUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    "    <language>en</language>",
    `    <lastBuildDate>${rssDate(feed.updatedAtMs)}</lastBuildDate>`,
    `    <atom:link rel="self" type="application/rss+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
