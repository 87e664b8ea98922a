import { createCookie, redirect, type AppLoadContext, type Cookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { endSession, SESSION_LIFETIME_MS, startSession, userOfSession, type PublicUser } from "../../db/users/accounts";
import type { Actor } from "../../db/audit";
import type { UserRole } from "../../db/schema/enums";

export const SESSION_COOKIE_NAME = "status_session";
export const GENERATED_SESSION_SECRET_FILE = "session-secret";

export const generateSessionSecret = () => randomBytes(32).toString("base64url");

/**
 * The session cookie, signed with the first secret; older secrets still verify, so a new
 * secret can be put first without signing everyone out at once.
 */
export function createSessionCookie(secrets: string[]): Cookie {
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_LIFETIME_MS / 1000,
    secrets,
  });
}

/** Behind a proxy that terminates TLS the request arrives as http; the proxy says so in a header. */
function servedOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

async function sessionToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await context.auth.sessionCookie.parse(request.headers.get("cookie"));
  return typeof value === "string" ? value : null;
}

export async function currentUser(request: Request, context: AppLoadContext): Promise<PublicUser | null> {
  const token = await sessionToken(request, context);
  return token ? userOfSession(context.db, token, Date.now()) : null;
}

export const actorOf = (user: PublicUser): Actor => ({ userId: user.id, label: user.email });

/** Only paths on this site: `//evil.example` and absolute URLs are not followed after sign-in. */
export function safeRedirectPath(path: string | null | undefined, fallback = "/ops"): string {
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

/**
 * The signed-in user, or a redirect to the sign-in page that comes back here. A user
 * without the role gets 403: admins may do everything ops may do, not the other way round.
 */
export async function requireUser(request: Request, context: AppLoadContext, role: UserRole = "ops"): Promise<PublicUser> {
  const user = await currentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  }
  if (role === "admin" && user.role !== "admin") throw new Response("Only admins can do this.", { status: 403 });
  return user;
}

export async function signIn(request: Request, context: AppLoadContext, userId: number, redirectTo: string): Promise<Response> {
  const token = startSession(context.db, userId, Date.now());
  const cookie = await context.auth.sessionCookie.serialize(token, { secure: servedOverHttps(request) });
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export async function signOut(request: Request, context: AppLoadContext): Promise<Response> {
  const token = await sessionToken(request, context);
  if (token) endSession(context.db, token);
  const cookie = await context.auth.sessionCookie.serialize("", { maxAge: 0, secure: servedOverHttps(request) });
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
