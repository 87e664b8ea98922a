import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE_ACTOR } from "../../db/audit";
import { auditLog, user } from "../../db/schema";
import { changeUserDisabled, changeUserRole } from "../../db/users/admin";
import { guidanceDatabase, type TestDatabase } from "../support/database";
import { formAlert as alert } from "../support/html";
import { addUser, Client, signedInConsole } from "../support/ops";
import { startServer, type RunningServer } from "../support/server";

let t: TestDatabase;
let server: RunningServer;
/** Signed in as the first admin for the whole file. */
let admin: Client;
let adminId: number;

beforeAll(async () => {
  t = guidanceDatabase();
  ({ server, client: admin, user: { id: adminId } } = await signedInConsole(t.db, "admin@shopiq.example", "admin"));
});
afterAll(async () => {
  await server.close();
  t.close();
});

const find = (email: string) => t.db.select().from(user).where(eq(user.email, email)).get();
const auditCount = () => t.db.select().from(auditLog).all().length;
const status = (html: string) => html.match(/<div class="form-success" role="status"><p>([^<]*)<\/p>/)?.[1];
const inviteLink = (html: string) => html.match(/value="(http:\/\/[^"]+\/invite\/[^"]+)"/)?.[1];

async function signedIn(email: string): Promise<Client> {
  const client = new Client(server.baseUrl);
  expect((await client.signIn(email)).status).toBe(302);
  return client;
}

let counter = 0;
const fresh = (prefix: string) => `${prefix}-${(counter += 1)}@shopiq.example`;

describe("who may open /ops/users", () => {
  it("sends a signed-out visitor to sign in and back, for the page and for a change", async () => {
    const visitor = new Client(server.baseUrl);
    for (const response of [await visitor.get("/ops/users"), await visitor.post("/ops/users", { intent: "invite", email: "x@shopiq.example", name: "X", role: "ops" })]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fops%2Fusers");
    }
    expect(find("x@shopiq.example")).toBeUndefined();
  });

  it("answers 403 to ops users, for the page and for every change, and changes nothing", async () => {
    const opsEmail = fresh("ops");
    await addUser(t.db, opsEmail);
    const target = await addUser(t.db, fresh("target"));
    const ops = await signedIn(opsEmail);
    const page = await ops.get("/ops/users");
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Only admins can manage users.");
    const before = auditCount();
    const attempts: Record<string, string>[] = [
      { intent: "invite", email: "sneaky@shopiq.example", name: "Sneaky", role: "admin" },
      { intent: "role", userId: String(find(opsEmail)!.id), role: "admin" },
      { intent: "disable", userId: String(target.id) },
      { intent: "enable", userId: String(target.id) },
      { intent: "renew-invite", userId: String(target.id) },
    ];
    for (const form of attempts) expect((await ops.post("/ops/users", form)).status, form.intent).toBe(403);
    expect(auditCount()).toBe(before);
    expect(find(opsEmail)!.role).toBe("ops");
    expect(find("sneaky@shopiq.example")).toBeUndefined();
  });

  it("lists everyone with their role and state for an admin, without controls on their own row", async () => {
    const invited = fresh("listed");
    await admin.post("/ops/users", { intent: "invite", email: invited, name: "Listed Person", role: "admin" });
    const response = await admin.get("/ops/users");
    expect(response.status).toBe(200);
    const html = await response.text();
    const row = html.match(new RegExp(`<tr[^>]*><td>Listed Person</td><td>${invited}</td><td>admin</td><td>Invited.*?</tr>`))?.[0];
    expect(row).toBeTruthy();
    expect(row).toContain("link works until");
    expect(html).toMatch(/<td>admin@shopiq\.example<\/td><td>admin<\/td><td>Active<\/td><td><span class="muted">This is you/);
  });
});

describe("inviting", () => {
  it("creates the user without a password and shows a link once, which signs them in once", async () => {
    const email = fresh("new");
    const response = await admin.post("/ops/users", { intent: "invite", email: `  ${email.toUpperCase()} `, name: "New Colleague", role: "ops" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(status(html)).toBe(`Invited ${email} as ops.`);
    expect(html).toContain("expires in 7 days");
    const link = inviteLink(html)!;
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    expect(find(email)).toMatchObject({ role: "ops", passwordHash: null, disabledAt: null });
    // Reloading the page does not show the link again.
    expect(await (await admin.get("/ops/users")).text()).not.toContain(link);

    const path = new URL(link).pathname;
    const colleague = new Client(server.baseUrl);
    expect((await colleague.get(path)).status).toBe(200);
    const accepted = await colleague.post(path, { password: "a brand new long password", confirm: "a brand new long password" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/ops");
    const console = await colleague.get("/ops");
    expect(console.status).toBe(200);
    expect(await console.text()).toMatch(/<span>New Colleague(<!-- -->)? \((<!-- -->)?ops/);

    expect((await new Client(server.baseUrl).get(path)).status).toBe(404);
    const again = await new Client(server.baseUrl).post(path, { password: "someone else's password", confirm: "someone else's password" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/login");
  });

  const invalid = [
    { name: "an address that is not an email", form: { email: "not-an-email", name: "Someone", role: "ops" }, field: "email", message: "Enter an email address, like name@shopiq.example." },
    { name: "no email", form: { email: "   ", name: "Someone", role: "ops" }, field: "email", message: "Enter an email address, like name@shopiq.example." },
    { name: "no name", form: { email: "someone@shopiq.example", name: "  ", role: "ops" }, field: "name", message: "Enter their name." },
    { name: "a name that is too long", form: { email: "someone@shopiq.example", name: "x".repeat(101), role: "ops" }, field: "name", message: "Use at most 100 characters." },
    { name: "a role that does not exist", form: { email: "someone@shopiq.example", name: "Someone", role: "owner" }, field: "role", message: "Choose admin or ops." },
  ];
  it.each(invalid)("answers 400 with the field's error and keeps what was typed, on $name", async ({ form, field, message }) => {
    const before = auditCount();
    const response = await admin.post("/ops/users", { intent: "invite", ...form });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`<p id="invite-${field}-error" class="field-error">${message}</p>`);
    expect(html).toMatch(new RegExp(`id="invite-${field}"[^>]*aria-invalid="true"`));
    if (form.email.trim()) expect(html).toContain(`value="${form.email}"`);
    if (form.name.trim()) expect(html).toContain(`value="${form.name}"`);
    expect(find("someone@shopiq.example")).toBeUndefined();
    expect(auditCount()).toBe(before);
  });

  it("answers 400 on an email that already has an account, however it is typed", async () => {
    const email = fresh("taken");
    await addUser(t.db, email);
    const response = await admin.post("/ops/users", { intent: "invite", email: email.toUpperCase(), name: "Twin", role: "admin" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<p id="invite-email-error" class="field-error">There is already a user with this email.</p>');
    expect(html).toContain(`value="${email.toUpperCase()}"`);
    expect(html).toContain('value="Twin"');
    expect(html).toMatch(/<option value="admin" selected="">/);
  });

  it("gives an invited user a new link that replaces the old one", async () => {
    const email = fresh("renew");
    const first = inviteLink(await (await admin.post("/ops/users", { intent: "invite", email, name: "Renew", role: "ops" })).text())!;
    const response = await admin.post("/ops/users", { intent: "renew-invite", userId: String(find(email)!.id) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(status(html)).toBe(`A new invite link for ${email}; earlier links no longer work.`);
    const second = inviteLink(html)!;
    expect(second).not.toBe(first);
    expect((await new Client(server.baseUrl).get(new URL(first).pathname)).status).toBe(404);
    expect((await new Client(server.baseUrl).get(new URL(second).pathname)).status).toBe(200);
  });

  it("refuses a new link for someone who has a password (409), an unknown user (404) or a form without one (400)", async () => {
    const active = await addUser(t.db, fresh("active"));
    const refused = await admin.post("/ops/users", { intent: "renew-invite", userId: String(active.id) });
    expect(refused.status).toBe(409);
    expect(alert(await refused.text())).toBe(`${active.email} has already set a password, so an invite link is not needed.`);
    expect((await admin.post("/ops/users", { intent: "renew-invite", userId: "99999" })).status).toBe(404);
    const bad = await admin.post("/ops/users", { intent: "renew-invite", userId: "nobody" });
    expect(bad.status).toBe(400);
    expect(alert(await bad.text())).toBe("This form does not name a user; reload the page.");
  });
});

describe("changing roles", () => {
  it("promotes and demotes another user", async () => {
    const other = await addUser(t.db, fresh("promote"));
    const promoted = await admin.post("/ops/users", { intent: "role", userId: String(other.id), role: "admin" });
    expect(promoted.status).toBe(200);
    expect(status(await promoted.text())).toBe(`${other.email} is now admin.`);
    expect(find(other.email)!.role).toBe("admin");
    expect((await admin.post("/ops/users", { intent: "role", userId: String(other.id), role: "ops" })).status).toBe(200);
    expect(find(other.email)!.role).toBe("ops");
  });

  it("takes effect at the user's next request", async () => {
    const other = await addUser(t.db, fresh("rising"));
    const client = await signedIn(other.email);
    expect((await client.get("/ops/users")).status).toBe(403);
    await admin.post("/ops/users", { intent: "role", userId: String(other.id), role: "admin" });
    expect((await client.get("/ops/users")).status).toBe(200);
  });

  it("answers 400 on a role that does not exist and on a form without a user", async () => {
    const other = await addUser(t.db, fresh("stay"));
    const badRole = await admin.post("/ops/users", { intent: "role", userId: String(other.id), role: "root" });
    expect(badRole.status).toBe(400);
    const html = await badRole.text();
    expect(alert(html)).toBe("Choose admin or ops.");
    expect(html).toMatch(new RegExp(`id="role-${other.id}" name="role" aria-invalid="true"`));
    expect(find(other.email)!.role).toBe("ops");
    const noUser = await admin.post("/ops/users", { intent: "role", role: "admin" });
    expect(noUser.status).toBe(400);
    expect(alert(await noUser.text())).toBe("This form does not name a user; reload the page.");
  });

  it("answers 404 for a user that does not exist", async () => {
    const response = await admin.post("/ops/users", { intent: "role", userId: "99999", role: "admin" });
    expect(response.status).toBe(404);
    expect(alert(await response.text())).toMatch(/^There is no such user/);
  });

  it("does not let an admin demote themselves (409)", async () => {
    const response = await admin.post("/ops/users", { intent: "role", userId: String(adminId), role: "ops" });
    expect(response.status).toBe(409);
    expect(alert(await response.text())).toBe("You cannot change the role of your own account: ask another admin.");
    expect(find("admin@shopiq.example")!.role).toBe("admin");
  });
});

describe("disabling and enabling", () => {
  it("ends a disabled user's session at their next request, and enabling lets them sign in again", async () => {
    const other = await addUser(t.db, fresh("leaver"));
    const client = await signedIn(other.email);
    expect((await client.get("/ops")).status).toBe(200);
    const disabled = await admin.post("/ops/users", { intent: "disable", userId: String(other.id) });
    expect(disabled.status).toBe(200);
    expect(status(await disabled.text())).toBe(`Disabled ${other.email}: they are signed out everywhere and cannot sign in.`);
    const next = await client.get("/ops");
    expect(next.status).toBe(302);
    expect(next.headers.get("location")).toBe("/login?redirectTo=%2Fops");
    expect((await new Client(server.baseUrl).signIn(other.email)).status).toBe(400);
    expect(await (await admin.get("/ops/users")).text()).toMatch(new RegExp(`<td>${other.email}</td><td>ops</td><td>Disabled</td>`));

    const enabled = await admin.post("/ops/users", { intent: "enable", userId: String(other.id) });
    expect(enabled.status).toBe(200);
    expect(status(await enabled.text())).toBe(`Enabled ${other.email}: they can sign in again.`);
    expect((await new Client(server.baseUrl).signIn(other.email)).status).toBe(302);
  });

  it("answers 400 on a form without a user and 404 on a user that does not exist", async () => {
    const bad = await admin.post("/ops/users", { intent: "disable", userId: "-3" });
    expect(bad.status).toBe(400);
    expect(alert(await bad.text())).toBe("This form does not name a user; reload the page.");
    expect((await admin.post("/ops/users", { intent: "enable", userId: "99999" })).status).toBe(404);
  });

  it("does not let an admin disable themselves (409), and their session goes on", async () => {
    const response = await admin.post("/ops/users", { intent: "disable", userId: String(adminId) });
    expect(response.status).toBe(409);
    expect(alert(await response.text())).toBe("You cannot disable your own account: ask another admin.");
    expect(find("admin@shopiq.example")!.disabledAt).toBeNull();
    expect((await admin.get("/ops/users")).status).toBe(200);
  });

  it("keeps the last enabled admin enabled and an admin, from the console and from anywhere else", async () => {
    const alone = guidanceDatabase();
    const aloneServer = await startServer(alone.db);
    try {
      const only = await addUser(alone.db, "only@shopiq.example", "admin");
      const client = new Client(aloneServer.baseUrl);
      await client.signIn(only.email);
      // In the console the acting admin is always an enabled admin, so the self rule speaks first.
      expect((await client.post("/ops/users", { intent: "disable", userId: String(only.id) })).status).toBe(409);
      expect((await client.post("/ops/users", { intent: "role", userId: String(only.id), role: "ops" })).status).toBe(409);
      expect(() => changeUserDisabled(alone.db, COMMAND_LINE_ACTOR, only.id, true, Date.now())).toThrow("only@shopiq.example is the last enabled admin: make someone else an admin first.");
      expect(() => changeUserRole(alone.db, COMMAND_LINE_ACTOR, only.id, "ops")).toThrow(/last enabled admin/);
      expect(alone.db.select().from(user).get()).toMatchObject({ role: "admin", disabledAt: null });
      expect((await client.get("/ops/users")).status).toBe(200);
    } finally {
      await aloneServer.close();
      alone.close();
    }
  });
});

it("answers 400 to a form that does not say what to do", async () => {
  const response = await admin.post("/ops/users", { intent: "promote-everyone" });
  expect(response.status).toBe(400);
  expect(alert(await response.text())).toBe("The form did not say what to do; reload the page and try again.");
});
