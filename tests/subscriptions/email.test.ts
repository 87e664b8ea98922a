import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, delivery, notificationEvent, subscriber, subscriberProvider } from "../../db/schema";
import { smtpMailSender } from "../../server/mail-sender";
import type { DeliveryWorker } from "../../server/deliveries";
import { addProvider } from "../support/builders";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { pageText } from "../support/html";
import { linkIn, startMailServer, type TestMailServer } from "../support/mail";
import { Client, signedInConsole } from "../support/ops";
import type { RunningServer } from "../support/server";
import { confirmedEmailSubscriber, TestClock, testWorker } from "../support/subscriptions";

let t: TestDatabase;
let mail: TestMailServer;
let server: RunningServer;
let ops: Client;
let worker: DeliveryWorker;
let razorpay: number;
let payu: number;

beforeAll(async () => {
  t = guidanceDatabase();
  razorpay = addProvider(t.db, "razorpay").provider.id;
  payu = addProvider(t.db, "payu").provider.id;
  mail = await startMailServer();
  ({ server, client: ops } = await signedInConsole(t.db, "ravi@shopiq.example"));
  worker = testWorker(t.db, new TestClock(), smtpMailSender(mail.url, "ShopIQ Integration Status <status@localhost>"), { publicBaseUrl: server.baseUrl, now: Date.now });
});
afterAll(async () => {
  await server.close();
  await mail.close();
  t.close();
});

// Each test speaks from its own address (the server trusts X-Forwarded-For from loopback), so the per-address limit is each test's own.
let clientAddress = "";
let addressCounter = 0;
beforeEach(() => {
  addressCounter += 1;
  clientAddress = `203.0.113.${addressCounter}`;
});

/** Posts a form as a browser on this site does: a field repeated for each ticked box. */
function post(path: string, fields: [string, string][], headers: Record<string, string> = { origin: server.baseUrl }): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": clientAddress, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const get = (path: string) => fetch(path.startsWith("http") ? path : `${server.baseUrl}${path}`, { redirect: "manual" });

const emailForm = (email: string, providerIds: number[] = [], locale = "en"): [string, string][] => [
  ["kind", "email"],
  ["email", email],
  ["url", ""],
  ["locale", locale],
  ["scope", providerIds.length === 0 ? "all" : "chosen"],
  ...providerIds.map((id): [string, string] => ["providerId", String(id)]),
  ["website", ""],
];

const counts = () => ({
  subscribers: t.db.select().from(subscriber).all().length,
  events: t.db.select().from(notificationEvent).all().length,
  deliveries: t.db.select().from(delivery).all().length,
});

const subscriberByEmail = (email: string) => t.db.select().from(subscriber).where(eq(subscriber.email, email)).get();

/** Opens an incident the way ops do, through the console's form. */
async function opsOpenIncident(title: string, providerId: number): Promise<void> {
  const response = await ops.post("/ops/incidents/new", {
    title,
    [`impact.${providerId}`]: "partial_outage",
    causeId: "",
    impactOverride: "",
    startedAt: "",
    status: "investigating",
    body: "Card payments fail for **some** merchants. Retry after 10 minutes.",
  });
  expect(response.status).toBe(302);
}

describe("subscribing by email", () => {
  it("confirms the address by its emailed link, then emails incidents in the subscriber's language with a working unsubscribe link", async () => {
    const page = await pageText(await get("/subscribe"));
    expect(page).toContain("Subscribe to updates");
    expect(page).toContain(`value="${razorpay}"`);

    const response = await post("/subscribe", emailForm("Meera@Example.com", [razorpay], "hi"));
    expect(response.status).toBe(200);
    const done = await pageText(response);
    expect(done).toContain("Check your inbox");
    expect(done).toContain("We sent a confirmation link to meera@example.com.");
    expect(subscriberByEmail("meera@example.com")).toMatchObject({ locale: "hi", confirmedAt: null });

    await worker.tick();
    const confirmation = await mail.next();
    expect(confirmation.to).toEqual(["meera@example.com"]);
    expect(confirmation.subject).toBe("ShopIQ Integration Status की सदस्यता की पुष्टि करें");
    expect(confirmation.text).toContain("कृपया पुष्टि करें कि आप Razorpay के बारे में");
    expect(confirmation.headers.get("list-unsubscribe")).toMatch(new RegExp(`^<${server.baseUrl}/subscribe/unsubscribe/[\\w-]+>$`));
    expect(confirmation.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    const confirmed = await get(linkIn(confirmation, `${server.baseUrl}/subscribe/confirm/`));
    expect(confirmed.status).toBe(302);
    const managePath = confirmed.headers.get("location")!;
    expect(managePath).toMatch(/^\/subscribe\/manage\/[\w-]+\?done=confirmed$/);
    expect(subscriberByEmail("meera@example.com")!.confirmedAt).not.toBeNull();
    expect(await pageText(await get(managePath))).toContain("Your subscription is confirmed.");

    await opsOpenIncident("Razorpay card payments failing", razorpay);
    await opsOpenIncident("PayU netbanking slow", payu);
    await worker.tick();
    const news = await mail.next();
    expect(news.subject).toBe("घटना: Razorpay card payments failing");
    expect(news.text).toContain("स्थिति: जाँच जारी है");
    expect(news.text).toContain("प्रभावित प्रोवाइडर: Razorpay (आंशिक आउटेज)");
    // What ops wrote is shown as they wrote it.
    expect(news.text).toContain("Card payments fail for **some** merchants. Retry after 10 minutes.");
    expect(news.text).toMatch(new RegExp(`${server.baseUrl}/incidents/\\d+`));
    expect(news.headers.get("x-shopiq-event")).toBe("incident.created");
    expect(news.headers.get("message-id")).toMatch(/^<delivery-\d+@127\.0\.0\.1>$/);
    // Only the provider she chose: nothing about PayU.
    expect(mail.received.filter((m) => m.subject.includes("PayU"))).toEqual([]);

    const unsubscribeUrl = linkIn(news, `${server.baseUrl}/subscribe/unsubscribe/`);
    const ask = await get(unsubscribeUrl);
    expect(ask.status).toBe(200);
    expect(await pageText(ask)).toContain("Stop all updates to meera@example.com?");
    // Opening the link alone unsubscribes nobody: mail scanners open links too.
    expect(subscriberByEmail("meera@example.com")).toBeDefined();
    const gone = await post(new URL(unsubscribeUrl).pathname, []);
    expect(gone.status).toBe(302);
    expect(gone.headers.get("location")).toBe("/subscribe?done=unsubscribed");
    expect(subscriberByEmail("meera@example.com")).toBeUndefined();
    expect(await pageText(await get("/subscribe?done=unsubscribed"))).toContain("You are unsubscribed");

    const before = mail.received.length;
    await opsOpenIncident("Razorpay refunds delayed", razorpay);
    await worker.tick();
    expect(mail.received).toHaveLength(before);
  });

  it("unsubscribes with one click from the mail client, which posts without this site's Origin", async () => {
    const { token } = confirmedEmailSubscriber(t.db, "one-click@example.com");
    const response = await post(`/subscribe/unsubscribe/${token}`, [["List-Unsubscribe", "One-Click"]], {});
    expect(response.status).toBe(302);
    expect(subscriberByEmail("one-click@example.com")).toBeUndefined();
  });

  it("says the same for an address already subscribed, and changes nothing until its owner uses their own link", async () => {
    confirmedEmailSubscriber(t.db, "asha@example.com", [razorpay]);
    await worker.tick();
    await mail.next();
    const response = await post("/subscribe", emailForm("asha@example.com"));
    expect(await pageText(response)).toContain("We sent a confirmation link to asha@example.com.");
    const asha = subscriberByEmail("asha@example.com")!;
    expect(t.db.select().from(subscriberProvider).where(eq(subscriberProvider.subscriberId, asha.id)).all()).toEqual([{ subscriberId: asha.id, providerId: razorpay }]);
    await worker.tick();
    const again = await mail.next();
    expect(again.subject).toBe("Your subscription to ShopIQ Integration Status");
    expect(again.text).toContain("This address already receives updates about Razorpay.");
    expect(again.text).toContain(`${server.baseUrl}/subscribe/manage/`);
    expect(again.text).not.toContain("/subscribe/confirm/");
  });

  it("answers 400 with the field errors, keeps what was typed, and writes nothing", async () => {
    const before = counts();
    const bad = await post("/subscribe", [["kind", "email"], ["email", "meera at example"], ["locale", "en"], ["scope", "chosen"], ["website", ""]]);
    expect(bad.status).toBe(400);
    const html = await pageText(bad);
    expect(html).toContain('<p id="email-error" class="field-error">Enter an email address, such as name@example.com.</p>');
    expect(html).toContain('<p id="providerIds-error" class="field-error">Choose at least one provider, or choose all providers.</p>');
    expect(html).toContain('value="meera at example"');
    expect(html).toMatch(/aria-invalid="true"[^>]*id="email"|id="email"[^>]*aria-invalid="true"/);

    const badUrl = await post("/subscribe", [["kind", "webhook"], ["url", "ftp://hooks.example.com/x"], ["locale", "en"], ["scope", "all"], ["website", ""]]);
    expect(badUrl.status).toBe(400);
    expect(await pageText(badUrl)).toContain("The URL must start with https:// (or http://).");

    const unknownProvider = await post("/subscribe", emailForm("reader@example.com", [987_654]));
    expect(unknownProvider.status).toBe(400);
    expect(await pageText(unknownProvider)).toContain("Choose providers from the list.");
    expect(counts()).toEqual(before);
  });

  it("refuses a form whose hidden honeypot field was filled in, writing nothing", async () => {
    const before = counts();
    const fields = emailForm("bot-target@example.com").map(([name, value]): [string, string] => [name, name === "website" ? "https://cheap-pills.example" : value]);
    const response = await post("/subscribe", fields);
    expect(response.status).toBe(400);
    expect(await pageText(response)).toContain("This form could not be accepted.");
    expect(counts()).toEqual(before);
  });

  it("limits requests per address: the fourth within the hour is refused with 429 and writes nothing", async () => {
    for (let i = 0; i < 3; i += 1) expect((await post("/subscribe", emailForm("flooded@example.com"))).status).toBe(200);
    const before = counts();
    const refused = await post("/subscribe", emailForm("flooded@example.com"));
    expect(refused.status).toBe(429);
    expect(await pageText(refused)).toMatch(/Too many subscription requests for this address or from your network\. Try again in \d+ minutes\./);
    expect(counts()).toEqual(before);
  });
});

describe("subscribing a webhook", () => {
  it("shows the signing secret once and keeps only a sealed copy", async () => {
    const response = await post("/subscribe", [["kind", "webhook"], ["email", ""], ["url", "https://hooks.example.com/shopiq"], ["locale", "en"], ["scope", "all"], ["website", ""]]);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await pageText(response);
    const secret = html.match(/data-testid="webhook-secret">(whsec_[\w-]+)</)?.[1];
    const manageUrl = html.match(/data-testid="manage-link">([^<]+)</)?.[1];
    expect(secret).toBeDefined();
    const row = t.db.select().from(subscriber).where(eq(subscriber.url, "https://hooks.example.com/shopiq")).get()!;
    expect(row.confirmedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(secret);
    const manage = await pageText(await get(manageUrl!));
    expect(manage).toContain("https://hooks.example.com/shopiq");
    expect(manage).not.toContain(secret);
  });
});

describe("a manage link", () => {
  it("changes only its own subscription; other tokens name nothing", async () => {
    const mine = confirmedEmailSubscriber(t.db, "mine@example.com", [razorpay]);
    const theirs = confirmedEmailSubscriber(t.db, "theirs@example.com", [razorpay]);
    const page = await pageText(await get(`/subscribe/manage/${mine.token}`));
    expect(page).toContain("mine@example.com");
    expect(page).not.toContain("theirs@example.com");

    const saved = await post(`/subscribe/manage/${mine.token}`, [["locale", "as"], ["scope", "chosen"], ["providerId", String(payu)]]);
    expect(saved.status).toBe(302);
    const providersOf = (id: number) => t.db.select({ id: subscriberProvider.providerId }).from(subscriberProvider).where(eq(subscriberProvider.subscriberId, id)).all().map((p) => p.id);
    expect(providersOf(mine.id)).toEqual([payu]);
    expect(subscriberByEmail("mine@example.com")!.locale).toBe("as");
    expect(providersOf(theirs.id)).toEqual([razorpay]);
    expect(subscriberByEmail("theirs@example.com")!.locale).toBe("en");

    const invalid = await post(`/subscribe/manage/${mine.token}`, [["locale", "fr"], ["scope", "all"]]);
    expect(invalid.status).toBe(400);
    expect(subscriberByEmail("mine@example.com")!.locale).toBe("as");

    const forged = "x".repeat(43);
    expect((await get(`/subscribe/manage/${forged}`)).status).toBe(404);
    expect((await post(`/subscribe/manage/${forged}`, [["locale", "en"], ["scope", "all"]])).status).toBe(404);
    expect((await get(`/subscribe/confirm/${forged}`)).status).toBe(404);
    expect((await get(`/subscribe/unsubscribe/${forged}`)).status).toBe(404);
    expect(subscriberByEmail("theirs@example.com")).toBeDefined();
  });
});

describe("the ops console", () => {
  it("lists subscribers with their state, shows each delivery log, re-enables and deletes, and keeps it all behind sign-in", async () => {
    const { id } = confirmedEmailSubscriber(t.db, "logged@example.com");
    // Sends its confirmation email, and whatever earlier tests left queued (one per subscriber per round).
    while ((await worker.tick()) > 0);
    t.db.update(subscriber).set({ disabledAt: new Date(), disabledReason: "3 deliveries in a row failed after every retry." }).where(eq(subscriber.id, id)).run();

    expect((await new Client(server.baseUrl).get("/ops/subscribers")).status).toBe(302);
    const list = await pageText(await ops.get("/ops/subscribers?q=logged"));
    expect(list).toContain("logged@example.com");
    expect(list).toContain("Disabled");
    expect(list).not.toContain("mine@example.com");

    const detail = await pageText(await ops.get(`/ops/subscribers/${id}`));
    expect(detail).toContain("Disabled: 3 deliveries in a row failed after every retry.");
    expect(detail).toContain("Confirmation email");
    expect(detail).toMatch(/data-delivery-state="delivered"/);

    const enabled = await ops.post(`/ops/subscribers/${id}`, { intent: "enable" });
    expect(enabled.status).toBe(302);
    expect(subscriberByEmail("logged@example.com")!.disabledAt).toBeNull();
    const deleted = await ops.post(`/ops/subscribers/${id}`, { intent: "delete" });
    expect(deleted.headers.get("location")).toBe("/ops/subscribers");
    expect(subscriberByEmail("logged@example.com")).toBeUndefined();
    const audited = t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "subscriber")).all().map((a) => a.action);
    expect(audited).toEqual(["subscriber.enable", "subscriber.delete"]);
  });
});
