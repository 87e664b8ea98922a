import { eq, ne } from "drizzle-orm";
import type { Executor } from "../client";
import { connectionCredential } from "../schema";
import { open, seal, type Keyring } from "./keyring";

export function storeCredential(db: Executor, keyring: Keyring, connectionId: number, secret: string): void {
  const sealed = seal(keyring, secret);
  db.insert(connectionCredential)
    .values({ connectionId, ...sealed })
    .onConflictDoUpdate({ target: connectionCredential.connectionId, set: { ...sealed, updatedAt: new Date() } })
    .run();
}

/** The connection's secret, or null when it has none. */
export function loadCredential(db: Executor, keyring: Keyring, connectionId: number): string | null {
  const row = db.select().from(connectionCredential).where(eq(connectionCredential.connectionId, connectionId)).get();
  return row ? open(keyring, row) : null;
}

/** After a rotation: reseals every credential not yet sealed with the current key. */
export function resealCredentials(db: Executor, keyring: Keyring): number {
  return db.transaction((tx) => {
    const stale = tx.select().from(connectionCredential).where(ne(connectionCredential.keyId, keyring.currentKeyId)).all();
    for (const row of stale) storeCredential(tx, keyring, row.connectionId, open(keyring, row));
    return stale.length;
  });
}
