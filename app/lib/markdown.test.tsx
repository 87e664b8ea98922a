import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineMarkdown, Markdown } from "./markdown";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);
const inline = (source: string) => renderToStaticMarkup(<InlineMarkdown source={source} />);

describe("Markdown", () => {
  it("renders paragraphs with their line breaks, emphasis and code", () => {
    expect(html("We are **investigating** failed *UPI* payments.\nCards work.\n\nUse `order_id` to check.")).toBe(
      "<p>We are <strong>investigating</strong> failed <em>UPI</em> payments.<br/>Cards work.</p><p>Use <code>order_id</code> to check.</p>",
    );
  });

  it("renders bullet and numbered lists, with indented lines continuing an item", () => {
    expect(html("Affected:\n- Razorpay\n- PayU\n  checkout only\n\n3. Retry\n4. Wait")).toBe(
      '<p>Affected:</p><ul><li>Razorpay</li><li>PayU<br/>checkout only</li></ul><ol start="3"><li>Retry</li><li>Wait</li></ol>',
    );
  });

  it("links http, https and mailto URLs with rel=noopener noreferrer", () => {
    expect(html("See [Razorpay status](https://status.razorpay.com/) or [mail us](mailto:ops@shopiq.example).")).toBe(
      '<p>See <a href="https://status.razorpay.com/" rel="noopener noreferrer">Razorpay status</a> or <a href="mailto:ops@shopiq.example" rel="noopener noreferrer">mail us</a>.</p>',
    );
    expect(html("[wiki](https://en.wikipedia.org/wiki/UPI_(payment))")).toContain('href="https://en.wikipedia.org/wiki/UPI_(payment)"');
  });

  it("leaves markers without a partner, arithmetic and escaped markers as typed", () => {
    expect(html("2 * 3 * 4 and **not closed and \\*literal\\*")).toBe("<p>2 * 3 * 4 and **not closed and *literal*</p>");
  });

  it("keeps inline formatting but no blocks in its one-line form", () => {
    expect(inline("**Fixed**.\n\n- retry")).toBe("<strong>Fixed</strong>.<br/>- retry");
  });
});

describe("Markdown safety", () => {
  const inert = (output: string) => {
    expect(output).not.toMatch(/<script/i);
    expect(output).not.toMatch(/<img/i);
    expect(output).not.toMatch(/<iframe/i);
    expect(output).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(output).not.toMatch(/href="(?!https?:|mailto:)/i);
  };

  it("shows raw HTML and script as text", () => {
    const output = html('<script>alert("x")</script>\n<b onclick="steal()">bold</b>');
    inert(output);
    expect(output).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br/>&lt;b onclick=&quot;steal()&quot;&gt;bold&lt;/b&gt;</p>",
    );
  });

  it("shows event-handler attributes as text, also inside links and emphasis", () => {
    const output = html('**<img src=x onerror="alert(1)">** [<svg onload=alert(1)>](https://example.com/)');
    inert(output);
    expect(output).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(output).toContain('<a href="https://example.com/" rel="noopener noreferrer">&lt;svg onload=alert(1)&gt;</a>');
  });

  it("refuses javascript:, data:, vbscript: and disguised schemes, showing the link as typed", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(document.cookie)",
      "java\tscript:alert(1)",
      "&#106;avascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "//evil.example/",
      "/relative/path",
    ]) {
      const output = html(`[click me](${url})`);
      inert(output);
      expect(output, url).not.toContain("<a");
      expect(output, url).toContain("click me");
    }
  });

  it("does not let a URL break out of its attribute", () => {
    const output = html('[x](https://example.com/"onmouseover="alert(1))');
    inert(output);
    expect(output).toContain('href="https://example.com/%22onmouseover=%22alert(1)"');
  });
});
