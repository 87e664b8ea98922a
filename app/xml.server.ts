// Writing text into XML. Escaping alone is not enough: control characters pasted into an
// update (a stray BEL, a vertical tab) are not allowed in XML 1.0 even as references, and
// one of them would make a whole feed unreadable, so they are dropped.

/** Everything outside XML 1.0's `Char` production, lone surrogates included. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe as element content or as a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
