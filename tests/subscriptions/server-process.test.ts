import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyringSpec } from "../../db/credentials/keyring";
import { linkIn, startMailServer, type TestMailServer } from "../support/mail";
import { startProcess } from "../support/processes";

const dir = mkdtempSync(join(tmpdir(), "status-subscriptions-"));
let mail: TestMailServer;
beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(async () => {
  await mail.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the server", () => {
  it("runs the delivery worker: the confirmation email goes out through SMTP_URL with links to the server, and SIGTERM stops it cleanly", async () => {
    // The server itself, on the build the test run made (bin/start.mjs would rebuild when sources are newer).
    const server = startProcess(process.execPath, ["--import", "tsx", "server/main.ts"], {
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "status.sqlite")}`,
      SEED_DEMO: "false",
      PROBES: "off",
      CREDENTIAL_KEYS: generateKeyringSpec(),
      SESSION_SECRET: "a-long-random-session-secret-for-this-test",
      MERCHANT_SSO_SECRET: "the-platform-signs-links-with-this",
      SMTP_URL: mail.url,
    });
    try {
      const [, port] = await server.waitFor(/running at http:\/\/localhost:(\d+)/);
      await server.waitFor(/deliveries started: emails go to SMTP at 127\.0\.0\.1:\d+/);
      const base = `http://127.0.0.1:${port}`;
      const response = await fetch(`${base}/subscribe`, {
        method: "POST",
        headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams([["kind", "email"], ["email", "ops-lead@example.com"], ["locale", "en"], ["scope", "all"], ["website", ""]]).toString(),
      });
      expect(response.status).toBe(200);

      const confirmation = await mail.next(15_000);
      expect(confirmation.to).toEqual(["ops-lead@example.com"]);
      expect(confirmation.headers.get("from")).toBe("ShopIQ Integration Status <status@localhost>");
      const confirmUrl = linkIn(confirmation, `http://localhost:${port}/subscribe/confirm/`);
      expect((await fetch(confirmUrl.replace("localhost", "127.0.0.1"), { redirect: "manual" })).status).toBe(302);
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
  });
});
