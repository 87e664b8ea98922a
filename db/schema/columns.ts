import { integer } from "drizzle-orm/sqlite-core";

/** `*_at` timestamps stored as Unix milliseconds. */
export const timestampMs = (name: string) => integer(name, { mode: "timestamp_ms" });

export const createdAt = () => timestampMs("created_at").notNull().$defaultFn(() => new Date());
export const updatedAt = () =>
  timestampMs("updated_at")
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date());
