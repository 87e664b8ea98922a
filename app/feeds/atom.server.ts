// An Atom 1.0 feed (RFC 4287). Every incident is one entry whose id is its page's URL, so
// a reader recognises it across polls and shows it again when `updated` moves.

import type { FeedDocument } from "./history-feed.server";
import { incidentContentHtml } from "./content.server";
import { escapeXml } from "~/xml.server";

/** RFC 3339, as Atom's date constructs require. */
const atomDate = (ms: number) => new Date(ms).toISOString();

export function atomFeed(feed: FeedDocument): string {
  const entries = feed.entries.map((incident) => {
    const url = `${feed.origin}/incidents/${incident.id}`;
    return [
      "  <entry>",
      `    <id>${escapeXml(url)}</id>`,
      `    <title type="text">${escapeXml(incident.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <published>${atomDate(incident.startedAtMs)}</published>`,
      `    <updated>${atomDate(incident.updatedAtMs)}</updated>`,
      ...incident.providers.map((p) => `    <category term="${escapeXml(p.slug)}" label="${escapeXml(p.name)}"/>`),
      `    <content type="html">${escapeXml(incidentContentHtml(incident, feed.origin))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.description)}</subtitle>`,
    `  <updated>${atomDate(feed.updatedAtMs)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  <author><name>${escapeXml(feed.siteName)}</name><uri>${escapeXml(`${feed.origin}/`)}</uri></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
