import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateKeyringSpec } from "../db/credentials/keyring";
import { runProcess, startProcess } from "./support/processes";

const dir = mkdtempSync(join(tmpdir(), "status-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// As a user runs it: in production mode, whatever mode the test runner is in.
const start = (env: Record<string, string>) =>
  startProcess(process.execPath, ["bin/start.mjs"], { NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env });

describe("npm start", () => {
  it("migrates, seeds an empty database with demo data and says so, serves the page, and stops on SIGTERM", async () => {
    const databaseUrl = `file:${join(dir, "first.sqlite")}`;
    const server = start({ DATABASE_URL: databaseUrl });
    const [, port] = await server.waitFor(/running at http:\/\/localhost:(\d+)/);
    expect(server.output()).toMatch(/migrations applied/);
    expect(server.output()).toMatch(/^\{"level":"info","time":"[^"]+","service":"shopiq-status","msg":"database ready at .*\}$/m);
    expect(server.output()).toMatch(/database was empty: seeded demo data .* 30 providers, 240 merchants/);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Partial outage of some integrations");
    // The log line is JSON: the link ends where its string does.
    const [, linkPath] = await server.waitFor(/own pages .*: http:\/\/localhost:\d+(\/merchant\/sso\?[^\s"]+)/);
    const signIn = await fetch(`http://127.0.0.1:${port}${linkPath}`, { redirect: "manual" });
    expect(signIn.status).toBe(302);
    const merchantPage = await fetch(`http://127.0.0.1:${port}/merchant`, { headers: { cookie: signIn.headers.get("set-cookie")!.split(";")[0]! } });
    expect(merchantPage.status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);

    const again = start({ DATABASE_URL: databaseUrl });
    await again.waitFor(/running at/);
    expect(again.output()).toMatch(/demo data not seeded: the database already has 30 providers and 240 merchants/);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  });

  it("leaves the demo out when SEED_DEMO=false, keeping the merchant guidance", async () => {
    const server = start({ DATABASE_URL: `file:${join(dir, "bare.sqlite")}`, SEED_DEMO: "false", CREDENTIAL_KEYS: generateKeyringSpec(), SESSION_SECRET: "a-long-random-session-secret-for-this-test", MERCHANT_SSO_SECRET: "the-platform-signs-links-with-this" });
    const [, port] = await server.waitFor(/running at http:\/\/localhost:(\d+)/);
    expect(server.output()).toMatch(/demo data not seeded \(SEED_DEMO=false\)/);
    expect(server.output()).not.toMatch(/merchant\/sso/);
    const help = await (await fetch(`http://127.0.0.1:${port}/help`)).text();
    expect(help).toContain("Provider downtime");
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain("All integrations operational");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("refuses a wrong environment with one clear line and a non-zero exit", async () => {
    const { code, output } = await runProcess(process.execPath, ["bin/start.mjs"], { PORT: "eighty", DATABASE_URL: `file:${join(dir, "x.sqlite")}` });
    expect(code).toBe(1);
    expect(output.trim()).toBe("[status] cannot start: invalid environment: PORT must be a whole number");
  });

  it("refuses to run without the credential key when the demo is off", async () => {
    const { code, output } = await runProcess(process.execPath, ["bin/start.mjs"], { SEED_DEMO: "false", DATABASE_URL: `file:${join(dir, "real.sqlite")}` });
    expect(code).toBe(1);
    expect(output.trim()).toMatch(/^\[status\] cannot start: CREDENTIAL_KEYS is required when the demo is off/);
  });

  it("refuses to run without the merchant link secret when the demo is off", async () => {
    const { code, output } = await runProcess(process.execPath, ["bin/start.mjs"], {
      SEED_DEMO: "false",
      DATABASE_URL: `file:${join(dir, "real.sqlite")}`,
      CREDENTIAL_KEYS: generateKeyringSpec(),
      SESSION_SECRET: "a-long-random-session-secret-for-this-test",
    });
    expect(code).toBe(1);
    expect(output.trim()).toMatch(/^\[status\] cannot start: MERCHANT_SSO_SECRET is required when the demo is off/);
  });
});
