import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, migrateDatabase, openDatabase } from "../db/client";
import { generateKeyringSpec, open as openSealed, parseKeyring } from "../db/credentials/keyring";
import { storeCredential } from "../db/credentials/store";
import { cause, checkResult, ingestToken, merchant, provider, subscriber } from "../db/schema";
import { subscribe } from "../db/subscriptions/subscribers";
import { seedGuidance } from "../db/seed";
import { addConnections, addProvider } from "./support/builders";
import { TEST_MERCHANT_SSO_SECRET } from "./support/loaders";
import { runProcess } from "./support/processes";
import { startServer } from "./support/server";

const dir = mkdtempSync(join(tmpdir(), "statusctl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const statusctl = (args: string[], env: Record<string, string> = {}) => runProcess(process.execPath, ["bin/statusctl.mjs", ...args], env);

describe("statusctl", () => {
  it("prints its help", async () => {
    const { code, output } = await statusctl(["--help"]);
    expect(code).toBe(0);
    expect(output).toMatch(/Usage: statusctl <command>/);
    expect(output).toMatch(/migrate/);
    expect(output).toMatch(/seed/);
  });

  it("exits non-zero with a one-line reason on an unknown command or option", async () => {
    for (const args of [["frobnicate"], ["seed", "--everything"]]) {
      const { code, output } = await statusctl(args);
      expect(code, args.join(" ")).toBe(2);
      expect(output.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(output).toMatch(/^statusctl: /);
    }
  });

  it("migrates and seeds the guidance into the database named by DATABASE_URL", async () => {
    const path = join(dir, "cli.sqlite");
    expect((await statusctl(["migrate"], { DATABASE_URL: `file:${path}` })).code).toBe(0);
    const seeded = await statusctl(["seed", "--guidance-only"], { DATABASE_URL: `file:${path}` });
    expect(seeded.code).toBe(0);
    expect(seeded.output).toMatch(/guidance: 6 categories, 15 causes/);
    const db = openDatabase(path);
    expect(db.select().from(cause).all()).toHaveLength(15);
    expect(db.select().from(provider).all()).toHaveLength(0);
    closeDatabase(db);
  });
});

describe("statusctl probe once, ingest-token, platform-token and credentials", () => {
  it("runs every enabled check once and prints what each saw", async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url === "/health" ? 200 : 503, { "content-type": "application/json" });
      res.end(req.url === "/health" ? '{"status":"ok"}' : '{"message":"Service temporarily unavailable"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = join(dir, "probe.sqlite");
    const catalogue = join(dir, "probe-catalogue.json");
    writeFileSync(
      catalogue,
      JSON.stringify({
        version: 1,
        categories: [{ slug: "payments", name: { en: "Payments" }, description: { en: "Payment gateways" } }],
        providers: [
          {
            slug: "acme-pay",
            name: "Acme Pay",
            category: "payments",
            checks: [
              { slug: "acme-pay-api", name: "API", kind: "http", config: { url: `${base}/health` } },
              { slug: "acme-pay-checkout", name: "Checkout", kind: "http", config: { url: `${base}/checkout` } },
            ],
          },
        ],
      }),
    );
    const env = { DATABASE_URL: `file:${path}`, CREDENTIAL_KEYS: generateKeyringSpec() };
    try {
      expect((await statusctl(["seed", "--guidance-only"], env)).code).toBe(0);
      expect((await statusctl(["catalog", "import", catalogue], env)).code).toBe(0);
      const { code, output } = await statusctl(["probe", "once"], env);
      expect(code).toBe(0);
      const lines = output.trim().split("\n");
      expect(lines[0]).toMatch(/^check\s+target\s+outcome\s+latency\s+cause$/);
      expect(lines.find((l) => l.startsWith("acme-pay-api "))).toMatch(/acme-pay\s+ok\s+\d+ ms$/);
      expect(lines.find((l) => l.startsWith("acme-pay-checkout "))).toMatch(/acme-pay\s+down\s+\d+ ms\s+provider-downtime$/);
      expect(lines.at(-1)).toBe("2 checks: 1 up, 1 down");
      const db = openDatabase(path);
      expect(db.select().from(checkResult).all()).toHaveLength(2);
      closeDatabase(db);
    } finally {
      server.close();
    }
  });

  it("creates an ingest token, prints it once and keeps only its hash", async () => {
    const path = join(dir, "tokens.sqlite");
    const { code, output } = await statusctl(["ingest-token", "create", "integration-layer"], { DATABASE_URL: `file:${path}` });
    expect(code).toBe(0);
    const token = output.split("\n").find((l) => l.startsWith("sqi_"))!;
    expect(token).toMatch(/^sqi_[A-Za-z0-9_-]{40,}$/);
    const db = openDatabase(path);
    const tokens = db.select().from(ingestToken).all();
    closeDatabase(db);
    expect(tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toContain(token);
  });

  it("creates a platform token with --name, prints it once and keeps only its hash", async () => {
    const path = join(dir, "platform-tokens.sqlite");
    const { code, output } = await statusctl(["platform-token", "create", "--name", "shopiq-prod"], { DATABASE_URL: `file:${path}` });
    expect(code).toBe(0);
    const token = output.split("\n").find((l) => l.startsWith("sqi_"))!;
    expect(token).toMatch(/^sqi_[A-Za-z0-9_-]{40,}$/);
    const db = openDatabase(path);
    const tokens = db.select().from(ingestToken).all();
    closeDatabase(db);
    expect(tokens).toEqual([expect.objectContaining({ name: "shopiq-prod", scope: "platform" })]);
    expect(JSON.stringify(tokens)).not.toContain(token);
  });

  it("explains platform-token on --help and refuses it without a usable --name", async () => {
    const help = await statusctl(["platform-token", "--help"]);
    expect(help.code).toBe(0);
    expect(help.output).toMatch(/Usage: statusctl platform-token create --name NAME/);
    const path = join(dir, "platform-refused.sqlite");
    for (const args of [["platform-token", "create"], ["platform-token", "create", "--name", "  "], ["platform-token", "make", "--name", "x"], ["platform-token", "create", "x"]]) {
      const { code, output } = await statusctl(args, { DATABASE_URL: `file:${path}` });
      expect(code, args.join(" ")).toBe(2);
      expect(output.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(output, args.join(" ")).toMatch(/^statusctl: /);
    }
  });

  it("reseals credentials with the new first key after a rotation", async () => {
    const path = join(dir, "rotate.sqlite");
    const oldSpec = generateKeyringSpec("k1");
    expect((await statusctl(["migrate"], { DATABASE_URL: `file:${path}` })).code).toBe(0);
    const db = openDatabase(path);
    seedGuidance(db);
    const { provider: p } = addProvider(db, "acme-pay");
    const [c] = addConnections(db, p.id, 1);
    storeCredential(db, parseKeyring(oldSpec), c!.connection.id, "secret-token");
    closeDatabase(db);
    const { code, output } = await statusctl(["credentials", "reseal"], { DATABASE_URL: `file:${path}`, CREDENTIAL_KEYS: `${generateKeyringSpec("k2")},${oldSpec}` });
    expect(code).toBe(0);
    expect(output.trim().split("\n")[0]).toBe('resealed 1 credentials with key "k2"');
    expect(output).not.toContain("secret-token");
  });

  it("reseals subscribers' link tokens and webhook secrets too, which then still open with the new key alone", async () => {
    const path = join(dir, "rotate-subscribers.sqlite");
    const oldSpec = generateKeyringSpec("k1");
    const newSpec = generateKeyringSpec("k2");
    expect((await statusctl(["migrate"], { DATABASE_URL: `file:${path}` })).code).toBe(0);
    const db = openDatabase(path);
    const made = subscribe(db, parseKeyring(oldSpec), { kind: "webhook", url: "https://hooks.example.com/status", locale: "en", providerIds: [] }, { clientAddress: "203.0.113.9", nowMs: Date.now() });
    closeDatabase(db);
    const { code, output } = await statusctl(["credentials", "reseal"], { DATABASE_URL: `file:${path}`, CREDENTIAL_KEYS: `${newSpec},${oldSpec}` });
    expect(code).toBe(0);
    expect(output).toContain(`resealed 1 subscribers' link tokens and webhook secrets with key "k2"`);
    const after = openDatabase(path);
    const [row] = after.select().from(subscriber).all();
    closeDatabase(after);
    const newKeyOnly = parseKeyring(newSpec);
    expect(made.ok && made.kind === "webhook").toBe(true);
    if (!made.ok || made.kind !== "webhook") return;
    expect(openSealed(newKeyOnly, row!.sealedSecret!)).toBe(made.secret);
    expect(openSealed(newKeyOnly, row!.sealedToken)).toBe(made.token);
  });
});

describe("statusctl merchant link", () => {
  const path = join(dir, "merchant-link.sqlite");
  const env = { DATABASE_URL: `file:${path}`, SEED_DEMO: "false", MERCHANT_SSO_SECRET: TEST_MERCHANT_SSO_SECRET };

  it("prints a one-time link that signs the merchant in on the server that shares the secret", async () => {
    const db = openDatabase(path);
    migrateDatabase(db);
    db.insert(merchant).values({ externalId: "store-101", name: "Lotus Handlooms" }).run();
    const server = await startServer(db);
    try {
      const { code, output } = await statusctl(["merchant", "link", "store-101", "--minutes", "5", "--base-url", `${server.baseUrl}/`], env);
      expect(code).toBe(0);
      const link = output.split("\n").find((l) => l.startsWith("http"))!;
      expect(link).toMatch(new RegExp(`^${server.baseUrl}/merchant/sso\\?m=store-101&exp=\\d+&n=[\\w-]+&sig=[0-9a-f]{64}$`));
      expect(Number(new URL(link).searchParams.get("exp")) * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60_000);
      expect(output).toContain("Lotus Handlooms");
      const first = await fetch(link, { redirect: "manual" });
      expect(first.status).toBe(302);
      expect(first.headers.get("location")).toBe("/merchant");
      expect((await fetch(link, { redirect: "manual" })).status).toBe(403);
    } finally {
      await server.close();
      closeDatabase(db);
    }
  });

  it("refuses an unknown merchant, a lifetime over an hour, a bad URL and a missing secret with one line", async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["merchant", "link", "store-999"], env, /no merchant has the platform id "store-999"/],
      [["merchant", "link", "store-101", "--minutes", "61"], env, /--minutes must be at most 60/],
      [["merchant", "link", "store-101", "--base-url", "ftp://example.com"], env, /--base-url must be an http or https URL/],
      [["merchant", "link"], env, /usage: merchant link ID/],
      [["merchant", "link", "store-101"], { DATABASE_URL: env.DATABASE_URL, SEED_DEMO: "false" }, /MERCHANT_SSO_SECRET is required/],
    ];
    for (const [args, withEnv, reason] of cases) {
      const { code, output } = await statusctl(args, withEnv);
      expect(code, args.join(" ")).toBe(2);
      expect(output.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(output, args.join(" ")).toMatch(reason);
    }
  });
});
