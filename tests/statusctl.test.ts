import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../db/client";
import { cause, provider } from "../db/schema";
import { runProcess } from "./support/processes";

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
