import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn } from "~/auth/sign-in.server";
import { COMMAND_LINE_ACTOR } from "../../db/audit";
import { session } from "../../db/schema";
import { setUserDisabled } from "../../db/users/accounts";
import { LOGIN_THROTTLE } from "../../db/users/throttle";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { formAlert as message } from "../support/html";
import { addUser, Client, TEST_PASSWORD } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
beforeAll(async () => {
  t = guidanceDatabase();
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  t.close();
});

describe("signing in", () => {
  it("sends a signed-out visitor to the sign-in page and back to where they were going", async () => {
    const response = await new Client(server.baseUrl).get("/ops?from=mail");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fops%3Ffrom%3Dmail");
  });

  it("signs in with a session cookie that scripts cannot read, and signs out", async () => {
    await addUser(t.db, "asha@shopiq.example");
    const client = new Client(server.baseUrl);
    const response = await client.signIn("Asha@ShopIQ.example");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ops");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await client.get("/ops")).status).toBe(200);
    expect((await client.post("/logout", {})).status).toBe(302);
    expect((await client.get("/ops")).status).toBe(302);
  });

  it("marks the cookie Secure when served over HTTPS behind a proxy", async () => {
    await addUser(t.db, "ravi@shopiq.example");
    const response = await new Client(server.baseUrl).post(
      "/login",
      { email: "ravi@shopiq.example", password: TEST_PASSWORD },
      { "x-forwarded-proto": "https" },
    );
    expect(response.headers.get("set-cookie")).toMatch(/Secure/i);
  });

  it("says the same thing for a wrong password and for an account that does not exist", async () => {
    await addUser(t.db, "meera@shopiq.example");
    const wrong = await new Client(server.baseUrl).post("/login", { email: "meera@shopiq.example", password: "not the password" });
    const nobody = await new Client(server.baseUrl).post("/login", { email: "nobody@shopiq.example", password: "not the password" });
    expect(wrong.status).toBe(400);
    expect(nobody.status).toBe(400);
    expect(message(await wrong.text())).toBe("Email or password is incorrect.");
    expect(message(await nobody.text())).toBe("Email or password is incorrect.");
  });

  it("answers 400 with field errors and keeps the email typed", async () => {
    const response = await new Client(server.baseUrl).post("/login", { email: "not-an-email", password: "" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter the email address of your account.");
    expect(html).toContain("Enter your password.");
    expect(html).toContain('value="not-an-email"');
  });

  it("ends a disabled user's session at their next request", async () => {
    const user = await addUser(t.db, "kiran@shopiq.example");
    const client = new Client(server.baseUrl);
    await client.signIn("kiran@shopiq.example");
    expect((await client.get("/ops")).status).toBe(200);
    setUserDisabled(t.db, COMMAND_LINE_ACTOR, user.id, true, Date.now());
    expect((await client.get("/ops")).status).toBe(302);
    expect(t.db.select().from(session).all().some((s) => s.userId === user.id)).toBe(false);
    expect((await client.signIn("kiran@shopiq.example")).status).toBe(400);
  });
});

describe("throttling", () => {
  it("slows down after a few wrong passwords, locks after many, and recovers after the lock", async () => {
    await addUser(t.db, "dev@shopiq.example");
    const attempt = (password: string, nowMs: number) => attemptSignIn({ db: t.db }, { email: "dev@shopiq.example", password, address: "203.0.113.9" }, nowMs);
    const start = Date.now();
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) expect(await attempt("wrong", start)).toMatchObject({ ok: false, locked: false });
    const slowStarted = Date.now();
    await attempt("wrong", start);
    expect(Date.now() - slowStarted).toBeGreaterThanOrEqual(LOGIN_THROTTLE.firstDelayMs);
    for (let i = LOGIN_THROTTLE.freeFailures + 1; i < LOGIN_THROTTLE.lockAfterFailures; i++) await attempt("wrong", start);
    const locked = await attempt(TEST_PASSWORD, start + 1_000);
    expect(locked).toMatchObject({ ok: false, locked: true });
    expect(locked.ok ? "" : locked.message).toMatch(/^Too many attempts\. Sign-in is locked; try again in 15 minutes\.$/);
    expect(await attempt(TEST_PASSWORD, start + LOGIN_THROTTLE.lockMs + 1_000)).toMatchObject({ ok: true });
  }, 30_000);

  it("tells a locked visitor so over HTTP with 429", async () => {
    const client = new Client(server.baseUrl);
    const address = { "x-forwarded-for": "198.51.100.7" };
    let last: Response | null = null;
    for (let i = 0; i <= LOGIN_THROTTLE.lockAfterFailures; i++) {
      last = await client.post("/login", { email: "victim@shopiq.example", password: `guess-${i}` }, address);
    }
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain("Too many attempts.");
  }, 60_000);
});

describe("cross-site requests and headers", () => {
  it("refuses a POST from another site, or one that says nowhere", async () => {
    for (const headers of [{ origin: "https://evil.example" }, { origin: "null" }]) {
      const response = await fetch(`${server.baseUrl}/login`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: "email=a%40b.example&password=x",
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    const noOrigin = await fetch(`${server.baseUrl}/logout`, { method: "POST" });
    expect(noOrigin.status).toBe(403);
  });

  it("sends security headers, and the page's scripts carry the policy's nonce", async () => {
    const response = await fetch(`${server.baseUrl}/`);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await fetch(`${server.baseUrl}/`)).headers.get("content-security-policy")!;
    expect(again).not.toContain(nonce);
  });
});
