// Reading XML the strict way: Chromium's DOMParser refuses a document that is not
// well-formed, as feed readers do, and hands back a plain tree for tests to query.

import type { Browser, Page } from "playwright-core";

export interface XmlNode {
  /** The local name, without a prefix. */
  name: string;
  namespace: string | null;
  attributes: Record<string, string>;
  /** The element's own text (its text and CDATA children), entities decoded. */
  text: string;
  children: XmlNode[];
}

export type XmlType = "application/xml" | "image/svg+xml";

/** A blank page to parse in; one per browser is enough. */
export async function parserPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto("about:blank");
  return page;
}

/** The document's root element, or a thrown error with Chromium's reason when it is not well-formed. */
export async function parseXml(page: Page, source: string, type: XmlType = "application/xml"): Promise<XmlNode> {
  const parsed = await page.evaluate(
    ({ source, type }) => {
      const doc = new DOMParser().parseFromString(source, type);
      const failure = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "parsererror")[0];
      if (failure) return { error: failure.textContent ?? "not well-formed" };
      interface Node {
        name: string;
        namespace: string | null;
        attributes: Record<string, string>;
        text: string;
        children: Node[];
      }
      const tree = (element: Element): Node => ({
        name: element.localName,
        namespace: element.namespaceURI,
        attributes: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
        text: [...element.childNodes]
          .filter((n) => n.nodeType === 3 || n.nodeType === 4)
          .map((n) => n.nodeValue ?? "")
          .join(""),
        children: [...element.children].map(tree),
      });
      return { root: tree(doc.documentElement) };
    },
    { source, type },
  );
  if ("error" in parsed) throw new Error(`not well-formed XML: ${parsed.error}`);
  return parsed.root;
}

/** The text of an HTML fragment and the elements in it, as a browser parses it. */
export async function readHtml(page: Page, html: string): Promise<{ text: string; elements: string[] }> {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    return { text: doc.body.textContent ?? "", elements: [...doc.body.querySelectorAll("*")].map((e) => e.localName) };
  }, html);
}

/** Children called `name` in `namespace`, by default the parent's own: RSS's `<link>`, not the `<atom:link>` beside it. */
export const childrenNamed = (node: XmlNode, name: string, namespace = node.namespace) =>
  node.children.filter((c) => c.name === name && c.namespace === namespace);

/** The one child called `name` in the parent's namespace; fails when there is none or more than one. */
export function onlyChild(node: XmlNode, name: string): XmlNode {
  const found = childrenNamed(node, name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}> children, not exactly one`);
  return found[0]!;
}
