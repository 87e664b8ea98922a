import { hashPassword } from "../../app/auth/password.server";
import { COMMAND_LINE_ACTOR } from "../../db/audit";
import type { Db } from "../../db/client";
import type { UserRole } from "../../db/schema/enums";
import { createUser } from "../../db/users/accounts";
import { startServer } from "./server";

export const TEST_PASSWORD = "a long and correct password";

export async function addUser(db: Db, email: string, role: UserRole = "ops") {
  return createUser(db, COMMAND_LINE_ACTOR, { email, name: email.split("@")[0]!, role, passwordHash: await hashPassword(TEST_PASSWORD) });
}

/** A browser-like client of the real server: keeps its cookie and sends this site's Origin. */
export class Client {
  cookie = "";
  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { redirect: "manual", headers: { cookie: this.cookie, ...headers } });
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: this.baseUrl, cookie: this.cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(form).toString(),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    return response;
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<Response> {
    return this.post("/login", { email, password, redirectTo: "/ops" });
  }
}

/** The real server over `db`, and a client signed in as a new user with this email and role. */
export async function signedInConsole(db: Db, email: string, role: UserRole = "ops") {
  const server = await startServer(db);
  const user = await addUser(db, email, role);
  const client = new Client(server.baseUrl);
  await client.signIn(email);
  return { server, client, user };
}
