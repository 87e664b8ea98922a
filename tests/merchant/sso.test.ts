import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { merchant, merchantSession } from "../../db/schema";
import { MINUTE_MS } from "../../db/time";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { signedMerchantPath } from "../support/merchant";
import { addUser, Client } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
let otherStoreId: number;
beforeAll(async () => {
  t = guidanceDatabase();
  t.db.insert(merchant).values({ externalId: "store-101", name: "Lotus Handlooms" }).run();
  otherStoreId = t.db.insert(merchant).values({ externalId: "store-202", name: "Brahmaputra Teas" }).returning().get().id;
  server = await startServer(t.db);
});
afterAll(async () => {
  await server.close();
  t.close();
});

/** Follows a link like a browser that has just been handed it: no cookie yet. */
async function open(path: string, client = new Client(server.baseUrl)) {
  const response = await client.get(path);
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) client.cookie = setCookie.split(";")[0]!;
  return { response, client };
}

describe("signing in with the platform's link", () => {
  it("starts a session for the merchant the link names, in a cookie scripts cannot read", async () => {
    const { response, client } = await open(signedMerchantPath("store-101"));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/merchant");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^merchant_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await client.get("/merchant");
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("Lotus Handlooms");
    expect(html).not.toContain("Brahmaputra Teas");
  });

  it("marks the cookie Secure behind a proxy that serves HTTPS", async () => {
    const response = await new Client(server.baseUrl).get(signedMerchantPath("store-101"), { "x-forwarded-proto": "https" });
    expect(response.headers.get("set-cookie")).toMatch(/Secure/i);
  });

  it("refuses an expired link with a page that says so, and no session", async () => {
    const { response } = await open(signedMerchantPath("store-101", { nowMs: Date.now() - 11 * MINUTE_MS }));
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await pageText(response)).toContain("This sign-in link has expired");
  });

  it("refuses a link whose merchant id was swapped for another's, showing nothing of either", async () => {
    const tampered = signedMerchantPath("store-101").replace("m=store-101", "m=store-202");
    const { response } = await open(tampered);
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await pageText(response);
    expect(html).toContain("it was changed after ShopIQ made it");
    expect(html).not.toContain("Brahmaputra Teas");
    expect(html).not.toContain("Lotus Handlooms");
  });

  it("refuses an incomplete link with 400", async () => {
    const { response } = await open("/merchant/sso?m=store-101");
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("This sign-in link is incomplete");
  });

  it("works once: the same link after sign-out is refused as used", async () => {
    const path = signedMerchantPath("store-101");
    const { client } = await open(path);
    expect((await client.get("/merchant")).status).toBe(200);
    const signOut = await client.post("/merchant/sign-out", {});
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("location")).toBe("/merchant/signed-out");
    expect((await client.get("/merchant")).status).toBe(401);
    const replay = await open(path, client);
    expect(replay.response.status).toBe(403);
    expect(await pageText(replay.response)).toContain("already been used");
    expect((await client.get("/merchant")).status).toBe(401);
  });

  it("ends the session on our side at sign-out: the old cookie no longer opens anything", async () => {
    const { client } = await open(signedMerchantPath("store-101"));
    const stolen = client.cookie;
    await client.post("/merchant/sign-out", {});
    const thief = new Client(server.baseUrl);
    thief.cookie = stolen;
    expect((await thief.get("/merchant")).status).toBe(401);
  });
});

describe("whose pages a session opens", () => {
  it("asks a visitor without a session to come from ShopIQ, and shows no merchant's data", async () => {
    const response = await new Client(server.baseUrl).get("/merchant");
    expect(response.status).toBe(401);
    const html = await pageText(response);
    expect(html).toContain("Open your integration status from your ShopIQ dashboard");
    expect(html).not.toContain("Lotus Handlooms");
    expect((await new Client(server.baseUrl).get(`/merchant?merchant=${otherStoreId}`)).status).toBe(401);
  });

  it("keeps a merchant on their own pages when they put another merchant's id in the URL", async () => {
    const { client } = await open(signedMerchantPath("store-101"));
    const response = await client.get(`/merchant?merchant=${otherStoreId}`);
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toContain("Lotus Handlooms");
    expect(html).not.toContain("Brahmaputra Teas");
  });

  it("does not let a merchant's cookie into the ops console", async () => {
    const { client } = await open(signedMerchantPath("store-101"));
    const response = await client.get("/ops");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  it("lets signed-in ops open any merchant's pages read-only, from the merchants list", async () => {
    await addUser(t.db, "ops-viewer@shopiq.example");
    const ops = new Client(server.baseUrl);
    await ops.signIn("ops-viewer@shopiq.example");
    expect((await ops.get("/merchant")).headers.get("location")).toBe("/ops/merchants");
    const list = await pageText(await ops.get("/ops/merchants?q=teas"));
    expect(list).toContain(`href="/merchant?merchant=${otherStoreId}"`);
    expect(list).not.toContain("Lotus Handlooms");
    const view = await ops.get(`/merchant?merchant=${otherStoreId}`);
    expect(view.status).toBe(200);
    const html = await pageText(view);
    expect(html).toContain("Brahmaputra Teas");
    expect(html).toContain("read-only");
    expect(html).not.toContain("Sign out</button>");
    expect((await ops.get("/merchant?merchant=999999")).status).toBe(404);
    expect((await ops.get("/merchant?merchant=abc")).status).toBe(404);
  });

  it("keeps sessions in the database so that deleting a merchant ends them", async () => {
    const gone = t.db.insert(merchant).values({ externalId: "store-303", name: "Closing Down Sale Co" }).returning().get();
    const { client } = await open(signedMerchantPath("store-303"));
    expect((await client.get("/merchant")).status).toBe(200);
    t.db.delete(merchant).where(eq(merchant.id, gone.id)).run();
    expect(t.db.select().from(merchantSession).all().some((s) => s.merchantId === gone.id)).toBe(false);
    expect((await client.get("/merchant")).status).toBe(401);
  });
});
