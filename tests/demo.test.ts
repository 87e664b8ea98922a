import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { OUTAGE_ROTATION } from "../probes/demo/scenario";
import { startProcess } from "./support/processes";

const dir = mkdtempSync(join(tmpdir(), "status-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function page(baseUrl: string, path: string): Promise<string> {
  return (await fetch(`${baseUrl}${path}`)).text();
}

async function eventually<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the demo comes alive", () => {
  it("detects a simulated provider outage, shows the incident on the public page, and closes it after recovery", async () => {
    const path = join(dir, "demo.sqlite");
    copyFileSync(inject("demoTemplatePath"), path);
    // 50 times faster: a 20-minute round of the story takes 24 s, its outage 2.4 s.
    const app = startProcess(process.execPath, ["bin/start.mjs"], {
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${path}`,
      CREDENTIAL_KEYS: inject("demoKeyringSpec"),
      DEMO_TIME_SCALE: "0.02",
    });
    try {
      const [, port] = await app.waitFor(/running at http:\/\/localhost:(\d+)/);
      const baseUrl = `http://127.0.0.1:${port}`;
      expect(app.output()).toMatch(/demo mode: simulated providers at http:\/\/127\.0\.0\.1:\d+\//);

      const [incidentPath] = await eventually(
        "a detected incident on the status page",
        async () => {
          const found = (await page(baseUrl, "/")).match(/href="(\/incidents\/\d+)">([^<]+): failures detected/);
          return found ? ([found[1]!, found[2]!] as const) : null;
        },
        60_000,
      );
      const opened = await page(baseUrl, incidentPath);
      expect(opened).toMatch(/failed in the last \d+ minutes|our own checks of/);
      expect(opened).toContain("We are investigating.");
      expect(opened).toMatch(/<h2 id="what-to-do">What to do<\/h2>(?:(?!<\/section>).)*<li/s);

      await eventually(
        "the detected incident to resolve",
        async () => ((await page(baseUrl, incidentPath)).includes("This incident is resolved.") ? true : null),
        60_000,
      );
      // Gone from the open incidents; the day's uptime cell still names it, as it should.
      expect(await page(baseUrl, "/")).not.toContain(`href="${incidentPath}"`);
      const slug = app.output().match(/detection: ([a-z0-9-]+) opened/)?.[1];
      expect(OUTAGE_ROTATION).toContain(slug);
      expect(app.output()).toMatch(new RegExp(`detection: ${slug} resolved`));
    } finally {
      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
    }
  }, 120_000);
});
