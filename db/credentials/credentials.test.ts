import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addConnections, addProvider } from "../../tests/support/builders";
import { guidanceDatabase, type TestDatabase } from "../../tests/support/database";
import { connectionCredential } from "../schema";
import { generateKeyringSpec, KeyringError, open, parseKeyring, seal } from "./keyring";
import { loadCredential, resealCredentials, storeCredential } from "./store";

const SECRET = "rzp_live_Sup3rS3cretKeyValue";

let t: TestDatabase;
beforeEach(() => {
  t = guidanceDatabase();
});
afterEach(() => t.close());

describe("sealed credentials", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const keyring = parseKeyring(generateKeyringSpec());
    const { provider } = addProvider(t.db, "razorpay");
    const [c] = addConnections(t.db, provider.id, 1);
    storeCredential(t.db, keyring, c!.connection.id, SECRET);
    expect(loadCredential(t.db, keyring, c!.connection.id)).toBe(SECRET);
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(readFileSync(t.path).includes(Buffer.from(SECRET))).toBe(false);
    expect(JSON.stringify(t.db.select().from(connectionCredential).all())).not.toContain(SECRET);
  });

  it("refuses a tampered ciphertext", () => {
    const keyring = parseKeyring(generateKeyringSpec());
    const sealed = seal(keyring, SECRET);
    const flipped = Buffer.from(sealed.ciphertext, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open(keyring, { ...sealed, ciphertext: flipped.toString("base64") })).toThrow();
  });

  it("rotates: old secrets open with the old key and are resealed with the new one", () => {
    const oldSpec = generateKeyringSpec("k1");
    const { provider } = addProvider(t.db, "shiprocket", "logistics");
    const [a, b] = addConnections(t.db, provider.id, 2);
    storeCredential(t.db, parseKeyring(oldSpec), a!.connection.id, "token-a");
    storeCredential(t.db, parseKeyring(oldSpec), b!.connection.id, "token-b");
    const rotated = parseKeyring(`${generateKeyringSpec("k2")},${oldSpec}`);
    expect(loadCredential(t.db, rotated, a!.connection.id)).toBe("token-a");
    expect(resealCredentials(t.db, rotated)).toBe(2);
    expect(t.db.select({ keyId: connectionCredential.keyId }).from(connectionCredential).all().map((r) => r.keyId)).toEqual(["k2", "k2"]);
    const newOnly = parseKeyring(rotated.keys.get("k2") ? `k2:${rotated.keys.get("k2")!.toString("base64")}` : "");
    expect(loadCredential(t.db, newOnly, b!.connection.id)).toBe("token-b");
    expect(() => loadCredential(t.db, parseKeyring(oldSpec), b!.connection.id)).toThrow(KeyringError);
  });

  it("rejects malformed key settings with a clear reason", () => {
    expect(() => parseKeyring("")).toThrow("CREDENTIAL_KEYS holds no key");
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow('key "k1" must be 32 bytes');
    expect(() => parseKeyring("no-colon")).toThrow('entries must look like "id:base64key"');
    const spec = generateKeyringSpec("k1");
    expect(() => parseKeyring(`${spec},${spec}`)).toThrow('names key "k1" twice');
  });
});
