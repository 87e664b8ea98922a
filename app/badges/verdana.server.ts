// How wide text is in 11px Verdana, the font shields-style badges are drawn in, from a
// table of the font's advance widths: the server has no fonts to measure with, and the
// badge must be sized before any browser sees it. The SVG also gives each text its
// `textLength`, so a reader's fallback font (Geneva, DejaVu Sans) is fitted to the box.

/** Verdana's advance widths for the printable ASCII characters from space (U+0020) on, in thousandths of an em. */
const ADVANCE_PER_MILLE_FROM_SPACE = [
  352, 394, 459, 818, 636, 1076, 727, 269, 454, 454, 636, 818, 364, 454, 364, 454, // space ! " # $ % & ' ( ) * + , - . /
  636, 636, 636, 636, 636, 636, 636, 636, 636, 636, // 0-9
  454, 454, 818, 818, 818, 545, 1000, // : ; < = > ? @
  684, 686, 698, 771, 632, 575, 775, 751, 421, 455, 693, 557, 843, // A-M
  748, 787, 603, 787, 695, 684, 616, 732, 684, 989, 685, 615, 685, // N-Z
  454, 454, 454, 818, 636, 636, // [ \ ] ^ _ `
  601, 623, 521, 623, 596, 352, 623, 633, 274, 344, 592, 274, 973, // a-m
  633, 607, 623, 623, 427, 521, 394, 633, 592, 818, 592, 592, 525, // n-z
  635, 454, 635, 818, // { | } ~
] as const;

const FIRST_CODE_POINT = 0x20;
const FONT_SIZE_PX = 11;
/**
 * Outside the table a character counts as a full em, wider than any letter in it: a badge
 * that is a little too wide stretches its text, one too narrow would squeeze it unreadable.
 */
const UNKNOWN_PER_MILLE = 1000;

/** The width of `text` in 11px Verdana, in pixels. */
export function verdanaWidthPx(text: string): number {
  let perMille = 0;
  for (const char of text) {
    perMille += ADVANCE_PER_MILLE_FROM_SPACE[char.codePointAt(0)! - FIRST_CODE_POINT] ?? UNKNOWN_PER_MILLE;
  }
  return (perMille * FONT_SIZE_PX) / 1000;
}
