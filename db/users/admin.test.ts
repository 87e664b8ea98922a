import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migratedDatabase, type TestDatabase } from "../../tests/support/database";
import { COMMAND_LINE_ACTOR, type Actor } from "../audit";
import { auditLog, session, user } from "../schema";
import type { UserRole } from "../schema/enums";
import { DAY_MS } from "../time";
import { createUser, DuplicateEmailError, findInvite, startSession, userOfSession } from "./accounts";
import { changeUserDisabled, changeUserRole, inviteUser, listManagedUsers, renewInvite, UserChangeRefusedError } from "./admin";

let t: TestDatabase;
beforeEach(() => {
  t = migratedDatabase();
});
afterEach(() => t.close());

const NOW_MS = Date.UTC(2025, 5, 1, 6, 30);

function person(email: string, role: UserRole = "ops") {
  return createUser(t.db, COMMAND_LINE_ACTOR, { email, name: email.split("@")[0]!, role, passwordHash: "scrypt$test" });
}
const actorFor = (u: { id: number; email: string }): Actor => ({ userId: u.id, label: u.email });
const audit = () => t.db.select().from(auditLog).orderBy(auditLog.id).all();
const roleOf = (id: number) => t.db.select({ role: user.role }).from(user).where(eq(user.id, id)).get()?.role;

describe("inviting", () => {
  it("creates an account without a password, a link that works until it expires, and audits both by the admin", () => {
    const admin = person("admin@shopiq.example", "admin");
    const invite = inviteUser(t.db, actorFor(admin), { email: " New.Person@ShopIQ.example ", name: "New Person", role: "ops" }, NOW_MS);
    expect(invite.user).toMatchObject({ email: "new.person@shopiq.example", name: "New Person", role: "ops", disabledAt: null });
    expect(invite.expiresAt.getTime()).toBe(NOW_MS + 7 * DAY_MS);
    expect(findInvite(t.db, invite.token, NOW_MS + 7 * DAY_MS - 1)?.userId).toBe(invite.user.id);
    expect(findInvite(t.db, invite.token, NOW_MS + 7 * DAY_MS)).toBeNull();
    expect(t.db.select({ hash: user.passwordHash }).from(user).where(eq(user.id, invite.user.id)).get()?.hash).toBeNull();

    const entries = audit().filter((e) => e.entityId === invite.user.id);
    expect(entries.map((e) => [e.action, e.actorLabel, e.actorUserId])).toEqual([
      ["user.create", "admin@shopiq.example", admin.id],
      ["user.invite", "admin@shopiq.example", admin.id],
    ]);
    expect(entries[1]!.after).toEqual({ inviteExpiresAt: new Date(NOW_MS + 7 * DAY_MS).toISOString() });
    expect(JSON.stringify(entries)).not.toContain(invite.token);
  });

  it("refuses an email that already has an account, however it is typed, and writes nothing", () => {
    const admin = person("admin@shopiq.example", "admin");
    person("taken@shopiq.example");
    const before = audit().length;
    expect(() => inviteUser(t.db, actorFor(admin), { email: "TAKEN@shopiq.example", name: "Again", role: "ops" }, NOW_MS)).toThrow(DuplicateEmailError);
    expect(audit()).toHaveLength(before);
  });

  it("replaces an invited user's link with a new one, and only for users who still need one", () => {
    const admin = person("admin@shopiq.example", "admin");
    const first = inviteUser(t.db, actorFor(admin), { email: "late@shopiq.example", name: "Late", role: "ops" }, NOW_MS);
    const later = NOW_MS + 8 * DAY_MS;
    expect(listManagedUsers(t.db).find((u) => u.id === first.user.id)).toMatchObject({ state: "invited", inviteExpiresAt: first.expiresAt });

    const second = renewInvite(t.db, actorFor(admin), first.user.id, later)!;
    expect(second.token).not.toBe(first.token);
    expect(findInvite(t.db, second.token, later)?.userId).toBe(first.user.id);
    const third = renewInvite(t.db, actorFor(admin), first.user.id, later + 1_000)!;
    expect(findInvite(t.db, second.token, later + 2_000)).toBeNull();
    expect(findInvite(t.db, third.token, later + 2_000)?.userId).toBe(first.user.id);
    expect(audit().filter((e) => e.action === "user.invite")).toHaveLength(3);

    const active = person("active@shopiq.example");
    expect(() => renewInvite(t.db, actorFor(admin), active.id, later)).toThrow(/already set a password/);
    changeUserDisabled(t.db, actorFor(admin), first.user.id, true, later);
    expect(() => renewInvite(t.db, actorFor(admin), first.user.id, later)).toThrow(/is disabled/);
    expect(renewInvite(t.db, actorFor(admin), 9_999, later)).toBeNull();
  });
});

describe("listing", () => {
  it("tells active, invited and disabled users apart, by email", () => {
    const admin = person("zed@shopiq.example", "admin");
    inviteUser(t.db, actorFor(admin), { email: "invited@shopiq.example", name: "Invited", role: "admin" }, NOW_MS);
    const gone = person("gone@shopiq.example");
    changeUserDisabled(t.db, actorFor(admin), gone.id, true, NOW_MS);
    expect(listManagedUsers(t.db).map((u) => [u.email, u.role, u.state, u.inviteExpiresAt])).toEqual([
      ["gone@shopiq.example", "ops", "disabled", null],
      ["invited@shopiq.example", "admin", "invited", new Date(NOW_MS + 7 * DAY_MS)],
      ["zed@shopiq.example", "admin", "active", null],
    ]);
  });
});

describe("changing roles", () => {
  it("promotes and demotes others, auditing before and after", () => {
    const admin = person("admin@shopiq.example", "admin");
    const other = person("other@shopiq.example");
    expect(changeUserRole(t.db, actorFor(admin), other.id, "admin")).toMatchObject({ changed: true, user: { role: "admin" } });
    expect(changeUserRole(t.db, actorFor(admin), other.id, "ops")).toMatchObject({ changed: true, user: { role: "ops" } });
    const entries = audit().filter((e) => e.action === "user.role");
    expect(entries.map((e) => [e.actorLabel, e.before, e.after])).toEqual([
      ["admin@shopiq.example", { role: "ops" }, { role: "admin" }],
      ["admin@shopiq.example", { role: "admin" }, { role: "ops" }],
    ]);
  });

  it("writes nothing when the role is already the one asked for", () => {
    const admin = person("admin@shopiq.example", "admin");
    const other = person("other@shopiq.example");
    const before = audit().length;
    expect(changeUserRole(t.db, actorFor(admin), other.id, "ops")).toMatchObject({ changed: false });
    expect(audit()).toHaveLength(before);
  });

  it("does not let admins demote themselves, even with other admins around", () => {
    const admin = person("admin@shopiq.example", "admin");
    person("second@shopiq.example", "admin");
    expect(() => changeUserRole(t.db, actorFor(admin), admin.id, "ops")).toThrow(UserChangeRefusedError);
    expect(roleOf(admin.id)).toBe("admin");
  });

  it("keeps the last enabled admin an admin, whoever asks", () => {
    const only = person("only@shopiq.example", "admin");
    const retired = person("retired@shopiq.example", "admin");
    changeUserDisabled(t.db, actorFor(only), retired.id, true, NOW_MS);
    const before = audit().length;
    expect(() => changeUserRole(t.db, COMMAND_LINE_ACTOR, only.id, "ops")).toThrow(/only@shopiq\.example is the last enabled admin/);
    expect(roleOf(only.id)).toBe("admin");
    expect(audit()).toHaveLength(before);
    // A disabled admin is not the one keeping the console managed.
    expect(changeUserRole(t.db, actorFor(only), retired.id, "ops")).toMatchObject({ changed: true });
  });

  it("answers null for a user that does not exist", () => {
    expect(changeUserRole(t.db, COMMAND_LINE_ACTOR, 9_999, "ops")).toBeNull();
  });
});

describe("disabling and enabling", () => {
  it("disables a user, ending their sessions, and enables them again", () => {
    const admin = person("admin@shopiq.example", "admin");
    const other = person("other@shopiq.example");
    const token = startSession(t.db, other.id, NOW_MS);
    expect(changeUserDisabled(t.db, actorFor(admin), other.id, true, NOW_MS)).toMatchObject({ changed: true, user: { disabledAt: new Date(NOW_MS) } });
    expect(userOfSession(t.db, token, NOW_MS)).toBeNull();
    expect(t.db.select().from(session).where(eq(session.userId, other.id)).all()).toEqual([]);
    expect(changeUserDisabled(t.db, actorFor(admin), other.id, true, NOW_MS)).toMatchObject({ changed: false });
    expect(changeUserDisabled(t.db, actorFor(admin), other.id, false, NOW_MS)).toMatchObject({ changed: true, user: { disabledAt: null } });
    expect(audit().filter((e) => e.entityId === other.id && e.action !== "user.create").map((e) => [e.action, e.before, e.after])).toEqual([
      ["user.disable", { disabled: false }, { disabled: true }],
      ["user.enable", { disabled: true }, { disabled: false }],
    ]);
  });

  it("does not let admins disable themselves", () => {
    const admin = person("admin@shopiq.example", "admin");
    person("second@shopiq.example", "admin");
    expect(() => changeUserDisabled(t.db, actorFor(admin), admin.id, true, NOW_MS)).toThrow(/cannot disable your own account/);
  });

  it("keeps the last enabled admin enabled, whoever asks", () => {
    const only = person("only@shopiq.example", "admin");
    const ops = person("ops@shopiq.example");
    expect(() => changeUserDisabled(t.db, COMMAND_LINE_ACTOR, only.id, true, NOW_MS)).toThrow(/last enabled admin/);
    expect(() => changeUserDisabled(t.db, actorFor(ops), only.id, true, NOW_MS)).toThrow(/last enabled admin/);
    const second = person("second@shopiq.example", "admin");
    expect(changeUserDisabled(t.db, actorFor(second), only.id, true, NOW_MS)).toMatchObject({ changed: true });
  });

  it("answers null for a user that does not exist", () => {
    expect(changeUserDisabled(t.db, COMMAND_LINE_ACTOR, 9_999, true, NOW_MS)).toBeNull();
  });
});
