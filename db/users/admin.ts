// What admins do to other people's accounts in the console. The rules that keep the
// console manageable (no one locks themselves out, there is always an admin left) are
// checked here, inside the transaction that writes, so no caller can skip them and two
// admins acting at once cannot both pass the check.

import { and, count, eq, gt, isNull, max, sql } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { user, userInvite } from "../schema";
import type { UserRole } from "../schema/enums";
import { createInvite, createUser, INVITE_LIFETIME_MS, setUserDisabled, setUserRole, type PublicUser } from "./accounts";

/** `invited`: has not set a password from their invite link yet. */
export type UserState = "active" | "invited" | "disabled";

export interface ManagedUser extends PublicUser {
  state: UserState;
  /** For invited users: when their newest unused link stops working (possibly already past). */
  inviteExpiresAt: Date | null;
}

/** A change the rules do not allow; the message says why, in words an admin can act on. */
export class UserChangeRefusedError extends Error {}

export interface IssuedInvite {
  user: PublicUser;
  /** The only copy outside a hash: show it once and forget it. */
  token: string;
  expiresAt: Date;
}

const managedColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  disabledAt: user.disabledAt,
  hasPassword: sql<number>`${user.passwordHash} is not null`,
};

const stateOf = (disabledAt: Date | null, hasPassword: number): UserState => (disabledAt !== null ? "disabled" : hasPassword ? "active" : "invited");

export function listManagedUsers(db: Executor): ManagedUser[] {
  const latestInvite = max(userInvite.expiresAt);
  const inviteExpiry = new Map(
    db
      .select({ userId: userInvite.userId, expiresAt: latestInvite })
      .from(userInvite)
      .where(isNull(userInvite.usedAt))
      .groupBy(userInvite.userId)
      .all()
      .map((r) => [r.userId, r.expiresAt]),
  );
  return db
    .select(managedColumns)
    .from(user)
    .orderBy(user.email)
    .all()
    .map(({ hasPassword, ...row }) => {
      const state = stateOf(row.disabledAt, hasPassword);
      return { ...row, state, inviteExpiresAt: state === "invited" ? (inviteExpiry.get(row.id) ?? null) : null };
    });
}

function findManaged(db: Executor, userId: number): { target: PublicUser; state: UserState } | null {
  const row = db.select(managedColumns).from(user).where(eq(user.id, userId)).get();
  if (!row) return null;
  const { hasPassword, ...target } = row;
  return { target, state: stateOf(target.disabledAt, hasPassword) };
}

function countEnabledAdmins(db: Executor): number {
  return db.select({ n: count() }).from(user).where(and(eq(user.role, "admin"), isNull(user.disabledAt))).get()?.n ?? 0;
}

/** Refuses a change that would take admin rights away from `target`, if that is not allowed. */
function guardAdminLoss(db: Executor, actor: Actor, target: PublicUser, doing: string): void {
  if (actor.userId === target.id) throw new UserChangeRefusedError(`You cannot ${doing} your own account: ask another admin.`);
  if (target.role === "admin" && target.disabledAt === null && countEnabledAdmins(db) <= 1) {
    throw new UserChangeRefusedError(`${target.email} is the last enabled admin: make someone else an admin first.`);
  }
}

/** The link is audited like any other change: whoever holds it can take over the account. */
function issueInvite(db: Executor, actor: Actor, target: PublicUser, nowMs: number): IssuedInvite {
  // A new link replaces any earlier one still lying in someone's inbox.
  db.update(userInvite)
    .set({ expiresAt: new Date(nowMs) })
    .where(and(eq(userInvite.userId, target.id), isNull(userInvite.usedAt), gt(userInvite.expiresAt, new Date(nowMs))))
    .run();
  const token = createInvite(db, target.id, nowMs);
  const expiresAt = new Date(nowMs + INVITE_LIFETIME_MS);
  writeAudit(db, { actor, action: "user.invite", entityType: "user", entityId: target.id, after: { inviteExpiresAt: expiresAt } });
  return { user: target, token, expiresAt };
}

/** Creates an account without a password and the one-time link its owner sets one with. Throws DuplicateEmailError. */
export function inviteUser(db: Executor, actor: Actor, input: { email: string; name: string; role: UserRole }, nowMs: number): IssuedInvite {
  return db.transaction((tx) => issueInvite(tx, actor, createUser(tx, actor, { ...input, passwordHash: null }), nowMs));
}

/** A fresh link for someone who has not set a password yet, e.g. because the first one expired. */
export function renewInvite(db: Executor, actor: Actor, userId: number, nowMs: number): IssuedInvite | null {
  return db.transaction((tx) => {
    const found = findManaged(tx, userId);
    if (!found) return null;
    const { target, state } = found;
    if (state === "disabled") throw new UserChangeRefusedError(`${target.email} is disabled: enable the account before sending a new invite link.`);
    if (state === "active") throw new UserChangeRefusedError(`${target.email} has already set a password, so an invite link is not needed.`);
    return issueInvite(tx, actor, target, nowMs);
  });
}

/**
 * Gives a user another role. Nobody demotes themselves (another admin has to), and the
 * last enabled admin stays an admin. Returns null for an unknown user.
 */
export function changeUserRole(db: Executor, actor: Actor, userId: number, role: UserRole): { user: PublicUser; changed: boolean } | null {
  return db.transaction((tx) => {
    const target = findManaged(tx, userId)?.target;
    if (!target) return null;
    if (target.role === role) return { user: target, changed: false };
    if (role !== "admin") guardAdminLoss(tx, actor, target, "change the role of");
    const updated = setUserRole(tx, actor, userId, role);
    return updated ? { user: updated, changed: true } : null;
  });
}

/**
 * Disables (ending every session at once) or enables a user. Nobody disables themselves,
 * and the last enabled admin stays enabled. Returns null for an unknown user.
 */
export function changeUserDisabled(
  db: Executor,
  actor: Actor,
  userId: number,
  disabled: boolean,
  nowMs: number,
): { user: PublicUser; changed: boolean } | null {
  return db.transaction((tx) => {
    const target = findManaged(tx, userId)?.target;
    if (!target) return null;
    if ((target.disabledAt !== null) === disabled) return { user: target, changed: false };
    if (disabled) guardAdminLoss(tx, actor, target, "disable");
    const updated = setUserDisabled(tx, actor, userId, disabled, nowMs);
    return updated ? { user: updated, changed: true } : null;
  });
}
