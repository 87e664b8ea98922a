// A flat, shields-style badge: "label | value" on two coloured halves with rounded
// corners, sized from the text so that it reads like the badges beside it in a README.

import { escapeXml } from "~/xml.server";
import { verdanaWidthPx } from "./verdana.server";

const HEIGHT_PX = 20;
const PADDING_X_PX = 5;
const CORNER_RADIUS_PX = 3;
/** Baselines of the text and of its shadow, one pixel lower. */
const TEXT_BASELINE_PX = 14;
const SHADOW_BASELINE_PX = 15;
const FONT_FAMILY = "Verdana,Geneva,DejaVu Sans,sans-serif";
/** Shields' grey, on which white text reads at 7.5:1. */
export const LABEL_COLOUR = "#555555";
const LIGHT_TEXT = "#ffffff";
/** The pages' ink (`--ink` in app.css). */
const DARK_TEXT = "#17202b";
/** WCAG's minimum contrast for normal text; 11px is normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** White or ink, whichever reads better on `background`, with a shadow that sets it off the way shields does. */
function textColoursOn(background: string): { text: string; shadow: string } {
  return contrastRatio(LIGHT_TEXT, background) >= contrastRatio(DARK_TEXT, background)
    ? { text: LIGHT_TEXT, shadow: "#010101" }
    : { text: DARK_TEXT, shadow: "#ffffff" };
}

/** Whole pixels, odd like shields', so that the centred text sits on the pixel grid. */
function textWidthPx(text: string): number {
  const width = Math.floor(verdanaWidthPx(text));
  return width % 2 === 0 ? width + 1 : width;
}

function textPair(text: string, centreX: number, width: number, background: string): string {
  const { text: fill, shadow } = textColoursOn(background);
  const content = escapeXml(text);
  return [
    `<text aria-hidden="true" x="${centreX}" y="${SHADOW_BASELINE_PX}" fill="${shadow}" fill-opacity=".3" textLength="${width}">${content}</text>`,
    `<text x="${centreX}" y="${TEXT_BASELINE_PX}" fill="${fill}" textLength="${width}">${content}</text>`,
  ].join("");
}

/** The badge's SVG document. `colour` is the value half's `#rrggbb` background. */
export function renderBadge(badge: { label: string; value: string; colour: string }): string {
  const labelTextWidth = textWidthPx(badge.label);
  const valueTextWidth = textWidthPx(badge.value);
  const labelWidth = labelTextWidth + 2 * PADDING_X_PX;
  const valueWidth = valueTextWidth + 2 * PADDING_X_PX;
  const width = labelWidth + valueWidth;
  const accessibleName = escapeXml(`${badge.label}: ${badge.value}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT_PX}" viewBox="0 0 ${width} ${HEIGHT_PX}" role="img" aria-label="${accessibleName}">`,
    `<title>${accessibleName}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT_PX}" rx="${CORNER_RADIUS_PX}" fill="#fff"/></clipPath>`,
    '<g clip-path="url(#r)">',
    `<rect width="${labelWidth}" height="${HEIGHT_PX}" fill="${LABEL_COLOUR}"/>`,
    `<rect x="${labelWidth}" width="${valueWidth}" height="${HEIGHT_PX}" fill="${badge.colour}"/>`,
    `<rect width="${width}" height="${HEIGHT_PX}" fill="url(#s)"/>`,
    "</g>",
    `<g text-anchor="middle" font-family="${FONT_FAMILY}" text-rendering="geometricPrecision" font-size="11">`,
    textPair(badge.label, labelWidth / 2, labelTextWidth, LABEL_COLOUR),
    textPair(badge.value, labelWidth + valueWidth / 2, valueTextWidth, badge.colour),
    "</g>",
    "</svg>",
    "",
  ].join("\n");
}
