// A deliberately small Markdown dialect for incident text that ops type and merchants
// read. It builds React elements, never an HTML string, so whatever is typed (tags,
// entities, event-handler attributes) reaches the page as text; the only attribute that
// comes from the text is a link's href, and only after its scheme is checked.

import { Fragment, type ReactNode } from "react";

const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

const BULLET_ITEM = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED_ITEM = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)\S/;
/** `[text](url)`, where the url may hold one level of balanced parentheses (Wikipedia-style). */
const LINK = /^\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/;
const ESCAPABLE = /[\\`*_[\]()#+\-.!<>]/;

/**
 * The href for a link, or null when it must stay text. Control characters and spaces are
 * refused before parsing because browsers drop some of them ("java\tscript:").
 */
function safeHref(url: string): string | null {
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return null;
  try {
    const parsed = new URL(url);
    return SAFE_LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

type Block = { kind: "paragraph"; lines: string[] } | { kind: "list"; ordered: boolean; start: number; items: string[][] };

/**
 * Paragraphs are separated by blank lines and keep their line breaks; a line starting with
 * `-`, `*`, `+` or `1.` is a list item, and an indented line continues the item above it.
 */
function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of source.split(/\r\n|\r|\n/)) {
    const bullet = BULLET_ITEM.exec(line);
    const numbered = bullet ? null : NUMBERED_ITEM.exec(line);
    if (line.trim() === "") {
      current = null;
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      const text = (bullet?.[1] ?? numbered?.[2] ?? "").trim();
      if (current?.kind === "list" && current.ordered === ordered) {
        current.items.push([text]);
      } else {
        current = { kind: "list", ordered, start: numbered ? Number(numbered[1]) : 1, items: [[text]] };
        blocks.push(current);
      }
    } else if (current?.kind === "list" && CONTINUATION.test(line)) {
      current.items[current.items.length - 1]!.push(line.trim());
    } else if (current?.kind === "paragraph") {
      current.lines.push(line.trim());
    } else {
      current = { kind: "paragraph", lines: [line.trim()] };
      blocks.push(current);
    }
  }
  return blocks;
}

/** Emphasis needs text right inside its markers, as in CommonMark: `2 * 3 * 4` stays as typed. */
function closingMarker(text: string, from: number, marker: string): number {
  if (from >= text.length || /\s/.test(text[from]!)) return -1;
  for (let i = text.indexOf(marker, from + 1); i !== -1; i = text.indexOf(marker, i + 1)) {
    const isolated = marker !== "*" || (text[i + 1] !== "*" && text[i - 1] !== "*");
    if (isolated && !/[\s\\]/.test(text[i - 1]!)) return i;
  }
  return -1;
}

function renderInline(text: string, inLink = false): ReactNode[] {
  const nodes: ReactNode[] = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push(plain);
    plain = "";
  };
  const push = (node: ReactNode) => {
    flush();
    nodes.push(<Fragment key={nodes.length}>{node}</Fragment>);
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const rest = text.slice(i);
    if (char === "\\" && ESCAPABLE.test(text[i + 1] ?? "")) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (char === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        push(<code>{text.slice(i + 1, end)}</code>);
        i = end + 1;
        continue;
      }
    }
    if (char === "[" && !inLink) {
      const link = LINK.exec(rest);
      const href = link ? safeHref(link[2]!) : null;
      if (link && href) {
        push(
          <a href={href} rel="noopener noreferrer">
            {renderInline(link[1]!, true)}
          </a>,
        );
        i += link[0].length;
        continue;
      }
      if (link) {
        // A refused link is shown exactly as typed, so readers see what was attempted.
        plain += link[0];
        i += link[0].length;
        continue;
      }
    }
    if (rest.startsWith("**")) {
      const end = closingMarker(text, i + 2, "**");
      if (end !== -1) {
        push(<strong>{renderInline(text.slice(i + 2, end), inLink)}</strong>);
        i = end + 2;
        continue;
      }
      // Unpaired, the two stars are text: neither may open an italic.
      plain += "**";
      i += 2;
      continue;
    }
    if (char === "*" && text[i + 1] !== "*") {
      const end = closingMarker(text, i + 1, "*");
      if (end !== -1) {
        push(<em>{renderInline(text.slice(i + 1, end), inLink)}</em>);
        i = end + 1;
        continue;
      }
    }
    plain += char;
    i += 1;
  }
  flush();
  return nodes;
}

/** Lines of inline Markdown with their breaks kept. */
function renderLines(lines: string[]): ReactNode[] {
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {renderInline(line)}
    </Fragment>
  ));
}

/** Markdown text as paragraphs and lists. */
export function Markdown({ source }: { source: string }) {
  return (
    <>
      {parseBlocks(source).map((block, i) => {
        if (block.kind === "paragraph") return <p key={i}>{renderLines(block.lines)}</p>;
        const items = block.items.map((lines, j) => <li key={j}>{renderLines(lines)}</li>);
        if (!block.ordered) return <ul key={i}>{items}</ul>;
        return (
          <ol key={i} start={block.start === 1 ? undefined : block.start}>
            {items}
          </ol>
        );
      })}
    </>
  );
}

/**
 * The same text for a one-line context such as a card (inside a `<p>`): emphasis, code
 * and links are kept, blocks are not, and line breaks become `<br>`.
 */
export function InlineMarkdown({ source }: { source: string }) {
  return <>{renderLines(source.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== ""))}</>;
}
