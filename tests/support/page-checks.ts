import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Errors a page raises while it loads and hydrates, with its Content-Security-Policy enforced. */
export async function pageErrors(browser: Browser, url: string, prepare?: (page: Page) => Promise<void>): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await prepare?.(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await context.close();
  return errors;
}

/**
 * Serious and critical axe violations. axe is injected as an inline script, which the
 * site's policy rightly forbids, so this context bypasses the policy: only for the audit.
 */
export async function seriousViolations(browser: Browser, url: string, prepare?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(url);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  await context.close();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
