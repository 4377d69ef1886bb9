import { timestamp } from "drizzle-orm/pg-core";

/** A timestamp with time zone, to the millisecond: what a JavaScript Date holds. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
