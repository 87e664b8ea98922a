import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { writeAudit, type Actor } from "../audit";
import type { Executor } from "../client";
import { session, user, userInvite } from "../schema";
import type { UserRole } from "../schema/enums";
import { DAY_MS } from "../time";
import { INVITE_LIFETIME_DAYS } from "./invite-lifetime";

export const SESSION_LIFETIME_MS = 7 * DAY_MS;
export const INVITE_LIFETIME_MS = INVITE_LIFETIME_DAYS * DAY_MS;
const TOKEN_BYTES = 32;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(TOKEN_BYTES).toString("base64url");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export type PublicUser = Pick<typeof user.$inferSelect, "id" | "email" | "name" | "role" | "disabledAt">;

const publicColumns = { id: user.id, email: user.email, name: user.name, role: user.role, disabledAt: user.disabledAt };

export class DuplicateEmailError extends Error {}

export function findUserForLogin(db: Executor, email: string) {
  return db.select().from(user).where(eq(user.email, normalizeEmail(email))).get() ?? null;
}

export function listUsers(db: Executor): PublicUser[] {
  return db.select(publicColumns).from(user).orderBy(user.email).all();
}

export function createUser(
  db: Executor,
  actor: Actor,
  input: { email: string; name: string; role: UserRole; passwordHash: string | null },
): PublicUser {
  return db.transaction((tx) => {
    const email = normalizeEmail(input.email);
    if (tx.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) throw new DuplicateEmailError(`a user with email ${email} already exists`);
    const created = tx.insert(user).values({ ...input, email }).returning(publicColumns).get();
    writeAudit(tx, { actor, action: "user.create", entityType: "user", entityId: created.id, after: created });
    return created;
  });
}

/** A one-time link to set a password; returns the token, the only time it exists outside a hash. */
export function createInvite(db: Executor, userId: number, nowMs: number): string {
  const token = newToken();
  db.insert(userInvite).values({ tokenHash: hashToken(token), userId, expiresAt: new Date(nowMs + INVITE_LIFETIME_MS) }).run();
  return token;
}

export function findInvite(db: Executor, token: string, nowMs: number) {
  return (
    db
      .select({ inviteId: userInvite.id, userId: user.id, email: user.email, name: user.name })
      .from(userInvite)
      .innerJoin(user, eq(user.id, userInvite.userId))
      .where(and(eq(userInvite.tokenHash, hashToken(token)), isNull(userInvite.usedAt), gt(userInvite.expiresAt, new Date(nowMs)), isNull(user.disabledAt)))
      .get() ?? null
  );
}

export function acceptInvite(db: Executor, token: string, passwordHash: string, nowMs: number): PublicUser | null {
  return db.transaction((tx) => {
    const invite = findInvite(tx, token, nowMs);
    if (!invite) return null;
    tx.update(userInvite).set({ usedAt: new Date(nowMs) }).where(eq(userInvite.id, invite.inviteId)).run();
    const updated = tx.update(user).set({ passwordHash }).where(eq(user.id, invite.userId)).returning(publicColumns).get();
    writeAudit(tx, { actor: { userId: updated.id, label: updated.email }, action: "user.set_password", entityType: "user", entityId: updated.id });
    return updated;
  });
}

export function setUserRole(db: Executor, actor: Actor, userId: number, role: UserRole): PublicUser | null {
  return db.transaction((tx) => {
    const before = tx.select(publicColumns).from(user).where(eq(user.id, userId)).get();
    if (!before) return null;
    const after = tx.update(user).set({ role }).where(eq(user.id, userId)).returning(publicColumns).get();
    writeAudit(tx, { actor, action: "user.role", entityType: "user", entityId: userId, before: { role: before.role }, after: { role } });
    return after;
  });
}

/** Disabling ends every session of the user at once; enabling lets them sign in again. */
export function setUserDisabled(db: Executor, actor: Actor, userId: number, disabled: boolean, nowMs: number): PublicUser | null {
  return db.transaction((tx) => {
    const before = tx.select(publicColumns).from(user).where(eq(user.id, userId)).get();
    if (!before) return null;
    const after = tx.update(user).set({ disabledAt: disabled ? new Date(nowMs) : null }).where(eq(user.id, userId)).returning(publicColumns).get();
    if (disabled) tx.delete(session).where(eq(session.userId, userId)).run();
    writeAudit(tx, {
      actor,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      before: { disabled: before.disabledAt !== null },
      after: { disabled },
    });
    return after;
  });
}

export function startSession(db: Executor, userId: number, nowMs: number): string {
  const token = newToken();
  db.insert(session)
    .values({ tokenHash: hashToken(token), userId, expiresAt: new Date(nowMs + SESSION_LIFETIME_MS), lastSeenAt: new Date(nowMs) })
    .run();
  return token;
}

/** The signed-in user behind a session token, if the session is live and the user enabled. */
export function userOfSession(db: Executor, token: string, nowMs: number): PublicUser | null {
  const row = db
    .select({ sessionId: session.id, ...publicColumns })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.tokenHash, hashToken(token)), gt(session.expiresAt, new Date(nowMs)), isNull(user.disabledAt)))
    .get();
  if (!row) return null;
  const { sessionId, ...found } = row;
  db.update(session).set({ lastSeenAt: new Date(nowMs) }).where(eq(session.id, sessionId)).run();
  return found;
}

export function endSession(db: Executor, token: string): void {
  db.delete(session).where(eq(session.tokenHash, hashToken(token))).run();
}
