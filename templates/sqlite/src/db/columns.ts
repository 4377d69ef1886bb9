import { integer } from "drizzle-orm/sqlite-core";

/** A point in time to the millisecond (what a JavaScript Date holds), stored as an integer. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
